package io.sanliu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.ingest.auth.Sender;
import io.sanliu.ingest.auth.SenderRegistry;
import io.sanliu.ingest.auth.SenderRole;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The gateway against the real embedded Kafka broker. */
@ExtendWith(SanliuStackExtension.class)
class IngestServerTest {
  static final int BODY_LIMIT = 64 * 1024;
  static final String PLATFORM = "4403960001";
  static final String PLATFORM_KEY = "platform-key-" + UUID.randomUUID();
  static final String PAYMENT_KEY = "payment-key-" + UUID.randomUUID();
  static Vertx vertx;
  static IngestServer server;
  static SanliuStack stack;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(SanliuStack s) {
    stack = s;
    vertx = Vertx.vertx();
    SenderRegistry senders =
        new SenderRegistry(
            Map.of(
                PLATFORM_KEY, new Sender(PLATFORM, SenderRole.PLATFORM),
                PAYMENT_KEY, new Sender("4403980001", SenderRole.PAYMENT)));
    server =
        new IngestServer(
            vertx,
            s.kafkaConfig()
                .with(
                    Map.of(
                        ConfigKey.INGEST_MAX_BODY_BYTES,
                        String.valueOf(BODY_LIMIT),
                        ConfigKey.INGEST_MAX_RECORDS,
                        "5")),
            senders);
    server.start().await();
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close().await();
  }

