package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Listing alerts past Elasticsearch's 10,000-hit window: 10,500 synthetic alerts, paged with the
 * API's cursor in every order and status, against the real Elasticsearch.
 */
@ExtendWith(SanliuStackExtension.class)
class AlertPagingTest {
  static final int ALERTS = 10_500;
  static final String ENTERPRISE = "PAGING-10K";
  static final Instant NEWEST = Instant.parse("2031-01-01T00:00:00Z");
  static final String BASE = "/api/v1/alerts?enterpriseCode=" + ENTERPRISE;
  static ApiFixture api;
  static final List<RiskAlert> alerts = new ArrayList<>();

  @BeforeAll
  static void start(SanliuStack stack) {
    for (int i = 0; i < ALERTS; i++) {
      // Three alerts per second: ties on detectedAt are broken by the alert id.
      Instant at = NEWEST.minusSeconds(i / 3);
      Severity severity = Severity.values()[i % 4];
      alerts.add(
          TestAlerts.alert(
              String.format("page-%05d", i),
              "paging-rule-" + (i % 3),
              i % 2 == 0 ? RuleType.SINGLE_LIMIT : RuleType.UNDERVALUATION,
              severity,
              (i * 37) % 101,
              false,
              ENTERPRISE,
              at,
              Map.of("n", Integer.toString(i)),
              "测试",
              "test"));
    }
    TestAlerts.index(stack.elastic().blocking(), alerts);
    api = ApiFixture.start(stack);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** Follows the cursor to the end; every page is one request. */
  static List<JsonNode> all(String query, Role role) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 200; page++) {
      String path =
          query
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<String> r = api.get(path, role);
      assertEquals(200, r.statusCode(), r.body());
      JsonNode body = json(r);
      body.get("items").forEach(items::add);
      if (body.get("next").isNull()) return items;
      cursor = body.get("next").asText();
    }
    throw new AssertionError("no end after 200 pages of " + query);
  }

  static Set<String> ids(List<JsonNode> items) {
    Set<String> ids = new HashSet<>();
    items.forEach(i -> ids.add(i.get("alertId").asText()));
    return ids;
  }

  @Test
  void pagesPastTenThousandInDetectionOrderWithTheCursor() {
    JsonNode first = json(api.get(BASE + "&size=500", Role.ANALYST));
    assertEquals(ALERTS, first.get("total").asLong());
    assertFalse(first.get("next").isNull());

    List<JsonNode> items = all(BASE + "&size=500", Role.ANALYST);
    assertEquals(ALERTS, items.size());
    assertEquals(ALERTS, ids(items).size(), "every alert exactly once");
    for (int i = 1; i < items.size(); i++) {
      Instant before = Instant.parse(items.get(i - 1).get("detectedAt").asText());
      Instant at = Instant.parse(items.get(i).get("detectedAt").asText());
      assertFalse(at.isAfter(before), "newest first at " + i);
      if (at.equals(before)) {
        assertTrue(
            items.get(i - 1).get("alertId").asText().compareTo(items.get(i).get("alertId").asText())
                < 0,
            "ties by id at " + i);
      }
    }
  }

  @Test
  void severityOrderRunsGravestFirstAcrossPages() {
    List<JsonNode> items = all(BASE + "&size=400&sort=severity", Role.RISK_OFFICER);
    assertEquals(ALERTS, ids(items).size());
    for (int i = 1; i < items.size(); i++) {
      Severity before = Severity.valueOf(items.get(i - 1).get("severity").asText());
      Severity now = Severity.valueOf(items.get(i).get("severity").asText());
      assertTrue(now.compareTo(before) <= 0, "gravest first at " + i + ": " + before + " " + now);
    }
    List<JsonNode> ascending = all(BASE + "&size=500&sort=severity&order=asc", Role.ANALYST);
    assertEquals("LOW", ascending.get(0).get("severity").asText());
    assertEquals("CRITICAL", ascending.get(ascending.size() - 1).get("severity").asText());
  }

  @Test
  void scoreOrderAndFiltersAreExact() {
    List<JsonNode> byScore = all(BASE + "&size=500&sort=score&order=asc", Role.ANALYST);
    assertEquals(ALERTS, byScore.size());
    for (int i = 1; i < byScore.size(); i++) {
      assertTrue(
          byScore.get(i).get("score").asDouble() >= byScore.get(i - 1).get("score").asDouble());
    }
    long critical = alerts.stream().filter(a -> a.severity() == Severity.CRITICAL).count();
    assertEquals(
        critical, json(api.get(BASE + "&severity=CRITICAL", Role.ANALYST)).get("total").asLong());
    long rule0 =
        alerts.stream()
            .filter(
                a -> a.ruleId().equals("paging-rule-0") && a.ruleType() == RuleType.SINGLE_LIMIT)
            .count();
    assertEquals(
        rule0,
        json(api.get(BASE + "&ruleId=paging-rule-0&ruleType=SINGLE_LIMIT", Role.ANALYST))
            .get("total")
            .asLong());
    // The newest 30 seconds hold alerts 0..89.
    String window =
        "&from="
            + NEWEST.minusSeconds(29)
            + "&to="
            + NEWEST.plusSeconds(1)
            + "&timeField=detectedAt";
    assertEquals(90, json(api.get(BASE + window, Role.ANALYST)).get("total").asLong());
  }

  @Test
  void statusFiltersJoinTheReviewsAcrossPages() {
    for (String id : List.of("page-00010", "page-05000", "page-10400")) {
      assertEquals(
          200,
          api.post("/api/v1/alerts/" + id + "/acknowledge", Role.RISK_OFFICER, "{}").statusCode());
    }
    HttpResponse<String> closed =
        api.post(
            "/api/v1/alerts/page-05000/close",
            Role.RISK_OFFICER,
            "{\"outcome\":\"FALSE_POSITIVE\",\"comment\":\"test\"}");
    assertEquals(200, closed.statusCode(), closed.body());

    List<JsonNode> open = all(BASE + "&size=500&status=OPEN", Role.ANALYST);
    assertEquals(ALERTS - 3, ids(open).size());
    assertEquals(ALERTS - 3, open.size());
    assertTrue(open.stream().allMatch(a -> a.get("status").asText().equals("OPEN")));

    List<JsonNode> acknowledged = all(BASE + "&size=1&status=ACKNOWLEDGED", Role.ANALYST);
    assertEquals(Set.of("page-00010", "page-10400"), ids(acknowledged));
    assertEquals(
        2, json(api.get(BASE + "&status=ACKNOWLEDGED", Role.ANALYST)).get("total").asLong());
    List<JsonNode> done = all(BASE + "&status=CLOSED", Role.ANALYST);
    assertEquals(Set.of("page-05000"), ids(done));
    assertEquals("CLOSED_FALSE_POSITIVE", done.get(0).get("status").asText());
    assertEquals(ALERTS - 1, all(BASE + "&size=500&status=OPEN,ACKNOWLEDGED", Role.ANALYST).size());
  }

  @Test
  void aCursorIsBoundToItsQueryAndOffsetsDoNotExist() {
    String next = json(api.get(BASE + "&size=10", Role.ANALYST)).get("next").asText();
    JsonNode p =
        problem(api.get(BASE + "&size=10&severity=HIGH&cursor=" + next, Role.ANALYST), 400);
    assertTrue(p.get("detail").asText().startsWith("cursor belongs to a list with other filters"));
    problem(api.get(BASE + "&cursor=bm90LWEtY3Vyc29y", Role.ANALYST), 400);
    JsonNode offset = problem(api.get(BASE + "&offset=10000", Role.ANALYST), 400);
    assertTrue(offset.get("detail").asText().contains("offset"), offset::toString);
    problem(api.get(BASE + "&size=501", Role.ANALYST), 400);
    problem(api.get(BASE + "&sort=alertId", Role.ANALYST), 400);
  }

  @Test
  void aListThatFitsOnOnePageEndsThere() {
    // The newest ten seconds hold alerts 0..29; the LOW ones are 0, 4, ..., 28.
    JsonNode page =
        json(api.get(BASE + "&severity=LOW&size=500&from=" + NEWEST.minusSeconds(9), Role.ANALYST));
    assertEquals(8, page.get("size").asInt());
    assertEquals(8, page.get("total").asLong());
    assertTrue(page.get("next").isNull());
  }
}
