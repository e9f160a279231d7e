package io.sanliu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.ingest.auth.Sender;
import io.sanliu.ingest.auth.SenderRegistry;
import io.sanliu.ingest.auth.SenderRole;
import io.sanliu.ingest.json.OrderReaderTestData;
import io.sanliu.model.Json;
import io.sanliu.model.ceb.CebMessage;
import io.sanliu.model.ceb.CebMessageType;
import io.sanliu.model.ceb.CebMessageWriter;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topics;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CEB XML messages through the gateway, against the real embedded Kafka broker. */
@ExtendWith(SanliuStackExtension.class)
class IngestXmlTest {
  static final String PLATFORM = "4403960001";
  static final String KEY = "xml-platform-key-" + UUID.randomUUID();
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
            vertx,
            s.kafkaConfig(),
            new SenderRegistry(Map.of(KEY, new Sender(PLATFORM, SenderRole.PLATFORM))));
    server.start().await();
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close().await();
  }

  static HttpResponse<String> post(String path, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/xml")
            .header(IngestServer.API_KEY_HEADER, KEY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A CEB311 message of two orders, as a platform's system writes it, in {@code charset}. */
  static byte[] ceb311(String prefix, Charset charset) throws Exception {
    List<ObjectNode> records = List.of(textOrder(prefix + "-1"), textOrder(prefix + "-2"));
    CebMessage message =
        new CebMessage(
            CebMessageType.CEB311,
            "MSG-" + prefix,
            "1.0",
            new CebMessage.Transfer(PLATFORM, "模拟平台", "DXP", "DXPENT0000000001", null),
            records);
    return new CebMessageWriter().write(message, charset);
  }

  /** The valid order with every value as text, in head order, as XML carries it. */
  static ObjectNode textOrder(String orderNo) throws Exception {
    ObjectNode json = OrderReaderTestData.validOrder();
    json.put("orderNo", orderNo);
    json.put("guid", "G-" + orderNo);
    json.remove("orderType"); // CEB311 implies an import order
    ObjectNode text = Json.mapper().createObjectNode();
    json.fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().equals("items")) {
                var items = text.putArray("items");
                for (JsonNode item : e.getValue()) {
                  ObjectNode line = items.addObject();
                  item.fields().forEachRemaining(f -> line.put(f.getKey(), f.getValue().asText()));
                }
              } else {
                text.put(e.getKey(), e.getValue().asText());
              }
            });
    return text;
  }

  @Test
  void ceb311InUtf8AndInGbkIsAcceptedRecordByRecordWithChineseTextIntact() throws Exception {
    for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
      String prefix = "X" + charset.name() + "-" + UUID.randomUUID();
      HttpResponse<String> r = post("/ingest/v1/ceb", ceb311(prefix, charset));
      assertEquals(202, r.statusCode(), r.body());
      JsonNode receipt = Json.mapper().readTree(r.body());
      assertEquals("MSG-" + prefix, receipt.get("messageGuid").asText());
      assertEquals(2, receipt.get("records").size());

      try (TopicProbe<Envelope<Order>> probe =
          new TopicProbe<>(stack.kafkaBootstrap(), Topics.ORDERS)) {
        var orders =
            probe.await(
                o -> o.value().payload().orderNo().startsWith(prefix), 2, Duration.ofSeconds(20));
        Order first = orders.get(0).value().payload();
        assertEquals("奶粉", first.items().get(0).itemName(), charset.name());
        assertEquals(io.sanliu.model.events.Direction.I, first.direction());
        assertFalse(
            new String(orders.get(0).raw(), StandardCharsets.UTF_8).contains("440301199001011234"));
      }
    }
  }

  @Test
  void xmlOnATypedRouteMustBeOfThatType() throws Exception {
    HttpResponse<String> r =
        post("/ingest/v1/payments", ceb311("T-" + UUID.randomUUID(), StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("CEB311Message"), r.body());
    assertEquals(
        202,
        post("/ingest/v1/orders", ceb311("T-" + UUID.randomUUID(), StandardCharsets.UTF_8))
            .statusCode());
  }

  @Test
  void externalEntitiesAreRefusedWithoutReadingTheFileAndKeptAsDeadLetters() throws Exception {
    String marker = "xxe-" + UUID.randomUUID();
    String xxe =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <ceb:CEB311Message guid="%s" version="1.0" xmlns:ceb="http://www.chinaport.gov.cn/ceb">
          <ceb:Order><ceb:OrderHead><ceb:note>&xxe;</ceb:note></ceb:OrderHead></ceb:Order>
        </ceb:CEB311Message>
        """
            .formatted(marker);
    HttpResponse<String> r = post("/ingest/v1/ceb", xxe.getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("DOCTYPE"), r.body());
    assertFalse(r.body().contains("root:"), "the file must not be read");
    try (TopicProbe<DeadLetter> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.DEAD_LETTER)) {
      probe.await(
          l -> l.value().payload() != null && l.value().payload().contains(marker),
          1,
          Duration.ofSeconds(20));
    }
  }

  @Test
  void entityExpansionIsRefusedAtOnceAndTheGatewayKeepsServing() throws Exception {
    StringBuilder laughs =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    laughs.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
    for (int i = 2; i <= 9; i++) {
      laughs
          .append(" <!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    laughs.append(
        "]>\n<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">&lol9;</ceb:CEB311Message>");
    HttpResponse<String> r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> post("/ingest/v1/ceb", laughs.toString().getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, r.statusCode());
    try (TopicProbe<DeadLetter> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.DEAD_LETTER)) {
      probe.await(
          l -> l.value().payload() != null && l.value().payload().contains("<!DOCTYPE lolz"),
          1,
          Duration.ofSeconds(20));
    }
    assertEquals(
        202,
        post("/ingest/v1/ceb", ceb311("after-" + UUID.randomUUID(), StandardCharsets.UTF_8))
            .statusCode());
  }

  @Test
  void malformedXmlNamesTheLine() throws Exception {
    String broken =
        "<?xml version=\"1.0\"?>\n<ceb:CEB311Message xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">\n<ceb:Order>\n";
    HttpResponse<String> r = post("/ingest/v1/ceb", broken.getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.statusCode());
    assertTrue(
        Json.mapper()
            .readTree(r.body())
            .at("/records/0/errors/0/path")
            .asText()
            .startsWith("line "),
        r.body());
  }
}
