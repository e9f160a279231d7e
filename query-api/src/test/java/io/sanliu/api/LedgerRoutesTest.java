package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sanliu.api.auth.Role;
import io.sanliu.api.ledger.CompositeBuckets;
import io.sanliu.api.ledger.LedgerFilter;
import io.sanliu.api.ledger.MonthRange;
import io.sanliu.model.Json;
import io.sanliu.model.credit.VerifiedTrade;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.TradeMode;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trade credit report and the tax summary on the real stack: verified trade ledger entries, a
 * credit profile with its history, alerts and their reviews of 2039 written through the real index
 * templates, then read through the API; every sum checked against the seeded entries summed here.
 */
@ExtendWith(SanliuStackExtension.class)
class LedgerRoutesTest {
  static final String RUN = "LG39" + System.nanoTime() % 1_000_000;
  static final String CODE = RUN + "-EBC";
  static final String OTHER = RUN + "-OTHER";
  static final String UNKNOWN = RUN + "-NONE";
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final String RANGE = "?from=2039-01&to=2039-06";
  static final Instant RANGE_START = Instant.parse("2038-12-31T16:00:00Z");
  static final Instant RANGE_END = Instant.parse("2039-06-30T16:00:00Z");

  static ApiFixture api;
  static SanliuStack stack;
  static final List<VerifiedTrade> ENTRIES = new ArrayList<>();
  static final List<ObjectNode> ALERTS = new ArrayList<>();
  static final Map<String, String> REVIEWS = new HashMap<>();

