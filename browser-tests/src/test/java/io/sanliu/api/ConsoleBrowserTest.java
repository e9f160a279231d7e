package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.archive.ArchivedDocument;
import io.sanliu.model.archive.TraceParcel;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
  static final Instant AT = Instant.parse("2019-06-10T02:00:00Z");
  static final TraceParcel PARCEL = TraceParcel.of("-CON41", AT);
  static final String E1 = "CON41-E1";
  static final String E2 = "CON41-E2";
  static final String TRACED = "con41-traced";
  static final String OWN_RULE = "con41-limit";
  static final List<Severity> SEVERITIES =
      List.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);

  static ApiFixture api;
  static HeadlessChromium chromium;
  static List<RiskAlert> alerts = new ArrayList<>();

  @BeforeAll
  static void start(SanliuStack stack) throws Exception {
    api = ApiFixture.start(stack, Map.of(ConfigKey.API_DEV_TOKENS, "true"));
    ElasticsearchClient es = stack.elastic().blocking();
    alerts.add(
        alert(
            TRACED,
            "payer-not-buyer",
            RuleType.PAYER_NOT_BUYER,
            Severity.HIGH,
            77,
            E1,
            List.of(PARCEL.orderKey()),
            AT.plus(Duration.ofDays(3))));
    for (int i = 1; i < 25; i++) {
      alerts.add(
          alert(
              String.format("con41-%02d", i),
              i % 2 == 0 ? "single-limit" : "annual-quota",
              i % 2 == 0 ? RuleType.SINGLE_LIMIT : RuleType.ANNUAL_QUOTA,
              SEVERITIES.get(i % 4),
              (i * 37) % 100 + 0.5,
              i % 3 == 0 ? E2 : E1,
              List.of("4403169D3W:SO-CON41-" + i),
              AT.minus(Duration.ofHours(i))));
    }
    TestAlerts.index(es, alerts);
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    for (var e : PARCEL.envelopes()) {
      ArchivedDocument d = ArchivedDocument.of(e);
      documents.put(d.id(), Json.mapper().valueToTree(d));
    }
    bulk(es, Indices.DOCUMENTS, documents);
    bulk(es, Indices.SHIPMENTS, Map.of(PARCEL.waybillKey(), shipment()));
    // A rule of the test's own to switch and edit (the shipped ones are left as they are).
    assertEquals(
        201,
        api.post(
                "/api/v1/rules",
                Role.RISK_OFFICER,
                "{\"ruleId\":\"" + OWN_RULE + "\",\"type\":\"SINGLE_LIMIT\",\"severity\":\"LOW\"}")
            .statusCode());
    chromium = new HeadlessChromium(1600, 1000);
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (api != null) api.close();
  }

  static RiskAlert alert(
      String id,
      String ruleId,
      RuleType type,
      Severity severity,
      double score,
      String enterprise,
      List<String> orderKeys,
      Instant detectedAt) {
    return new RiskAlert(
        id,
        ruleId,
        1,
        type,
        type.nameZh(),
        type.nameEn(),
        severity,
        score,
        AlertStatus.OPEN,
        false,
        orderKeys,
        List.of(),
        enterprise,
        List.of(),
        Map.of("buyer", "hash-" + id),
        "付款人 110***********8765 不是订购人 " + id,
        "payer 110***********8765 is not the buyer " + id,
        Map.of("payerId", "110***********8765", "amountPaid", "1234.50"),
        detectedAt.minusSeconds(60),
        detectedAt,
        detectedAt.minusSeconds(61));
  }

  /** The parcel's shipment as the logistics job writes it: three tracking states. */
  static ObjectNode shipment() {
    ObjectNode s = Json.mapper().createObjectNode();
    s.put("waybillKey", PARCEL.waybillKey());
    s.put("logisticsCode", PARCEL.logisticsCode());
    s.put("logisticsNo", PARCEL.logisticsNo());
    s.put("orderKey", PARCEL.orderKey());
    s.put("state", "DELIVERED");
    s.put("firstEventAt", AT.plus(Duration.ofHours(1)).toString());
    ArrayNode timeline = s.putArray("timeline");
    String[] states = {"PICKED_UP", "CUSTOMS_CLEARANCE", "DELIVERED"};
    for (int i = 0; i < states.length; i++) {
      timeline
          .addObject()
          .put("ref", "EV-" + PARCEL.logisticsNo() + "-" + i)
          .put("state", states[i])
          .put("status", states[i])
          .put("at", AT.plus(Duration.ofHours(1 + 2L * i)).toString())
          .put("location", "深圳前海监管仓");
    }
    return s;
  }

  static void bulk(ElasticsearchClient es, String index, Map<String, ? extends JsonNode> docs)
      throws Exception {
    var r =
        es.bulk(
            b -> {
              docs.forEach(
                  (id, doc) ->
                      b.operations(op -> op.index(i -> i.index(index).id(id).document(doc))));
              return b.refresh(Refresh.WaitFor);
            });
    if (r.errors()) throw new IllegalStateException("bulk into " + index + " refused: " + r);
  }

  // ---------------------------------------------------------------- page helpers

  @SuppressWarnings("unchecked")
  static List<String> rowIds() {
    return (List<String>)
        chromium.script(
            "return [...document.querySelectorAll('#alerts tbody tr[data-alert-id]')]"
                + ".map(r => r.dataset.alertId);");
  }

  static String attribute(String css, String name) {
    return (String)
        chromium.script(
            "const e = document.querySelector(arguments[0]); return e && e.getAttribute(arguments[1]);",
            css,
            name);
  }

  static void value(String id, String value) {
    chromium.script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
            + " e.dispatchEvent(new Event('change'));",
        id,
        value);
  }

  static void signInAs(String role) {
    chromium.open(api.uri("/console.html").toString());
    Eventually.await(
        () -> chromium.find("[data-dev-role='" + role + "']"),
        e -> e.isDisplayed(),
        WAIT,
        "the sign-in form");
    chromium.find("[data-dev-role='" + role + "']").click();
    Eventually.await(
        () -> attribute("#who", "data-role"), role::equals, WAIT, "signed in as " + role);
    awaitReady();
  }

  /** The page's controls wired (before that, a click on a filter would submit the form itself). */
  static void awaitReady() {
    Eventually.await(
        () -> attribute("body", "data-ready"), "true"::equals, WAIT, "the console ready");
  }

  /** June 2019 only, and optionally one enterprise: the test's own alerts. */
  static void filterJune2019(String enterprise) {
    value("f-enterprise", enterprise);
    value("f-from", "2019-06-01T00:00");
    value("f-to", "2019-07-01T00:00");
    chromium.find("#apply").click();
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
      return Eventually.await(ConsoleBrowserTest::rowIds, expected::equals, WAIT, what);
    } catch (AssertionError e) {
      chromium.screenshot("failed-" + what.replaceAll("\\W+", "-") + ".png");
      throw e;
    }
  }

  static void noConsoleErrors() {
    assertEquals(List.of(), chromium.consoleErrors());
  }

  // ---------------------------------------------------------------- the risk console

  @Test
  @Order(1)
  void aRiskOfficerOpensAnAlertWithItsTraceAndClosesItAndTheListReflectsIt() throws Exception {
    signInAs("risk_officer");
    assertTrue(chromium.text("#who").contains("风控专员"), chromium.text("#who"));
    filterJune2019(E1);
    awaitRows(expected(a -> a.enterpriseCode().equals(E1)), "the enterprise's June 2019 alerts");

    chromium.find("#alerts tr[data-alert-id='" + TRACED + "']").click();
    Eventually.await(
        () -> chromium.all("#trace .timeline li").size(),
        n -> n > 0,
        WAIT,
        "the alert's detail with its order trace");
    assertEquals(TRACED, attribute("#detail .detail-head", "data-alert-id"));
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
        () -> attribute("#detail-status", "data-status"),
        "ACKNOWLEDGED"::equals,
        WAIT,
        "acknowledged");
    chromium.find("#review-comment").sendKeys("支付人与订购人确不一致");
    chromium.find("#review [data-outcome='TRUE_POSITIVE']").click();
    Eventually.await(
        () -> attribute("#detail-status", "data-status"),
        "CLOSED_TRUE_POSITIVE"::equals,
        WAIT,
        "closed as a true positive");
    Eventually.await(
        () -> attribute("#alerts tr[data-alert-id='" + TRACED + "']", "data-status"),
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
    noConsoleErrors();
  }

  @Test
  @Order(2)
  void theListFiltersPagesWithCursorsAndSorts() throws Exception {
    List<String> june = expected(a -> true);
    value("page-size", "20");
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

    value("f-severity", "CRITICAL");
    chromium.find("#apply").click();
    awaitRows(
        alerts.stream()
            .filter(a -> a.severity() == Severity.CRITICAL)
            .sorted(Comparator.comparingDouble(RiskAlert::score).reversed())
            .map(RiskAlert::alertId)
            .toList(),
        "critical ones by score");
    value("f-severity", "");
    noConsoleErrors();
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
    Eventually.await(() -> attribute(row, "data-mode"), "SHADOW"::equals, WAIT, "shadow mode");
    assertEquals(
        "SHADOW", json(api.get("/api/v1/rules/" + OWN_RULE, Role.ANALYST)).get("mode").asText());

    chromium.find(row + " [data-op='edit']").click();
    chromium.find("#rule-editor input[name='limit']").sendKeys("3000");
    chromium.script(
        "document.querySelector(\"#rule-editor select[name='severity']\").value = 'HIGH';");
    chromium.screenshot("console-rules-edit.png");
    chromium.find("#rule-editor button[type='submit']").click();
    Eventually.await(() -> attribute(row, "data-version"), "3"::equals, WAIT, "version 3");
    JsonNode rule = json(api.get("/api/v1/rules/" + OWN_RULE, Role.ANALYST));
    assertEquals("3000", rule.at("/params/limit").asText());
    assertEquals("HIGH", rule.get("severity").asText());
    assertEquals("SHADOW", rule.get("mode").asText(), "the edit kept the mode");
    assertTrue(chromium.text("#rules-message").contains(OWN_RULE));
    chromium.screenshot("console-rules.png");
    noConsoleErrors();
  }

  @Test
  @Order(4)
  void aViewerSignedInWithAPastedTokenSeesNoActions() throws Exception {
    chromium.open(api.uri("/console.html#alerts").toString());
    chromium.find("#sign-out").click();
    Eventually.await(
        () -> chromium.find("#token-input"), e -> e.isDisplayed(), WAIT, "the sign-in form");
    chromium.find("#token-input").sendKeys(api.token(Role.VIEWER));
    chromium.find("#login-token button[type='submit']").click();
    Eventually.await(() -> attribute("#who", "data-role"), "viewer"::equals, WAIT, "a viewer");
    awaitReady();
    assertEquals(0, chromium.all("#nav-rules").size(), "no rules for viewers");
    assertEquals(0, chromium.all("#nav-workbench").size(), "no SQL for viewers");
    filterJune2019(E1);
    awaitRows(expected(a -> a.enterpriseCode().equals(E1)), "the same alerts");
    chromium.find("#alerts tr[data-alert-id='" + TRACED + "']").click();
    Eventually.await(
        () -> attribute("#detail .detail-head", "data-alert-id"),
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
    noConsoleErrors();
  }

  // ---------------------------------------------------------------- the SQL workbench

  @Test
  @Order(5)
  void anAnalystRunsAQueryAndSeesChartsAndExportsTheRows() throws Exception {
    chromium.find("#sign-out").click();
    signInAs("analyst");
    chromium.open(api.uri("/workbench.html").toString());
    Eventually.await(() -> chromium.find("#sql"), e -> e.isDisplayed(), WAIT, "the editor");
    value(
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
    assertEquals("true", attribute("#chart", "data-drawn"), "charted: severity against alerts");
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
    noConsoleErrors();
  }

  @Test
  @Order(6)
  void aRefusedQueryShowsItsProblem() throws Exception {
    value("sql", "DELETE FROM alerts WHERE enterprise_code = '" + E2 + "'");
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
