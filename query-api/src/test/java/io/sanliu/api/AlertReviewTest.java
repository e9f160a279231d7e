package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The review lifecycle on the real stack: legal transitions only, every change in the audit index,
 * optimistic concurrency, and the risk engine rewriting an alert without undoing a review.
 */
@ExtendWith(SanliuStackExtension.class)
class AlertReviewTest {
  static final Instant AT = Instant.parse("2031-02-01T10:00:00Z");
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

  static RiskAlert spike(String id, String count) {
    return TestAlerts.alert(
        id,
        "volume-spike",
        RuleType.VOLUME_SPIKE,
        Severity.MEDIUM,
        60,
        false,
        "REVIEW-TEST",
        AT,
        Map.of("count", count, "complete", "false"),
        "订单量突增 " + count,
        "volume spike " + count);
  }

  static HttpResponse<String> act(String id, String action, String body) {
    return api.post("/api/v1/alerts/" + id + "/" + action, Role.RISK_OFFICER, body);
  }

  @Test
  void theLifecycleRunsOpenAcknowledgedClosedAndKeepsAnAuditTrail() {
    String id = "review-lifecycle";
    TestAlerts.index(stack.elastic().blocking(), List.of(spike(id, "40")));
    JsonNode fresh = json(api.get("/api/v1/alerts/" + id, Role.RISK_OFFICER));
    assertEquals("OPEN", fresh.get("status").asText());
    assertFalse(fresh.has("review"));
    assertEquals(0, fresh.get("history").size());

    JsonNode early = problem(act(id, "close", "{\"outcome\":\"TRUE_POSITIVE\"}"), 409);
    assertTrue(early.get("detail").asText().contains("acknowledge it first"), early::toString);

    HttpResponse<String> ack = act(id, "acknowledge", "{\"comment\":\"looking\"}");
    assertEquals(200, ack.statusCode(), ack.body());
    assertEquals("ACKNOWLEDGED", json(ack).get("status").asText());
    assertEquals("test-risk_officer", json(ack).get("review").get("updatedBy").asText());
    problem(act(id, "acknowledge", "{}"), 409);

    HttpResponse<String> assigned = act(id, "assign", "{\"assignee\":\"alice\"}");
    assertEquals(200, assigned.statusCode(), assigned.body());
    assertEquals("ACKNOWLEDGED", json(assigned).get("status").asText(), "assign keeps the status");
    assertEquals("alice", json(assigned).get("review").get("assignee").asText());

    JsonNode badOutcome = problem(act(id, "close", "{\"outcome\":\"MAYBE\"}"), 400);
    assertEquals("outcome", badOutcome.get("invalidParams").get(0).asText());
    problem(act(id, "close", "{}"), 400);
    problem(act(id, "assign", "{}"), 400);

    HttpResponse<String> closed =
        act(id, "close", "{\"outcome\":\"TRUE_POSITIVE\",\"comment\":\"confirmed with customs\"}");
    assertEquals(200, closed.statusCode(), closed.body());
    assertEquals("CLOSED_TRUE_POSITIVE", json(closed).get("status").asText());
    assertEquals("alice", json(closed).get("review").get("assignee").asText());
    problem(act(id, "assign", "{\"assignee\":\"bob\"}"), 409);
    problem(act(id, "close", "{\"outcome\":\"FALSE_POSITIVE\"}"), 409);

    JsonNode history = json(api.get("/api/v1/alerts/" + id, Role.ADMIN)).get("history");
    assertEquals(3, history.size(), history::toString);
    assertEquals("acknowledge", history.get(0).get("action").asText());
    assertEquals("OPEN", history.get(0).get("fromStatus").asText());
    assertEquals("ACKNOWLEDGED", history.get(0).get("toStatus").asText());
    assertEquals("looking", history.get(0).get("comment").asText());
    assertEquals("assign", history.get(1).get("action").asText());
    assertEquals("alice", history.get(1).get("assignee").asText());
    assertEquals("close", history.get(2).get("action").asText());
    assertEquals("CLOSED_TRUE_POSITIVE", history.get(2).get("toStatus").asText());
    assertEquals("confirmed with customs", history.get(2).get("comment").asText());
    assertEquals("test-risk_officer", history.get(2).get("by").asText());
    assertEquals("risk_officer", history.get(2).get("role").asText());

    // The audit index itself holds the three entries, by alert id and revision.
    SearchResponse<ObjectNode> audit = auditOf(id);
    assertEquals(3, audit.hits().hits().size());
    assertEquals(
        List.of(id + ":1", id + ":2", id + ":3"),
        audit.hits().hits().stream().map(h -> h.id()).sorted().toList());
  }

