package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.events.Severity;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleMode;
import io.sanliu.model.risk.RuleScope;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

/** Rule types, rules in force, changes published on the control topic, and rule precision. */
@ExtendWith(SanliuStackExtension.class)
class RuleRoutesTest {
  static ApiFixture api;
  static SanliuStack stack;

  @BeforeAll
  static void start(SanliuStack s) {
    stack = s;
    api = ApiFixture.start(stack);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** The control topic's record of one rule id and version, as the risk engine reads it. */
  static RuleDefinition onTopic(String ruleId, int version) {
    try (TopicProbe<RuleDefinition> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.RISK_RULES)) {
      return probe
          .await(
              r -> ruleId.equals(r.key()) && r.value().version() == version,
              1,
              Duration.ofSeconds(20))
          .get(0)
          .value();
    }
  }

  @Test
  void theCatalogueNamesEveryTypeWithItsParameters() {
    JsonNode types = json(api.get("/api/v1/rule-types", Role.VIEWER)).get("types");
    assertEquals(RuleType.values().length, types.size());
    JsonNode single = types.get(0);
    assertEquals("SINGLE_LIMIT", single.get("type").asText());
    assertEquals("单笔交易超限", single.get("nameZh").asText());
    assertEquals("single transaction limit exceeded", single.get("nameEn").asText());
    assertEquals("limit", single.get("parameters").get(0).get("name").asText());
    assertEquals("5000", single.get("parameters").get(0).get("default").asText());
    assertEquals("DECIMAL", single.get("parameters").get(0).get("kind").asText());
  }

  @Test
  void theRulesInForceStartWithTheShippedDefaults() {
    JsonNode rules = json(api.get("/api/v1/rules", Role.ANALYST)).get("rules");
    List<String> ids = rules.findValuesAsText("ruleId");
    for (RuleDefinition d : DefaultRules.all()) assertTrue(ids.contains(d.ruleId()), d.ruleId());
    JsonNode one = json(api.get("/api/v1/rules/annual-quota", Role.ANALYST));
    assertEquals("ANNUAL_QUOTA", one.get("type").asText());
    problem(api.get("/api/v1/rules/no-such-rule", Role.ANALYST), 404);
  }

  @Test
  void aBadParameterIsRefusedNamingItAndNothingIsPublished() {
    JsonNode p =
        problem(
            api.post(
                "/api/v1/rules",
                Role.RISK_OFFICER,
                "{\"ruleId\":\"api-bad\",\"type\":\"SINGLE_LIMIT\",\"params\":{\"limit\":\"lots\"}}"),
            400);
    assertTrue(p.get("detail").asText().contains("params.limit"), p::toString);
    assertEquals("params.limit", p.get("invalidParams").get(0).asText());
    assertTrue(p.get("problems").get(0).asText().startsWith("params.limit is not a"), p::toString);

    JsonNode unknown =
        problem(
            api.post(
                "/api/v1/rules",
                Role.RISK_OFFICER,
                "{\"ruleId\":\"api-bad\",\"type\":\"SINGLE_LIMIT\",\"params\":{\"limt\":\"1\"}}"),
            400);
    assertTrue(unknown.get("detail").asText().contains("params.limt is not a parameter"));
    JsonNode type =
        problem(
            api.post(
                "/api/v1/rules", Role.RISK_OFFICER, "{\"ruleId\":\"api-bad\",\"type\":\"NOPE\"}"),
            400);
    assertEquals("type", type.get("invalidParams").get(0).asText());
    problem(
        api.post(
            "/api/v1/rules",
            Role.RISK_OFFICER,
            "{\"ruleId\":\"Bad Id\",\"type\":\"SINGLE_LIMIT\"}"),
        400);
    problem(api.post("/api/v1/rules", Role.RISK_OFFICER, "{\"type\":\"SINGLE_LIMIT\"}"), 400);
    problem(api.post("/api/v1/rules", Role.RISK_OFFICER, "not json"), 400);
    problem(api.get("/api/v1/rules/api-bad", Role.ANALYST), 404);
  }

