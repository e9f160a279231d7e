package io.sanliu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.ingest.json.OrderReaderTestData;
import io.sanliu.model.Json;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topics;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway against the real embedded Kafka broker. */
@ExtendWith(SanliuStackExtension.class)
class IngestServerTest {
  static final int BODY_LIMIT = 64 * 1024;
  static Vertx vertx;
  static IngestServer server;
  static SanliuStack stack;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(SanliuStack s) {
    stack = s;
    vertx = Vertx.vertx();
    server =
        new IngestServer(
            vertx, s.config().with(ConfigKey.INGEST_MAX_BODY_BYTES, String.valueOf(BODY_LIMIT)));
    server.start().await();
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close().await();
  }

  static HttpResponse<String> post(String contentType, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/ingest/v1/orders"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static ObjectNode order(String orderNo) throws Exception {
    ObjectNode o = OrderReaderTestData.validOrder();
    o.put("orderNo", orderNo);
    o.put("guid", "G-" + orderNo);
    return o;
  }

  @Test
  void acceptedOrderIsOnTheOrdersTopicWithItsEnvelopeAndNoClearPersonalData() throws Exception {
    String orderNo = "SO-" + UUID.randomUUID();
    HttpResponse<String> response = post("application/json", order(orderNo).toString());

    assertEquals(202, response.statusCode(), response.body());
    JsonNode receipt = Json.mapper().readTree(response.body());
    assertEquals("accepted", receipt.get("status").asText());
    assertEquals("4403960001:" + orderNo, receipt.at("/records/0/key").asText());

    try (TopicProbe<Envelope<Order>> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.ORDERS)) {
      var records =
          probe.await(
              r -> r.value().payload().orderNo().equals(orderNo), 1, Duration.ofSeconds(20));
      assertEquals(1, records.size());
      var record = records.get(0);
      Envelope<Order> e = record.value();
      assertEquals("4403960001:" + orderNo, record.key());
      assertEquals(EventType.ORDER, e.type());
      assertEquals("G-" + orderNo, e.messageGuid());
      assertEquals("4403960001", e.source());
      assertEquals(e.payload().appTime(), e.eventTime());
      assertEquals(new BigDecimal("199.80"), e.payload().goodsValue());
      assertEquals("奶粉", e.payload().items().get(0).itemName());
      String raw = new String(record.raw(), StandardCharsets.UTF_8);
      assertFalse(raw.contains("440301199001011234"), "ID number in clear on Kafka");
      assertFalse(raw.contains("13800138000"), "telephone in clear on Kafka");
      assertTrue(raw.contains("440***********1234"), "masked ID kept for display");
    }
  }

  @Test
  void invalidOrderIsRefusedWithFieldPathsAndKeptOnTheDeadLetterTopic() throws Exception {
    String orderNo = "SO-" + UUID.randomUUID();
    ObjectNode bad = order(orderNo);
    bad.put("goodsValue", "-1");
    bad.remove("currency");
    HttpResponse<String> response = post("application/json", bad.toString());

    assertEquals(400, response.statusCode());
    JsonNode receipt = Json.mapper().readTree(response.body());
    assertEquals("rejected", receipt.get("status").asText());
    List<String> paths = receipt.at("/records/0/errors").findValuesAsText("path");
    assertEquals(List.of("goodsValue", "currency"), paths);

    try (TopicProbe<DeadLetter> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.DEAD_LETTER)) {
      DeadLetter letter =
          probe
              .await(
                  r -> ("G-" + orderNo).equals(r.value().messageGuid()), 1, Duration.ofSeconds(20))
              .get(0)
              .value();
      assertEquals("ingest", letter.stage());
      assertEquals(
          List.of("goodsValue", "currency"),
          letter.errors().stream().map(DeadLetter.FieldError::path).toList());
      assertTrue(letter.payload().contains(orderNo), "raw payload kept");
    }
  }

  @Test
  void malformedJsonIsRefusedAndKept() throws Exception {
    String marker = "broken-" + UUID.randomUUID();
    HttpResponse<String> response = post("application/json", "{\"orderNo\":\"" + marker + "\",");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("malformed JSON"), response.body());
    try (TopicProbe<DeadLetter> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.DEAD_LETTER)) {
      probe.await(
          r -> r.value().payload() != null && r.value().payload().contains(marker),
          1,
          Duration.ofSeconds(20));
    }
  }

  @Test
  void wrongContentTypeGets415AndTooLargeABodyGets413() throws Exception {
    assertEquals(415, post("text/plain", order("SO-x").toString()).statusCode());
    String huge = "{\"note\":\"" + "x".repeat(BODY_LIMIT + 1) + "\"}";
    assertEquals(413, post("application/json", huge).statusCode());
    // The gateway keeps serving after refusing.
    assertEquals(
        202, post("application/json", order("SO-" + UUID.randomUUID()).toString()).statusCode());
  }
}