  @Test
  void closingAnAlertPublishesItsOutcomeForTheCreditJob() {
    Instant at = Instant.parse("2049-05-02T03:00:00Z");
    RiskAlert tp =
        TestAlerts.simple("review-publish-tp", "single-limit", Severity.HIGH, "RV49ENT", at);
    RiskAlert fp =
        TestAlerts.simple("review-publish-fp", "single-limit", Severity.LOW, "RV49ENT", at);
    TestAlerts.index(stack.elastic().blocking(), List.of(tp, fp));
    for (RiskAlert a : List.of(tp, fp)) {
      assertEquals(200, act(a.alertId(), "acknowledge", "{}").statusCode());
    }
    try (TopicProbe<AlertReview> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.ALERT_REVIEWS)) {
      HttpResponse<String> closed =
          act(
              tp.alertId(),
              "close",
              "{\"outcome\":\"TRUE_POSITIVE\",\"comment\":\"张三 confirmed\"}");
      assertEquals(200, closed.statusCode(), closed.body());
      assertEquals(
          200, act(fp.alertId(), "close", "{\"outcome\":\"FALSE_POSITIVE\"}").statusCode());
      Map<String, TopicProbe.Keyed<AlertReview>> byId = new java.util.HashMap<>();
      probe
          .await(r -> r.key().startsWith("review-publish-"), 2, Duration.ofSeconds(20))
          .forEach(r -> byId.put(r.key(), r));
      AlertReview review = byId.get(tp.alertId()).value();
      assertEquals(tp.alertId(), review.alertId());
      assertEquals(AlertStatus.CLOSED_TRUE_POSITIVE, review.outcome());
      assertEquals(RuleType.SINGLE_LIMIT, review.ruleType());
      assertEquals("single-limit", review.ruleId());
      assertEquals("RV49ENT", review.enterpriseCode());
      assertEquals(tp.orderKeys(), review.orderKeys());
      assertEquals(tp.waybillKeys(), review.waybillKeys());
      assertEquals(tp.eventTime(), review.alertTime());
      assertEquals("risk_officer", review.reviewerRole());
      JsonNode status = json(closed).get("review");
      assertEquals(Instant.parse(status.get("updatedAt").asText()), review.reviewedAt());
      // No person: neither the reviewer's name nor the comment travels.
      String raw = new String(Topics.ALERT_REVIEWS.serialize(review), StandardCharsets.UTF_8);
      assertFalse(raw.contains("test-risk_officer") || raw.contains("张三"), raw);
      assertEquals(AlertStatus.CLOSED_FALSE_POSITIVE, byId.get(fp.alertId()).value().outcome());
    }
  }

  @Test
  void anEngineRewriteOfTheAlertDoesNotResetItsReview() {
    String id = "review-rewrite";
    TestAlerts.index(stack.elastic().blocking(), List.of(spike(id, "40")));
    assertEquals(200, act(id, "acknowledge", "{}").statusCode());
    assertEquals(200, act(id, "assign", "{\"assignee\":\"carol\"}").statusCode());

    // The engine learns more and writes the alert again, whole, with its status OPEN.
    TestAlerts.index(stack.elastic().blocking(), List.of(spike(id, "95")));

    JsonNode after = json(api.get("/api/v1/alerts/" + id, Role.RISK_OFFICER));
    assertEquals("95", after.get("evidence").get("count").asText(), "the new evidence is shown");
    assertEquals("ACKNOWLEDGED", after.get("status").asText(), "the review survives");
    assertEquals("carol", after.get("review").get("assignee").asText());
    JsonNode listed =
        json(api.get(
                "/api/v1/alerts?enterpriseCode=REVIEW-TEST&status=ACKNOWLEDGED", Role.RISK_OFFICER))
            .get("items");
    assertTrue(
        listed.findValuesAsText("alertId").contains(id), "still listed as acknowledged: " + listed);
    HttpResponse<String> closed = act(id, "close", "{\"outcome\":\"FALSE_POSITIVE\"}");
    assertEquals(200, closed.statusCode(), closed.body());
    assertEquals("95", json(closed).get("evidence").get("count").asText());
  }

  @Test
  void concurrentReviewsOfOneAlertLetExactlyOneWin() throws Exception {
    String id = "review-race";
    TestAlerts.index(stack.elastic().blocking(), List.of(spike(id, "12")));
    List<CompletableFuture<HttpResponse<String>>> racing = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      racing.add(
          api.http.sendAsync(
              api.request("/api/v1/alerts/" + id + "/acknowledge", Role.RISK_OFFICER)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"me " + i + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    List<Integer> statuses = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (var f : racing) {
      statuses.add(f.get().statusCode());
      bodies.add(f.get().body());
    }
    assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
    assertEquals(3, statuses.stream().filter(s -> s == 409).count(), bodies::toString);
    assertEquals(1, json(api.get("/api/v1/alerts/" + id, Role.RISK_OFFICER)).get("history").size());
  }

  @Test
  void anUnknownAlertIsNotFound() {
    problem(api.get("/api/v1/alerts/no-such-alert", Role.RISK_OFFICER), 404);
    problem(act("no-such-alert", "acknowledge", "{}"), 404);
  }

  @Test
  void anAlertTheApiCannotReadIsAnUnexpectedErrorWithAReference() throws Exception {
    // A document the engine never writes: a rule type no version of the model knows.
    stack
        .elastic()
        .blocking()
        .index(
            i ->
                i.index(Indices.ALERTS)
                    .id("review-unreadable")
                    .refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor)
                    .document(
                        Map.of(
                            "alertId", "review-unreadable",
                            "ruleId", "x",
                            "ruleType", "NOT_A_RULE_TYPE",
                            "severity", "LOW",
                            "detectedAt", AT.toString())));
    JsonNode p = problem(act("review-unreadable", "acknowledge", "{}"), 500);
    assertTrue(p.get("detail").asText().contains("reference"), p::toString);
    assertFalse(p.get("reference").asText().isBlank());
  }

  static SearchResponse<ObjectNode> auditOf(String id) {
    try {
      return stack
          .elastic()
          .blocking()
          .search(
              s ->
                  s.index(Indices.ALERT_AUDIT)
                      .query(q -> q.term(t -> t.field("alertId").value(id)))
                      .size(100),
              ObjectNode.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