  @Test
  void aRuleIsCreatedChangedAndSwitchedOnTheControlTopic() {
    HttpResponse<String> created =
        api.post(
            "/api/v1/rules",
            Role.RISK_OFFICER,
            "{\"ruleId\":\"api-limit\",\"type\":\"SINGLE_LIMIT\",\"mode\":\"SHADOW\","
                + "\"severity\":\"HIGH\",\"scope\":{\"tradeModes\":[\"9610\"]},"
                + "\"params\":{\"limit\":\"3000\"},\"note\":\"candidate\"}");
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("/api/v1/rules/api-limit", created.headers().firstValue("Location").orElse(""));
    assertEquals("sanliu.risk-rules", json(created).get("published").get("topic").asText());

    RuleDefinition v1 = onTopic("api-limit", 1);
    assertEquals(RuleType.SINGLE_LIMIT, v1.type());
    assertEquals(RuleMode.SHADOW, v1.mode());
    assertEquals(Severity.HIGH, v1.severity());
    assertEquals("3000", v1.params().get("limit"));
    assertEquals("test-risk_officer", v1.updatedBy());
    assertEquals(1, v1.scope().tradeModes().size());
    problem(
        api.post(
            "/api/v1/rules", Role.ADMIN, "{\"ruleId\":\"api-limit\",\"type\":\"SINGLE_LIMIT\"}"),
        409);

    HttpResponse<String> changed =
        api.put(
            "/api/v1/rules/api-limit",
            Role.ADMIN,
            "{\"version\":1,\"params\":{\"limit\":\"4000\"}}");
    assertEquals(200, changed.statusCode(), changed.body());
    RuleDefinition v2 = onTopic("api-limit", 2);
    assertEquals("4000", v2.params().get("limit"));
    assertEquals(RuleMode.SHADOW, v2.mode(), "fields left out keep their values");
    assertEquals("test-admin", v2.updatedBy());

    JsonNode stale =
        problem(
            api.put("/api/v1/rules/api-limit", Role.ADMIN, "{\"version\":1,\"note\":\"x\"}"), 409);
    assertEquals(2, stale.get("currentVersion").asInt());
    problem(api.put("/api/v1/rules/api-limit", Role.ADMIN, "{\"params\":{\"limit\":\"-5\"}}"), 400);

    assertEquals(
        200, api.post("/api/v1/rules/api-limit/disable", Role.RISK_OFFICER, "").statusCode());
    assertFalse(onTopic("api-limit", 3).enabled());
    problem(
        api.post("/api/v1/rules/api-limit/mode", Role.RISK_OFFICER, "{\"mode\":\"LOUD\"}"), 400);
    assertEquals(
        200,
        api.post("/api/v1/rules/api-limit/mode", Role.RISK_OFFICER, "{\"mode\":\"LIVE\"}")
            .statusCode());
    assertEquals(RuleMode.LIVE, onTopic("api-limit", 4).mode());
    assertEquals(
        200, api.post("/api/v1/rules/api-limit/enable", Role.RISK_OFFICER, "").statusCode());
    assertTrue(onTopic("api-limit", 5).enabled());

    JsonNode inForce = json(api.get("/api/v1/rules/api-limit", Role.ANALYST));
    assertEquals(5, inForce.get("version").asInt());
    assertEquals("LIVE", inForce.get("mode").asText());
    assertEquals("control-topic", inForce.get("source").asText());
    problem(api.post("/api/v1/rules/no-such-rule/enable", Role.RISK_OFFICER, ""), 404);
  }

