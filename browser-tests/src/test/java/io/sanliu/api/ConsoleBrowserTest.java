package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.archive.TraceParcel;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The risk console and the SQL workbench in headless Chromium against the query-api on the real
 * stack (development tokens on, as in {@code sanliu local}): 25 alerts of June 2019 (a time no
 * other test uses), one of them on a parcel whose every document, shipment timeline and customs
 * status is archived as the jobs write them. A risk officer signs in by role, filters, pages,
 * sorts, opens the alert with its trace and closes it; the rules view switches and edits a rule of
 * its own; a viewer signed in with a pasted token sees no action; an analyst runs SQL, charts and
 * exports the rows, and sees a refused statement's problem. Screenshots go to target/screenshots/.
 */
@ExtendWith(SanliuStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
  static final Duration WAIT = HeadlessChromium.WAIT;
  static final TraceParcel PARCEL = ConsoleSeed.PARCEL;
  static final String E1 = ConsoleSeed.E1;
  static final String E2 = ConsoleSeed.E2;
  static final String TRACED = ConsoleSeed.TRACED;
  static final String OWN_RULE = "con41-limit";

  static ApiFixture api;
  static HeadlessChromium chromium;
  static ConsolePage page;
  static final List<RiskAlert> alerts = ConsoleSeed.alerts();

  @BeforeAll
  static void start(SanliuStack stack) throws Exception {
    api = ApiFixture.start(stack, Map.of(ConfigKey.API_DEV_TOKENS, "true"));
    ElasticsearchClient es = stack.elastic().blocking();
    ConsoleSeed.index(es, alerts);
    // A rule of the test's own to switch and edit (the shipped ones are left as they are).
    assertEquals(
        201,
        api.post(
                "/api/v1/rules",
                Role.RISK_OFFICER,
                "{\"ruleId\":\"" + OWN_RULE + "\",\"type\":\"SINGLE_LIMIT\",\"severity\":\"LOW\"}")
            .statusCode());
    chromium = new HeadlessChromium(1600, 1000);
    page = new ConsolePage(chromium, api);
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (api != null) api.close();
  }

  // ---------------------------------------------------------------- page helpers

  /** June 2019 only, and optionally one enterprise: the test's own alerts. */
  static void filterJune2019(String enterprise) {
    page.filter(enterprise, "2019-06-01T00:00", "2019-07-01T00:00");
  }

  static List<String> expected(java.util.function.Predicate<RiskAlert> which) {
    return alerts.stream()
        .filter(which)
        .sorted(Comparator.comparing(RiskAlert::detectedAt).reversed())
        .map(RiskAlert::alertId)
        .toList();
  }

  static List<String> awaitRows(List<String> expected, String what) throws Exception {
    try {
      return Eventually.await(page::rowIds, expected::equals, WAIT, what);
    } catch (AssertionError e) {
      chromium.screenshot("failed-" + what.replaceAll("\\W+", "-") + ".png");
      throw e;
    }
  }

  // ---------------------------------------------------------------- the risk console

  @Test
  @Order(1)
  void aRiskOfficerOpensAnAlertWithItsTraceAndClosesItAndTheListReflectsIt() throws Exception {
    page.signInAs("risk_officer");
    assertTrue(chromium.text("#who").contains("风控专员"), chromium.text("#who"));
    filterJune2019(E1);
    awaitRows(expected(a -> a.enterpriseCode().equals(E1)), "the enterprise's June 2019 alerts");

    chromium.find("#alerts tr[data-alert-id='" + TRACED + "']").click();
    Eventually.await(
        () -> chromium.all("#trace .timeline li").size(),
        n -> n > 0,
        WAIT,
        "the alert's detail with its order trace");
    assertEquals(TRACED, page.attribute("#detail .detail-head", "data-alert-id"));
    assertTrue(chromium.text("#evidence").contains("110***********8765"), "the stored evidence");
    // The trace's timeline: the documents, the customs statuses, the three tracking states and
    // the alert itself, in time.
    @SuppressWarnings("unchecked")
    List<String> kinds =
        (List<String>)
            chromium.script(
                "return [...document.querySelectorAll('#trace .timeline li')].map(l => l.dataset.kind);");
    for (String kind :
        List.of("ORDER", "PAYMENT", "WAYBILL", "CUSTOMS_LIST", "CUSTOMS", "LOGISTICS", "ALERT")) {
      assertTrue(kinds.contains(kind), kind + " in the timeline " + kinds);
    }
    assertEquals(3, kinds.stream().filter("LOGISTICS"::equals).count(), kinds.toString());
    assertEquals(
        "ALERT",
        kinds.get(kinds.size() - 1),
        "the alert came last, three days in (after the evaluation)");
    JsonNode trace =
        json(
            api.get(
                "/api/v1/orders/" + PARCEL.ebpCode() + "/" + PARCEL.orderNo() + "/trace",
                Role.RISK_OFFICER));
    assertEquals(
        trace.get("customsStatuses").size(), kinds.stream().filter("CUSTOMS"::equals).count());
    chromium.screenshot("console-alert-detail.png");

    chromium.find("#review-comment").sendKeys("已核查单证");
    chromium.find("#review [data-action='acknowledge']").click();
    Eventually.await(
        () -> page.attribute("#detail-status", "data-status"),
        "ACKNOWLEDGED"::equals,
        WAIT,
        "acknowledged");
    chromium.find("#review-comment").sendKeys("支付人与订购人确不一致");
    chromium.find("#review [data-outcome='TRUE_POSITIVE']").click();
    Eventually.await(
        () -> page.attribute("#detail-status", "data-status"),
        "CLOSED_TRUE_POSITIVE"::equals,
        WAIT,
        "closed as a true positive");
    Eventually.await(
        () -> page.attribute("#alerts tr[data-alert-id='" + TRACED + "']", "data-status"),
        "CLOSED_TRUE_POSITIVE"::equals,
        WAIT,
        "the list showing the alert closed");
    assertTrue(
        chromium.text("#alerts tr[data-alert-id='" + TRACED + "'] .status-cell").contains("已关闭"));
    assertEquals(2, chromium.all("#detail .history li").size(), "two review entries shown");

    // Through the API (the review index in Elasticsearch): closed, by whom, with the comment.
    JsonNode stored = json(api.get("/api/v1/alerts/" + TRACED, Role.ADMIN));
    assertEquals("CLOSED_TRUE_POSITIVE", stored.get("status").asText());
    JsonNode last = stored.get("history").get(stored.get("history").size() - 1);
    assertEquals("console-risk_officer", last.get("by").asText());
    assertEquals("支付人与订购人确不一致", last.get("comment").asText());
    JsonNode closed =
        json(
            api.get(
                "/api/v1/alerts?status=CLOSED&enterpriseCode=" + E1 + "&from=2019-06-01T00:00:00Z",
                Role.ADMIN));
    assertEquals(List.of(TRACED), closed.get("items").findValuesAsText("alertId"));
    chromium.screenshot("console-closed.png");
    page.noConsoleErrors();
  }

  @Test
  @Order(2)
  void theListFiltersPagesWithCursorsAndSorts() throws Exception {
    List<String> june = expected(a -> true);
    page.value("page-size", "20");
    filterJune2019("");
    awaitRows(june.subList(0, 20), "the first page of 20");
    assertTrue(chromium.text("#page-info").contains("共 25 条"), chromium.text("#page-info"));
    chromium.find("#next").click();
    awaitRows(june.subList(20, 25), "the second page: the last five");
    assertTrue(chromium.find("#next").getDomAttribute("disabled") != null, "no third page");
    chromium.find("#prev").click();
    awaitRows(june.subList(0, 20), "back to the first page");

    // By score, highest first.
    chromium.find("#alerts th[data-sort='score']").click();
    List<String> byScore =
        alerts.stream()
            .sorted(Comparator.comparingDouble(RiskAlert::score).reversed())
            .map(RiskAlert::alertId)
            .limit(20)
            .toList();
    awaitRows(byScore, "sorted by score");

    page.value("f-severity", "CRITICAL");
    chromium.find("#apply").click();
    awaitRows(
        alerts.stream()
            .filter(a -> a.severity() == Severity.CRITICAL)
            .sorted(Comparator.comparingDouble(RiskAlert::score).reversed())
            .map(RiskAlert::alertId)
            .toList(),
        "critical ones by score");
    page.value("f-severity", "");
    page.noConsoleErrors();
  }

  @Test
  @Order(3)
  void theRulesShowPrecisionAndARiskOfficerSwitchesAndEditsARule() throws Exception {
    chromium.find("#nav-rules").click();
    String row = "#rules tr[data-rule-id='" + OWN_RULE + "']";
    Eventually.await(() -> chromium.all(row).size(), n -> n == 1, WAIT, "the rules listed");
    assertEquals(
        json(api.get("/api/v1/rules", Role.ANALYST)).get("rules").size(),
        chromium.all("#rules tbody tr[data-rule-id]").size());
    // The alert closed as a true positive: payer-not-buyer's precision is 1 of 1.
    String payer = "#rules tr[data-rule-id='payer-not-buyer']";
    Eventually.await(
        () -> chromium.text(payer + " .precision"), "100.0%"::equals, WAIT, "the precision");

    chromium.find(row + " [data-op='mode']").click();
    Eventually.await(() -> page.attribute(row, "data-mode"), "SHADOW"::equals, WAIT, "shadow mode");
    assertEquals(
        "SHADOW", json(api.get("/api/v1/rules/" + OWN_RULE, Role.ANALYST)).get("mode").asText());

    chromium.find(row + " [data-op='edit']").click();
    chromium.find("#rule-editor input[name='limit']").sendKeys("3000");
    chromium.script(
        "document.querySelector(\"#rule-editor select[name='severity']\").value = 'HIGH';");
    chromium.screenshot("console-rules-edit.png");
    chromium.find("#rule-editor button[type='submit']").click();
    Eventually.await(() -> page.attribute(row, "data-version"), "3"::equals, WAIT, "version 3");
    JsonNode rule = json(api.get("/api/v1/rules/" + OWN_RULE, Role.ANALYST));
    assertEquals("3000", rule.at("/params/limit").asText());
    assertEquals("HIGH", rule.get("severity").asText());
    assertEquals("SHADOW", rule.get("mode").asText(), "the edit kept the mode");
    assertTrue(chromium.text("#rules-message").contains(OWN_RULE));
    chromium.screenshot("console-rules.png");
    page.noConsoleErrors();
  }

  @Test
  @Order(4)
  void aViewerSignedInWithAPastedTokenSeesNoActions() throws Exception {
    chromium.open(api.uri("/console.html#alerts").toString());
    page.signInWithToken(api.token(Role.VIEWER), "viewer");
    assertEquals(0, chromium.all("#nav-rules").size(), "no rules for viewers");
    assertEquals(0, chromium.all("#nav-workbench").size(), "no SQL for viewers");
    filterJune2019(E1);
    awaitRows(expected(a -> a.enterpriseCode().equals(E1)), "the same alerts");
    chromium.find("#alerts tr[data-alert-id='" + TRACED + "']").click();
    Eventually.await(
        () -> page.attribute("#detail .detail-head", "data-alert-id"),
        TRACED::equals,
        WAIT,
        "the detail");
    assertEquals(0, chromium.all("#review").size(), "no review form");
    assertEquals(0, chromium.all("#detail button[data-action]").size(), "no action buttons");
    assertTrue(chromium.text("#evidence").contains("***"), "personal evidence hidden");
    assertTrue(!chromium.text("#evidence").contains("8765"), chromium.text("#evidence"));
    chromium.screenshot("console-viewer.png");

    chromium.open(api.uri("/workbench.html").toString());
    Eventually.await(
        () -> chromium.find("#not-allowed"), e -> e.isDisplayed(), WAIT, "SQL refused to viewers");
    assertTrue(!chromium.find("#workbench").isDisplayed());
    page.noConsoleErrors();
  }

  // ---------------------------------------------------------------- the SQL workbench

  @Test
  @Order(5)
  void anAnalystRunsAQueryAndSeesChartsAndExportsTheRows() throws Exception {
    chromium.find("#sign-out").click();
    page.signInAs("analyst");
    chromium.open(api.uri("/workbench.html").toString());
    Eventually.await(() -> chromium.find("#sql"), e -> e.isDisplayed(), WAIT, "the editor");
    page.value(
        "sql",
        "SELECT severity, COUNT(*) AS alerts FROM alerts WHERE enterprise_code = '"
            + E2
            + "' GROUP BY severity ORDER BY severity");
    chromium.find("#run").click();
    Map<String, Long> counts =
        alerts.stream()
            .filter(a -> a.enterpriseCode().equals(E2))
            .collect(
                Collectors.groupingBy(
                    a -> a.severity().name(), TreeMap::new, Collectors.counting()));
    List<String> expectedRows =
        counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    @SuppressWarnings("unchecked")
    List<String> rows =
        Eventually.await(
            () ->
                (List<String>)
                    chromium.script(
                        "return [...document.querySelectorAll('#result tbody tr')]"
                            + ".map(r => [...r.cells].map(c => c.textContent).join(' '));"),
            expectedRows::equals,
            WAIT,
            "the rows of the query");
    assertEquals(expectedRows, rows);
    assertEquals(
        "true", page.attribute("#chart", "data-drawn"), "charted: severity against alerts");
    assertEquals(1, chromium.all("#chart canvas").size());

    // CSV export: the file's text as the page hands it to the browser.
    chromium.script(
        "window.exported = null; const make = URL.createObjectURL;"
            + " URL.createObjectURL = (b) => { b.arrayBuffer().then(a => window.exported ="
            + " JSON.stringify(new TextDecoder('utf-8', {ignoreBOM: true}).decode(a)));"
            + " return make(b); };");
    chromium.find("#export").click();
    // As JSON text: the driver would turn the file's CRLF line ends into LF on the way.
    String csv =
        Json.mapper()
            .readValue(
                (String)
                    Eventually.await(
                        () -> chromium.script("return window.exported;"),
                        t -> t != null,
                        WAIT,
                        "the exported CSV"),
                String.class);
    StringBuilder expectedCsv = new StringBuilder("\ufeffseverity,alerts\r\n");
    counts.forEach((k, v) -> expectedCsv.append(k).append(',').append(v).append("\r\n"));
    assertEquals(expectedCsv.toString(), csv);
    chromium.screenshot("workbench-result.png");
    page.noConsoleErrors();
  }

  @Test
  @Order(6)
  void aRefusedQueryShowsItsProblem() throws Exception {
    page.value("sql", "DELETE FROM alerts WHERE enterprise_code = '" + E2 + "'");
    chromium.find("#run").click();
    String error =
        Eventually.await(
                () -> chromium.find("#sql-error"), e -> e.isDisplayed(), WAIT, "the refusal shown")
            .getText();
    String detail =
        ApiFixture.problem(
                api.post(
                    "/api/v1/sql",
                    Role.ANALYST,
                    "{\"sql\":\"DELETE FROM alerts WHERE enterprise_code = '" + E2 + "'\"}"),
                400)
            .get("detail")
            .asText();
    assertTrue(error.contains("Bad Request (400)"), error);
    assertTrue(error.contains(detail), error + " should hold " + detail);
    assertTrue(detail.startsWith("read-only"), detail);
    assertTrue(!chromium.find("#result").isDisplayed(), "no stale rows under the error");
    chromium.screenshot("workbench-refused.png");
    // The browser logs the refused request itself (a network message, not a script error).
    List<String> errors = chromium.consoleErrors();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(
        errors.get(0).contains("/api/v1/sql") && errors.get(0).contains("status of 400"),
        errors.get(0));
    assertEquals(
        json(api.get(
                "/api/v1/alerts?enterpriseCode=" + E2 + "&from=2019-06-01T00:00:00Z", Role.ADMIN))
            .get("items")
            .size(),
        alerts.stream().filter(a -> a.enterpriseCode().equals(E2)).count(),
        "nothing deleted");
  }
}