  static HttpResponse<String> post(String path, String key, String contentType, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (key != null) b.header(IngestServer.API_KEY_HEADER, key);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postOrders(String contentType, String body) throws Exception {
    return post("/ingest/v1/orders", PLATFORM_KEY, contentType, body);
  }

  static ObjectNode order(String orderNo) throws Exception {
    ObjectNode o = OrderReaderTestData.validOrder();
    o.put("orderNo", orderNo);
    o.put("guid", "G-" + orderNo);
    return o;
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  static TopicProbe<Envelope<Order>> orders() {
    return new TopicProbe<>(stack.kafkaBootstrap(), Topics.ORDERS);
  }

  static TopicProbe<DeadLetter> deadLetters() {
    return new TopicProbe<>(stack.kafkaBootstrap(), Topics.DEAD_LETTER);
  }

  @Test
  void acceptedOrderIsOnTheOrdersTopicWithItsEnvelopeAndNoClearPersonalData() throws Exception {
    String orderNo = "SO-" + UUID.randomUUID();
    HttpResponse<String> response = postOrders("application/json", order(orderNo).toString());

    assertEquals(202, response.statusCode(), response.body());
    JsonNode receipt = json(response);
    assertEquals("accepted", receipt.get("status").asText());
    assertEquals(PLATFORM, receipt.get("sender").asText());
    assertEquals(PLATFORM + ":" + orderNo, receipt.at("/records/0/key").asText());

    try (TopicProbe<Envelope<Order>> probe = orders()) {
      var records =
          probe.await(
              r -> r.value().payload().orderNo().equals(orderNo), 1, Duration.ofSeconds(20));
      assertEquals(1, records.size());
      var record = records.get(0);
      Envelope<Order> e = record.value();
      assertEquals(PLATFORM + ":" + orderNo, record.key());
      assertEquals(EventType.ORDER, e.type());
      assertEquals("G-" + orderNo, e.messageGuid());
      assertEquals(PLATFORM, e.source());
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
    HttpResponse<String> response = postOrders("application/json", bad.toString());

    assertEquals(400, response.statusCode());
    JsonNode receipt = json(response);
    assertEquals("rejected", receipt.get("status").asText());
    assertEquals(
        List.of("goodsValue", "currency"),
        receipt.at("/records/0/errors").findValuesAsText("path"));

    try (TopicProbe<DeadLetter> probe = deadLetters()) {
      DeadLetter letter =
          probe
              .await(
                  r -> r.value().payload() != null && r.value().payload().contains(orderNo),
                  1,
                  Duration.ofSeconds(20))
              .get(0)
              .value();
      assertEquals("ingest", letter.stage());
      assertEquals(PLATFORM, letter.source());
      assertEquals(
          List.of("goodsValue", "currency"),
          letter.errors().stream().map(DeadLetter.FieldError::path).toList());
    }
  }

  @Test
  void batchOfRecordsIsAnsweredPerRecordAndOnlyValidOnesArePublished() throws Exception {
    String batch = "B-" + UUID.randomUUID();
    ArrayNode array = Json.mapper().createArrayNode();
    array.add(order(batch + "-1"));
    array.add(order(batch + "-2").put("tradeMode", "1111"));
    array.add(order(batch + "-3"));
    HttpResponse<String> response = postOrders("application/json", array.toString());

    assertEquals(202, response.statusCode(), response.body());
    JsonNode receipt = json(response);
    assertEquals("partial", receipt.get("status").asText());
    assertEquals(
        List.of(true, false, true),
        receipt.get("records").findValues("accepted").stream().map(JsonNode::asBoolean).toList());
    assertEquals("tradeMode", receipt.at("/records/1/errors/0/path").asText());

    String ndjson = order(batch + "-4") + "\n" + order(batch + "-5") + "\n";
    assertEquals(202, postOrders("application/x-ndjson", ndjson).statusCode());

    try (TopicProbe<Envelope<Order>> probe = orders()) {
      var published =
          probe.await(
              r -> r.value().payload().orderNo().startsWith(batch), 4, Duration.ofSeconds(20));
      assertEquals(
          List.of(batch + "-1", batch + "-3", batch + "-4", batch + "-5"),
          published.stream().map(r -> r.value().payload().orderNo()).sorted().toList());
    }
  }

  @Test
  void replayedMessageGuidGetsTheSameReceiptAndIsNotPublishedTwice() throws Exception {
    String orderNo = "SO-" + UUID.randomUUID();
    HttpResponse<String> first = postOrders("application/json", order(orderNo).toString());
    HttpResponse<String> again = postOrders("application/json", order(orderNo).toString());

    assertEquals(202, first.statusCode());
    assertEquals(202, again.statusCode());
    assertEquals(json(first), json(again));
    try (TopicProbe<Envelope<Order>> probe = orders()) {
      var copies =
          probe.drain(r -> r.value().payload().orderNo().equals(orderNo), Duration.ofSeconds(3));
      assertEquals(1, copies.size(), "published once");
    }
    try (TopicProbe<DeadLetter> probe = deadLetters()) {
      DeadLetter replay =
          probe
              .await(
                  r -> ("G-" + orderNo).equals(r.value().messageGuid()), 1, Duration.ofSeconds(20))
              .get(0)
              .value();
      assertTrue(replay.errors().get(0).reason().startsWith("replay of accepted message"));
    }
  }

  @Test
  void unknownSenderGets401AndItsMessageIsKept() throws Exception {
    String orderNo = "SO-" + UUID.randomUUID();
    HttpResponse<String> r =
        post("/ingest/v1/orders", "wrong-key", "application/json", order(orderNo).toString());
    assertEquals(401, r.statusCode());
    assertTrue(json(r).at("/records/0/errors/0/reason").asText().startsWith("unknown sender"));
    assertEquals(
        401,
        post("/ingest/v1/orders", null, "application/json", order(orderNo).toString())
            .statusCode());
    try (TopicProbe<DeadLetter> probe = deadLetters()) {
      probe.await(
          l -> l.value().payload() != null && l.value().payload().contains(orderNo),
          2,
          Duration.ofSeconds(20));
    }
  }

  @Test
  void aSenderMayNotPushAnotherParticipantsDocumentsNorDocumentsOfAnotherRole() throws Exception {
    HttpResponse<String> other =
        postOrders(
            "application/json",
            order("SO-" + UUID.randomUUID()).put("ebpCode", "4403960002").toString());
    assertEquals(403, other.statusCode());
    assertEquals("ebpCode", json(other).at("/records/0/errors/0/path").asText());
    assertTrue(json(other).at("/records/0/errors/0/reason").asText().contains("4403960002"));

    HttpResponse<String> role =
        post(
            "/ingest/v1/orders",
            PAYMENT_KEY,
            "application/json",
            order("SO-" + UUID.randomUUID()).toString());
    assertEquals(403, role.statusCode());
    assertTrue(json(role).at("/records/0/errors/0/reason").asText().contains("PAYMENT"));
  }

  @Test
  void malformedJsonIsRefusedAndKept() throws Exception {
    String marker = "broken-" + UUID.randomUUID();
    HttpResponse<String> response =
        postOrders("application/json", "{\"orderNo\":\"" + marker + "\",");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("malformed JSON"), response.body());
    try (TopicProbe<DeadLetter> probe = deadLetters()) {
      probe.await(
          r -> r.value().payload() != null && r.value().payload().contains(marker),
          1,
          Duration.ofSeconds(20));
    }
  }

  @Test
  void wrongContentTypeGets415TooLargeABodyOrTooManyRecordsGet413AndTheGatewayKeepsServing()
      throws Exception {
    assertEquals(415, postOrders("text/plain", order("SO-x").toString()).statusCode());
    String huge = "{\"note\":\"" + "x".repeat(BODY_LIMIT + 1) + "\"}";
    String hugeGuid = "HUGE-" + UUID.randomUUID();
    HttpResponse<String> tooLarge =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/ingest/v1/orders"))
                .header("Content-Type", "application/json")
                .header(IngestServer.API_KEY_HEADER, PLATFORM_KEY)
                .header(IngestServer.MESSAGE_GUID_HEADER, hugeGuid)
                .POST(HttpRequest.BodyPublishers.ofString(huge))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(413, tooLarge.statusCode());
    try (TopicProbe<DeadLetter> probe = deadLetters()) {
      DeadLetter letter =
          probe
              .await(l -> hugeGuid.equals(l.value().messageGuid()), 1, Duration.ofSeconds(20))
              .get(0)
              .value();
      assertEquals(PLATFORM, letter.source());
      assertTrue(
          letter.errors().get(0).reason().contains("larger than " + BODY_LIMIT),
          letter.errors().toString());
    }
    ArrayNode six = Json.mapper().createArrayNode();
    for (int i = 0; i < 6; i++) six.add(order("SO-" + UUID.randomUUID()));
    HttpResponse<String> tooMany = postOrders("application/json", six.toString());
    assertEquals(413, tooMany.statusCode());
    assertTrue(tooMany.body().contains("at most 5"), tooMany.body());
    assertEquals(
        404, post("/ingest/v1/nonsense", PLATFORM_KEY, "application/json", "{}").statusCode());
    assertEquals(
        202,
        postOrders("application/json", order("SO-" + UUID.randomUUID()).toString()).statusCode());
  }
}