  @Test
  void anotherInstanceReadsTheControlTopicFromItsStart() throws Exception {
    RuleDefinition published =
        new RuleDefinition(
            "api-from-topic",
            RuleType.STALLED_PARCEL,
            7,
            true,
            RuleMode.LIVE,
            Severity.LOW,
            RuleScope.ALL,
            Map.of("silence", "PT48H"),
            "published by another tool",
            "someone",
            Instant.now());
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    try (var producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.RISK_RULES.name(),
                  published.key().getBytes(StandardCharsets.UTF_8),
                  Topics.RISK_RULES.serialize(published)))
          .get();
    }
    try (ApiFixture second = ApiFixture.start(stack)) {
      JsonNode rule =
          Eventually.await(
              () -> json(second.get("/api/v1/rules/api-from-topic", Role.ANALYST)),
              r -> r.path("version").asInt() == 7,
              Duration.ofSeconds(20),
              "the topic's rule in the new instance");
      assertEquals("PT48H", rule.get("params").get("silence").asText());
      Eventually.await(
          () -> json(second.get("/api/v1/rules", Role.ANALYST)).get("caughtUp").asBoolean(),
          Boolean::booleanValue,
          Duration.ofSeconds(20),
          "caught up with the control topic");
    }
  }

  @Test
  void precisionIsTruePositivesOverClosedPerRule() {
    Instant at = Instant.parse("2031-04-01T00:00:00Z");
    List<io.sanliu.model.events.RiskAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 4; i++)
      alerts.add(
          TestAlerts.simple("precision-a-" + i, "precision-a", Severity.HIGH, "PRECISION", at));
    for (int i = 0; i < 3; i++)
      alerts.add(
          TestAlerts.simple("precision-b-" + i, "precision-b", Severity.LOW, "PRECISION", at));
    TestAlerts.index(stack.elastic().blocking(), alerts);
    close("precision-a-0", "TRUE_POSITIVE");
    close("precision-a-1", "TRUE_POSITIVE");
    close("precision-a-2", "TRUE_POSITIVE");
    close("precision-a-3", "FALSE_POSITIVE");
    close("precision-b-0", "FALSE_POSITIVE");
    close("precision-b-1", "FALSE_POSITIVE");
    // precision-b-2 stays acknowledged: not closed, not counted.
    assertEquals(
        200, api.post("/api/v1/alerts/precision-b-2/acknowledge", Role.ADMIN, "{}").statusCode());

    JsonNode rows = json(api.get("/api/v1/rules/precision", Role.ANALYST)).get("rules");
    JsonNode a = row(rows, "precision-a");
    assertEquals(4, a.get("closed").asInt());
    assertEquals(3, a.get("truePositives").asInt());
    assertEquals(1, a.get("falsePositives").asInt());
    assertEquals(0.75, a.get("precision").asDouble(), 1e-9);
    assertEquals("SINGLE_LIMIT", a.get("ruleType").asText());
    assertFalse(a.get("inForce").asBoolean(), "no such rule in force, closures kept");
    JsonNode b = row(rows, "precision-b");
    assertEquals(2, b.get("closed").asInt());
    assertEquals(0.0, b.get("precision").asDouble(), 1e-9);
    JsonNode shipped = row(rows, "weight-mismatch");
    assertTrue(shipped.get("inForce").asBoolean());
    assertTrue(shipped.get("precision").isNull(), "no closures, no precision");
    problem(api.get("/api/v1/rules/precision?from=soon", Role.ANALYST), 400);
  }

  static void close(String id, String outcome) {
    assertEquals(
        200,
        api.post("/api/v1/alerts/" + id + "/acknowledge", Role.RISK_OFFICER, "{}").statusCode());
    HttpResponse<String> r =
        api.post(
            "/api/v1/alerts/" + id + "/close",
            Role.RISK_OFFICER,
            "{\"outcome\":\"" + outcome + "\"}");
    assertEquals(200, r.statusCode(), r.body());
  }

  static JsonNode row(JsonNode rows, String ruleId) {
    for (JsonNode r : rows) if (r.get("ruleId").asText().equals(ruleId)) return r;
    throw new AssertionError("no row for " + ruleId + " in " + rows);
  }
}
