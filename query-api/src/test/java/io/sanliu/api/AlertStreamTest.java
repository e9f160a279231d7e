package io.sanliu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Live alerts over Server-Sent Events from the alerts topic: delivery, resume, roles, ticks. */
@ExtendWith(SanliuStackExtension.class)
class AlertStreamTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static ApiFixture api;
  static SanliuStack stack;
  static KafkaProducer<byte[], byte[]> producer;

  @BeforeAll
  static void start(SanliuStack s) {
    stack = s;
    api = ApiFixture.start(stack, Map.of(ConfigKey.API_SSE_HEARTBEAT, "PT1S"));
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @AfterAll
  static void stop() {
    producer.close();
    api.close();
  }

  static RiskAlert alert(String id, boolean shadow) {
    return TestAlerts.alert(
        id,
        shadow ? "payer-candidate" : "payer-not-buyer",
        RuleType.PAYER_NOT_BUYER,
        Severity.HIGH,
        80,
        shadow,
        "STREAM-TEST",
        Instant.now(),
        Map.of("payerId", "110***********1234", "amountPaid", "88.00"),
        "由 110***********1234 支付",
        "paid by 110***********1234");
  }

  /** Publishes as the risk engine does (key: alert id), on a given partition or the key's. */
  static void publish(RiskAlert alert, Integer partition) throws Exception {
    Envelope<RiskAlert> envelope =
        Envelope.of(
            EventType.RISK_ALERT, "risk-engine", "guid-" + alert.alertId(), Instant.now(), alert);
    producer
        .send(
            new ProducerRecord<>(
                Topics.ALERTS.name(),
                partition,
                alert.alertId().getBytes(StandardCharsets.UTF_8),
                Topics.ALERTS.serialize(envelope)))
        .get();
  }

  static JsonNode data(SseClient.Event e) {
    try {
      return Json.mapper().readTree(e.data());
    } catch (Exception x) {
      throw new AssertionError(e.data(), x);
    }
  }

  static boolean about(SseClient.Event e, String alertId) {
    return "alert".equals(e.name()) && e.data().contains("\"alertId\":\"" + alertId + "\"");
  }

  @Test
  void aNewAlertArrivesAndAReconnectResumesAfterTheLastEventId() throws Exception {
    String firstId;
    try (SseClient officer = new SseClient(api, "/api/v1/stream/alerts", Role.RISK_OFFICER, null)) {
      assertEquals(200, officer.status());
      assertTrue(officer.contentType().startsWith("text/event-stream"));
      publish(alert("sse-1", false), null);
      SseClient.Event first = officer.await(e -> about(e, "sse-1"), WAIT);
      assertTrue(first.id().matches("\\d+--?\\d+(\\.\\d+--?\\d+)*"), first.id());
      assertEquals("110***********1234", data(first).get("evidence").get("payerId").asText());
      firstId = first.id();
    }
    // Missed while disconnected:
    publish(alert("sse-2", false), null);
    publish(alert("sse-3", false), null);
    try (SseClient back = new SseClient(api, "/api/v1/stream/alerts", Role.RISK_OFFICER, firstId)) {
      back.await(e -> about(e, "sse-2"), WAIT);
      back.await(e -> about(e, "sse-3"), WAIT);
      publish(alert("sse-4", false), null);
      back.await(e -> about(e, "sse-4"), WAIT);
      List<SseClient.Event> all = back.drain(Duration.ofMillis(500));
      assertFalse(all.stream().anyMatch(e -> about(e, "sse-1")), "already seen: " + all);
      for (String id : List.of("sse-2", "sse-3", "sse-4")) {
        assertEquals(1, all.stream().filter(e -> about(e, id)).count(), id + " once: " + all);
      }
    }
  }

  @Test
  void viewersGetLiveAlertsOnlyWithPersonalValuesHidden() throws Exception {
    try (SseClient viewer = new SseClient(api, "/api/v1/stream/alerts", Role.VIEWER, null);
        SseClient officer =
            new SseClient(api, "/api/v1/stream/alerts?shadow=true", Role.RISK_OFFICER, null)) {
      // Same partition: the shadow alert comes before the live one for every reader.
      publish(alert("sse-shadow", true), 0);
      publish(alert("sse-live", false), 0);
      SseClient.Event live = viewer.await(e -> about(e, "sse-live"), WAIT);
      assertFalse(
          viewer.drain(Duration.ofMillis(300)).stream().anyMatch(e -> about(e, "sse-shadow")));
      JsonNode shown = data(live);
      assertEquals("***", shown.get("evidence").get("payerId").asText());
      assertFalse(shown.get("explanationZh").asText().contains("1234"));
      assertEquals("88.00", shown.get("evidence").get("amountPaid").asText());
      officer.await(e -> about(e, "sse-shadow"), WAIT);
      officer.await(e -> about(e, "sse-live"), WAIT);
    }
    try (SseClient refused =
        new SseClient(api, "/api/v1/stream/alerts?shadow=true", Role.VIEWER, null)) {
      assertEquals(403, refused.status());
      assertTrue(refused.contentType().startsWith("application/problem+json"));
    }
  }

  @Test
  void anIdleStreamGetsHeartbeats() throws Exception {
    try (SseClient idle = new SseClient(api, "/api/v1/stream/alerts", Role.VIEWER, null)) {
      idle.awaitComment("heartbeat", Duration.ofSeconds(5));
    }
  }

  @Test
  void aClientTooFarBehindIsToldToReload() throws Exception {
    for (int i = 0; i < 3; i++) publish(alert("sse-old-" + i, false), 1);
    // A feed that holds one alert: partition 1's older alerts are no longer there to replay.
    try (ApiFixture small = ApiFixture.start(stack, Map.of(ConfigKey.API_SSE_REPLAY, "1"));
        SseClient late =
            new SseClient(small, "/api/v1/stream/alerts", Role.ANALYST, "0--1.1--1.2--1.3--1")) {
      SseClient.Event reset = late.await(e -> "reset".equals(e.name()), WAIT);
      assertTrue(reset.data().contains("reload /api/v1/alerts"), reset.data());
    }
  }

  @Test
  void aBrokenLastEventIdIsABadRequest() throws Exception {
    try (SseClient bad = new SseClient(api, "/api/v1/stream/alerts", Role.VIEWER, "yesterday")) {
      assertEquals(400, bad.status());
    }
  }

  @Test
  void theKpiStreamTicksWithAlertCountsPerSeverity() throws Exception {
    try (SseClient kpis = new SseClient(api, "/api/v1/stream/kpis", Role.VIEWER, null)) {
      SseClient.Event tick = kpis.await(e -> "kpis".equals(e.name()), Duration.ofSeconds(5));
      JsonNode body = data(tick);
      assertEquals("PT24H", body.get("window").asText());
      for (Severity s : Severity.values())
        assertTrue(body.get("liveAlertsBySeverity").has(s.name()));
      SseClient.Event next =
          kpis.await(e -> "kpis".equals(e.name()) && e != tick, Duration.ofSeconds(5));
      assertTrue(
          Instant.parse(data(next).get("at").asText())
              .isAfter(Instant.parse(body.get("at").asText())));
    }
  }

  @Test
  void streamsAcceptTheTokenInTheQueryForEventSource() throws Exception {
    String token = api.token(Role.VIEWER);
    try (SseClient viaQuery =
        new SseClient(api, "/api/v1/stream/kpis?access_token=" + token, null, null)) {
      assertEquals(200, viaQuery.status());
    }
    // Only streams: elsewhere a token in the URL is not taken.
    assertEquals(401, api.get("/api/v1/alerts?access_token=" + token, null).statusCode());
  }
}