  @BeforeAll
  static void start(SanliuStack s) {
    stack = s;
    api = ApiFixture.start(stack);
    Random random = new Random(39);
    Instant t = Instant.parse("2038-12-20T00:00:00Z");
    // Every ~2.6 days from late 2038 to mid 2039 but April (a month without trade), and two at the
    // edges of the range in China time.
    int n = 0;
    for (; t.isBefore(Instant.parse("2039-07-10T00:00:00Z")); t = t.plus(Duration.ofHours(62))) {
      if (t.atZone(CHINA).getMonthValue() == 4) continue;
      ENTRIES.add(entry(CODE, n++, t, random));
    }
    ENTRIES.add(entry(CODE, n++, Instant.parse("2038-12-31T16:00:00Z"), random)); // 2039-01 CN
    ENTRIES.add(entry(CODE, n++, Instant.parse("2039-06-30T16:00:00Z"), random)); // 2039-07 CN
    ENTRIES.add(entry(OTHER, n++, Instant.parse("2039-02-01T00:00:00Z"), random));
    alerts();
    index(stack);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** A ledger entry of one of six kinds, with amounts in cents drawn from {@code random}. */
  static VerifiedTrade entry(String code, int i, Instant released, Random random) {
    String[] countries = {"116", "502", "133", null};
    int kind = i % 6;
    Direction dir = kind < 2 ? Direction.I : Direction.E;
    TradeMode mode =
        switch (kind) {
          case 0, 2 -> TradeMode.DIRECT_9610;
          case 1 -> TradeMode.BONDED_1210;
          case 3, 5 -> TradeMode.B2B_EXPORT_9710;
          default -> TradeMode.OVERSEAS_WAREHOUSE_9810;
        };
    boolean retailImport = dir == Direction.I;
    long goods = 1_000 + random.nextInt(5_000_000);
    long turnover = goods + random.nextInt(2_000);
    Long declared = null;
    Long computed = null;
    Long taxable = null;
    if (retailImport) {
      taxable = turnover;
      computed = Math.round(taxable * 0.091);
      // One in three declares too little, one in five (of the rest) declares nothing.
      if (i % 3 == 0) declared = computed - 1 - random.nextInt(500);
      else if (i % 5 != 0) declared = computed;
    }
    return new VerifiedTrade(
        "EBP" + RUN + ":SO" + i,
        "SO" + i,
        code,
        "EBP" + RUN,
        "LOG",
        "PAY",
        dir,
        mode,
        countries[i % countries.length],
        released,
        VerifiedTrade.monthOf(released),
        "142",
        1.0,
        goods,
        turnover,
        turnover,
        goods / 100.0,
        turnover / 100.0,
        turnover / 100.0,
        declared,
        retailImport,
        taxable,
        computed,
        retailImport ? 0.091 : null,
        declared == null || computed == null ? null : declared - computed,
        dir == Direction.E && mode == TradeMode.DIRECT_9610);
  }

  /** Alerts of the enterprise in and out of the range, a shadow one, another's; some reviewed. */
  static void alerts() {
    String[] rules = {
      "TAX_BELOW_COMPUTED", "SINGLE_LIMIT", "TAX_BELOW_COMPUTED", "PAYER_NOT_BUYER"
    };
    String[] severities = {"HIGH", "MEDIUM", "HIGH", "CRITICAL"};
    Instant t = Instant.parse("2039-01-03T00:00:00Z");
    for (int i = 0; i < 11; i++) {
      ALERTS.add(alert(CODE, i, rules[i % 4], severities[i % 4], t.plus(Duration.ofDays(15L * i))));
    }
    ALERTS.add(alert(CODE, 90, "SINGLE_LIMIT", "LOW", Instant.parse("2039-07-02T00:00:00Z")));
    ALERTS.add(alert(OTHER, 91, "SINGLE_LIMIT", "LOW", Instant.parse("2039-02-02T00:00:00Z")));
    ObjectNode shadow =
        alert(CODE, 92, "SINGLE_LIMIT", "LOW", Instant.parse("2039-02-03T00:00:00Z"));
    shadow.put("shadow", true);
    ALERTS.add(shadow);
    REVIEWS.put(ALERTS.get(0).get("alertId").asText(), "CLOSED_TRUE_POSITIVE");
    REVIEWS.put(ALERTS.get(1).get("alertId").asText(), "CLOSED_FALSE_POSITIVE");
    REVIEWS.put(ALERTS.get(2).get("alertId").asText(), "ACKNOWLEDGED");
    REVIEWS.put(ALERTS.get(3).get("alertId").asText(), "CLOSED_TRUE_POSITIVE");
    REVIEWS.put(ALERTS.get(4).get("alertId").asText(), "OPEN");
    REVIEWS.put(ALERTS.get(11).get("alertId").asText(), "CLOSED_TRUE_POSITIVE"); // out of range
  }

  static ObjectNode alert(String code, int i, String rule, String severity, Instant at) {
    ObjectNode a = Json.mapper().createObjectNode();
    a.put("alertId", RUN + "-alert-" + i);
    a.put("ruleType", rule);
    a.put("severity", severity);
    a.put("enterpriseCode", code);
    a.put("eventTime", at.toString());
    a.put("detectedAt", at.plusSeconds(2).toString());
    a.put("shadow", false);
    a.put("status", "OPEN");
    return a;
  }

  /** Credit profile and history (revisions 1-5: B, B in 2038, B, C, C in 2039), alerts, ledger. */
  static void index(SanliuStack stack) {
    BulkRequest.Builder b = new BulkRequest.Builder();
    for (VerifiedTrade e : ENTRIES) {
      b.operations(
          op -> op.index(i -> i.index(Indices.VERIFIED_TRADE).id(e.orderKey()).document(e)));
    }
    String[] grades = {"B", "B", "B", "C", "C"};
    String[] asOf = {
      "2038-11-01T00:00:00Z",
      "2038-12-30T00:00:00Z",
      "2039-01-10T00:00:00Z",
      "2039-03-05T00:00:00Z",
      "2039-05-20T00:00:00Z"
    };
    for (int r = 1; r <= 5; r++) {
      ObjectNode h = profile(r, grades[r - 1], asOf[r - 1]);
      b.operations(
          op ->
              op.index(
                  i ->
                      i.index(Indices.CREDIT_HISTORY)
                          .id(CODE + "@" + h.get("revision").asText())
                          .document(h)));
    }
    ObjectNode current = profile(5, "C", asOf[4]);
    b.operations(op -> op.index(i -> i.index(Indices.CREDIT).id(CODE).document(current)));
    for (ObjectNode a : ALERTS) {
      b.operations(
          op -> op.index(i -> i.index(Indices.ALERTS).id(a.get("alertId").asText()).document(a)));
      String status = REVIEWS.get(a.get("alertId").asText());
      if (status == null) continue;
      ObjectNode s = Json.mapper().createObjectNode();
      for (String f : List.of("alertId", "ruleType", "severity", "enterpriseCode", "eventTime")) {
        s.set(f, a.get(f));
      }
      s.put("shadow", false).put("status", status).put("updatedBy", "test").put("revision", 1);
      b.operations(
          op ->
              op.index(
                  i -> i.index(Indices.ALERT_STATUS).id(s.get("alertId").asText()).document(s)));
    }
    try {
      var r = stack.elastic().blocking().bulk(b.refresh(Refresh.WaitFor).build());
      if (r.errors()) {
        throw new IllegalStateException(
            "bulk refused: "
                + r.items().stream()
                    .filter(i -> i.error() != null)
                    .findFirst()
                    .orElseThrow()
                    .error());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode profile(int revision, String grade, String asOf) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("code", CODE);
    p.putArray("participants").add("ENTERPRISE");
    p.put("revision", revision);
    p.put("score", grade.equals("B") ? 76.5 : 61.2 - revision);
    p.put("grade", grade);
    p.put("gradeSince", grade.equals("B") ? "2038-11-01T00:00:00Z" : "2039-03-05T00:00:00Z");
    p.put("cause", "ALERTS");
    p.put("matchRate", 0.97);
    p.put("releaseRate", 0.95);
    p.put("inspectionRate", 0.03);
    p.put("returnRate", 0.02);
    p.put("parcelsMatched", 120.5);
    p.put("listsReleased", 110.25);
    p.put("inspectionRateSuggested", grade.equals("B") ? 0.02 : 0.05);
    p.put("negativeListed", false);
    p.put("asOf", asOf);
    return p;
  }

  /** The enterprise's entries released in the range, in China time months 2039-01 to 2039-06. */
  static List<VerifiedTrade> inRange(Predicate<VerifiedTrade> also) {
    return ENTRIES.stream()
        .filter(e -> e.ebcCode().equals(CODE))
        .filter(e -> !e.releasedAt().isBefore(RANGE_START) && e.releasedAt().isBefore(RANGE_END))
        .filter(also)
        .toList();
  }

  static Map<String, long[]> sums(List<VerifiedTrade> entries, Function<VerifiedTrade, String> by) {
    Map<String, long[]> out = new TreeMap<>();
    for (VerifiedTrade e : entries) {
      long[] s = out.computeIfAbsent(by.apply(e), k -> new long[2]);
      s[0]++;
      s[1] += e.turnoverCents();
    }
    return out;
  }

  @Test
  void theTaxSummarySumsEachMonthOfTheLedger() {
    JsonNode body = json(api.get("/api/v1/tax/" + CODE + RANGE, Role.ANALYST));
    assertEquals(CODE, body.get("code").asText());
    JsonNode months = body.get("months");
    assertEquals(6, months.size(), "every month of the range, April without trade too");
    long exportTurnoverTotal = 0;
    long deemedTaxTotal = 0;
    for (int m = 0; m < 6; m++) {
      String month = "2039-0" + (m + 1);
      JsonNode row = months.get(m);
      assertEquals(month, row.get("month").asText());
      List<VerifiedTrade> exports = inRange(e -> e.month().equals(month) && e.exemptRetailExport());
      long turnover = exports.stream().mapToLong(VerifiedTrade::turnoverCents).sum();
      JsonNode x = row.get("retailExport");
      assertEquals(exports.size(), x.get("parcels").asLong(), month);
      assertEquals(turnover, x.get("turnoverCents").asLong(), month);
      assertEquals(turnover / 100.0, x.get("turnoverCny").asDouble(), 1e-9);
      // 4% and 1% of the turnover, half-up to the cent, in whole-number arithmetic.
      assertEquals((turnover * 4 + 50) / 100, x.get("deemedTaxableIncomeCents").asLong(), month);
      assertEquals((turnover + 50) / 100, x.get("deemedIncomeTaxCents").asLong(), month);
      exportTurnoverTotal += turnover;
      deemedTaxTotal += (turnover + 50) / 100;

      List<VerifiedTrade> imports = inRange(e -> e.month().equals(month) && e.retailImport());
      long declared =
          imports.stream().mapToLong(e -> e.taxTotalCents() == null ? 0 : e.taxTotalCents()).sum();
      long computed = imports.stream().mapToLong(VerifiedTrade::taxComputedCents).sum();
      JsonNode im = row.get("retailImport");
      assertEquals(imports.size(), im.get("parcels").asLong(), month);
      assertEquals(declared, im.get("declaredTaxCents").asLong(), month);
      assertEquals(computed, im.get("computedTaxCents").asLong(), month);
      assertEquals(declared - computed, im.get("differenceCents").asLong(), month);
      assertEquals(
          imports.stream().filter(e -> e.taxTotalCents() == null).count(),
          im.get("parcelsWithoutDeclaredTax").asLong());
      assertEquals(
          imports.stream()
              .filter(e -> e.taxDifferenceCents() != null && e.taxDifferenceCents() < 0)
              .count(),
          im.get("parcelsBelowComputed").asLong());
      if (m == 3) assertEquals(0, x.get("parcels").asLong() + im.get("parcels").asLong());
    }
    assertTrue(exportTurnoverTotal > 0, "the seed has exempt exports");
    JsonNode totals = body.get("totals").get("retailExport");
    assertEquals(exportTurnoverTotal, totals.get("turnoverCents").asLong());
    assertEquals(deemedTaxTotal, totals.get("deemedIncomeTaxCents").asLong());
    assertEquals(0.04, body.at("/basis/taxableIncomeRate").asDouble(), 1e-12);
    assertEquals(0.25, body.at("/basis/incomeTaxRate").asDouble(), 1e-12);
    assertEquals(Indices.VERIFIED_TRADE, body.at("/sources/0/index").asText());
    assertTrue(body.at("/sources/0/filter").asText().contains("ebcCode = " + CODE));
  }

  @Test
  void theTradeReportSumsVerifiedTurnoverByMonthModeAndMarket() {
    JsonNode body =
        json(api.get("/api/v1/credit/" + CODE + "/trade-report" + RANGE, Role.RISK_OFFICER));
    List<VerifiedTrade> all = inRange(e -> true);
    JsonNode t = body.get("verifiedTurnover");
    assertEquals(all.size(), t.get("parcels").asLong());
    assertEquals(
        all.stream().mapToLong(VerifiedTrade::turnoverCents).sum(),
        t.get("turnoverCents").asLong());

    Map<String, long[]> byMonth = sums(all, VerifiedTrade::month);
    JsonNode months = t.get("byMonth");
    assertEquals(6, months.size());
    for (JsonNode row : months) {
      long[] s = byMonth.getOrDefault(row.get("month").asText(), new long[2]);
      assertEquals(s[0], row.get("parcels").asLong(), row.toString());
      assertEquals(s[1], row.get("turnoverCents").asLong(), row.toString());
    }
    Map<String, long[]> byMode = sums(all, e -> e.tradeMode().code() + "|" + e.direction());
    assertEquals(byMode.size(), t.get("byTradeMode").size());
    for (JsonNode row : t.get("byTradeMode")) {
      long[] s = byMode.get(row.get("tradeMode").asText() + "|" + row.get("direction").asText());
      assertEquals(s[0], row.get("parcels").asLong(), row.toString());
      assertEquals(s[1], row.get("turnoverCents").asLong(), row.toString());
    }
    Map<String, long[]> byMarket = sums(all, e -> String.valueOf(e.country()));
    assertEquals(byMarket.size(), t.get("byMarket").size());
    long previous = Long.MAX_VALUE;
    for (JsonNode row : t.get("byMarket")) {
      String country = row.get("country").isNull() ? "null" : row.get("country").asText();
      long[] s = byMarket.get(country);
      assertEquals(s[0], row.get("parcels").asLong(), row.toString());
      assertEquals(s[1], row.get("turnoverCents").asLong(), row.toString());
      assertTrue(s[1] <= previous, "largest market first");
      previous = s[1];
      if (country.equals("116")) assertEquals("Japan", row.get("nameEn").asText());
    }
  }

  @Test
  void theTradeReportCarriesRatesGradeHistoryAndAlertsWithTheirSources() {
    JsonNode body = json(api.get("/api/v1/credit/" + CODE + "/trade-report" + RANGE, Role.ADMIN));
    assertEquals(0.97, body.at("/matchAndRelease/matchRate").asDouble(), 1e-12);
    assertEquals(0.95, body.at("/matchAndRelease/releaseRate").asDouble(), 1e-12);
    assertEquals("C", body.at("/credit/grade").asText());
    assertEquals(0.05, body.at("/credit/inspectionRateSuggested").asDouble(), 1e-12);

    // Revisions 3-5 fall in the range (China time), newest first; one change, B to C at rev. 4.
    JsonNode history = body.get("gradeHistory");
    assertEquals(3, history.get("total").asLong());
    assertEquals(
        List.of(5L, 4L, 3L),
        List.of(
            history.at("/entries/0/revision").asLong(),
            history.at("/entries/1/revision").asLong(),
            history.at("/entries/2/revision").asLong()));
    assertEquals(1, history.get("gradeChanges").size());
    assertEquals("B", history.at("/gradeChanges/0/from").asText());
    assertEquals("C", history.at("/gradeChanges/0/to").asText());
    assertEquals(4, history.at("/gradeChanges/0/revision").asLong());

    List<ObjectNode> mine =
        ALERTS.stream()
            .filter(a -> a.get("enterpriseCode").asText().equals(CODE))
            .filter(a -> !a.get("shadow").asBoolean())
            .filter(
                a -> {
                  Instant at = Instant.parse(a.get("eventTime").asText());
                  return !at.isBefore(RANGE_START) && at.isBefore(RANGE_END);
                })
            .toList();
    JsonNode alerts = body.get("alerts");
    assertEquals(mine.size(), alerts.get("total").asLong());
    Map<String, Long> byRule = new TreeMap<>();
    Map<String, Long> bySeverity = new TreeMap<>();
    Map<String, Long> reviews = new TreeMap<>();
    for (ObjectNode a : mine) {
      byRule.merge(a.get("ruleType").asText(), 1L, Long::sum);
      bySeverity.merge(a.get("severity").asText(), 1L, Long::sum);
      String s = REVIEWS.getOrDefault(a.get("alertId").asText(), "OPEN");
      reviews.merge(s.equals("OPEN") ? "notReviewed" : s, 1L, Long::sum);
    }
    for (JsonNode row : alerts.get("byRule")) {
      assertEquals(byRule.get(row.get("ruleType").asText()), row.get("count").asLong());
    }
    assertEquals(byRule.size(), alerts.get("byRule").size());
    for (JsonNode row : alerts.get("bySeverity")) {
      assertEquals(bySeverity.get(row.get("severity").asText()), row.get("count").asLong());
    }
    assertEquals(bySeverity.size(), alerts.get("bySeverity").size());
    reviews.forEach((k, n) -> assertEquals(n, alerts.at("/reviews/" + k).asLong(), k));
    assertEquals(2, alerts.at("/reviews/CLOSED_TRUE_POSITIVE").asLong());

    List<String> indices = new ArrayList<>();
    body.get("sources").forEach(s -> indices.add(s.get("index").asText()));
    assertEquals(
        List.of(
            Indices.VERIFIED_TRADE,
            Indices.CREDIT,
            Indices.CREDIT_HISTORY,
            Indices.ALERTS,
            Indices.ALERT_STATUS),
        indices);
    body.get("sources").forEach(s -> assertFalse(s.get("filter").asText().isBlank(), s.toString()));
  }

  @Test
  void compositeGroupsArePagedToTheirEnd() {
    // Pages of two groups: every group of the range must still come back, with its sum.
    CompositeBuckets paged =
        new CompositeBuckets(
            stack.elastic().async(), new ElasticCalls(new SimpleMeterRegistry()), 2);
    LedgerFilter filter =
        new LedgerFilter(CODE, new MonthRange(YearMonth.of(2039, 1), YearMonth.of(2039, 6)));
    List<CompositeBucket> buckets =
        paged
            .all(
                filter.index(),
                filter.query(),
                List.of("month", "country"),
                Map.of("turnover", Aggregation.of(a -> a.sum(x -> x.field("turnoverCents")))))
            .await();
    Map<String, long[]> expected = sums(inRange(e -> true), e -> e.month() + "|" + e.country());
    assertTrue(expected.size() > 4, "more groups than two pages");
    Map<String, long[]> got = new TreeMap<>();
    for (CompositeBucket b : buckets) {
      got.put(
          CompositeBuckets.key(b, "month") + "|" + CompositeBuckets.key(b, "country"),
          new long[] {b.docCount(), CompositeBuckets.sum(b, "turnover")});
    }
    assertEquals(expected.keySet(), got.keySet());
    expected.forEach(
        (k, v) -> assertEquals(List.of(v[0], v[1]), List.of(got.get(k)[0], got.get(k)[1]), k));
  }

  @Test
  void viewersAndAnonymousCallersAreRefused() {
    for (String path :
        List.of(
            "/api/v1/credit/" + CODE + "/trade-report" + RANGE, "/api/v1/tax/" + CODE + RANGE)) {
      problem(api.get(path, Role.VIEWER), 403);
      problem(api.get(path, null), 401);
      assertEquals(200, api.get(path, Role.ANALYST).statusCode(), path);
    }
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() {
    Map<String, String> cases = new TreeMap<>();
    cases.put("?from=2039-13&to=2039-06", "from");
    cases.put("?from=2039-1&to=2039-06", "from");
    cases.put("?from=2039-01&to=June", "to");
    cases.put("?from=2039-07&to=2039-06", "from");
    cases.put("?from=2029-01&to=2039-06", "to");
    cases.put("?from=2039-01&to=2039-06&size=3", "size");
    for (String base : List.of("/api/v1/credit/" + CODE + "/trade-report", "/api/v1/tax/" + CODE)) {
      cases.forEach(
          (query, param) -> {
            HttpResponse<String> r = api.get(base + query, Role.ANALYST);
            JsonNode p = problem(r, 400);
            assertEquals(param, p.at("/invalidParams/0").asText(), base + query);
          });
    }
    String longCode = "X".repeat(65);
    for (String path :
        List.of("/api/v1/tax/" + longCode, "/api/v1/credit/" + "a%2Bb" + "/trade-report")) {
      JsonNode p = problem(api.get(path + RANGE, Role.ANALYST), 400);
      assertEquals("code", p.at("/invalidParams/0").asText(), path);
    }
  }

  @Test
  void anEnterpriseWithoutEvidenceHasNoReportButZeroTax() {
    problem(api.get("/api/v1/credit/" + UNKNOWN + "/trade-report" + RANGE, Role.ANALYST), 404);
    JsonNode tax = json(api.get("/api/v1/tax/" + UNKNOWN + RANGE, Role.ANALYST));
    assertEquals(6, tax.get("months").size());
    assertEquals(0, tax.at("/totals/retailExport/turnoverCents").asLong());
    assertEquals(0, tax.at("/totals/retailImport/parcels").asLong());
  }

  @Test
  void withoutAMonthRangeTheReportCoversTheLastTwelveMonths() {
    JsonNode tax = json(api.get("/api/v1/tax/" + CODE, Role.ANALYST));
    assertEquals(12, tax.get("months").size());
    assertEquals(tax.get("to").asText(), tax.at("/months/11/month").asText());
  }
}
