package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order trace and the enterprise profile on the real stack: a sample parcel's documents indexed
 * as the archive job writes them (the same {@link ArchivedDocument}), its match result, shipment
 * and alerts as the jobs write them, reviews made through the API, daily trade statistics of the
 * enterprise; every role's view, and the refusals.
 */
@ExtendWith(SanliuStackExtension.class)
class TraceAndProfileTest {
  static ApiFixture api;
  static ElasticsearchClient es;
  // Ten days ago: inside the profile's default 30 days, apart from other tests' times.
  static final Instant AT =
      Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
  static final TraceParcel PARCEL = TraceParcel.of("-TR" + System.nanoTime() % 1_000_000_000, AT);
  static final String PAYER_RULE = "payer-not-buyer-tr";
  static List<ArchivedDocument> archived;
  static List<RiskAlert> alerts;
  static List<ObjectNode> tradeStats = new ArrayList<>();

  @BeforeAll
  static void start(SanliuStack stack) throws Exception {
    api = ApiFixture.start(stack);
    es = stack.elastic().blocking();
    archived = PARCEL.envelopes().stream().map(ArchivedDocument::of).toList();
    bulk(
        Indices.DOCUMENTS,
        archived.stream().collect(Collectors.toMap(ArchivedDocument::id, d -> d)));
    bulk(Indices.MATCHES, Map.of(PARCEL.orderKey(), match()));
    bulk(Indices.SHIPMENTS, Map.of(PARCEL.waybillKey(), shipment()));
    alerts =
        List.of(
            alert("a1", PAYER_RULE, RuleType.PAYER_NOT_BUYER, Severity.HIGH, false, true),
            alert("a2", "stalled-tr", RuleType.STALLED_PARCEL, Severity.MEDIUM, false, false),
            alert("a3", "shadow-tr", RuleType.SINGLE_LIMIT, Severity.LOW, true, true),
            alertOfAnotherOrder("a4"));
    TestAlerts.index(es, alerts);
    tradeStats.add(
        stat("PLATFORM", "ENTERPRISE", "1d", "I", AT.minus(1, ChronoUnit.DAYS), 5, 100_000));
    tradeStats.add(stat("PLATFORM", "ENTERPRISE", "1d", "I", AT, 7, 250_050));
    tradeStats.add(stat("PLATFORM", "ENTERPRISE", "1d", "E", AT, 2, 33_333));
    tradeStats.add(stat("CUSTOMS", "ENTERPRISE", "1d", "I", AT, 4, 90_000));
    // Outside the period, and an hour window: neither counts.
    tradeStats.add(
        stat("PLATFORM", "ENTERPRISE", "1d", "I", AT.minus(40, ChronoUnit.DAYS), 100, 9_999_900));
    tradeStats.add(stat("PLATFORM", "ENTERPRISE", "1h", "I", AT, 3, 1_000));
    Map<String, Object> byId = new TreeMap<>();
    for (ObjectNode s : tradeStats) byId.put(s.get("id").asText(), s.without("id"));
    bulk(Indices.TRADE_STATS, byId);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  // ---------------------------------------------------------------- trace

  @Test
  void aRiskOfficerGetsEveryDocumentTheMatchTheTimelineTheStatusesAndTheAlertsOfTheOrder() {
    HttpResponse<String> r =
        api.get(tracePath(PARCEL.ebpCode(), PARCEL.orderNo()), Role.RISK_OFFICER);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode trace = json(r);

    Set<String> expectedIds =
        archived.stream()
            .filter(d -> !d.type().endsWith("_FILING"))
            .map(ArchivedDocument::id)
            .collect(Collectors.toSet());
    Set<String> ids = new HashSet<>();
    trace.get("documents").forEach(d -> ids.add(d.get("id").asText()));
    assertEquals(expectedIds, ids, "every document, reached through the keys its documents name");
    Map<String, Integer> counts = new TreeMap<>();
    for (Envelope<? extends BusinessEvent> e : PARCEL.envelopes()) {
      if (e.type() == EventType.ENTERPRISE_FILING || e.type() == EventType.GOODS_FILING) continue;
      counts.merge(e.type().name(), 1, Integer::sum);
    }
    assertEquals(Json.mapper().valueToTree(counts), trace.get("documentCounts"));
    List<String> times = new ArrayList<>();
    trace.get("documents").forEach(d -> times.add(d.get("documentTime").asText()));
    assertEquals(times.stream().sorted().toList(), times, "in the order things happened");

    JsonNode order = document(trace, "ORDER");
    assertEquals("110***********8765", order.at("/body/buyerId/masked").asText());
    assertFalse(trace.has("personalDataHidden"));

    assertEquals("MISMATCH", trace.at("/matching/status").asText());
    assertEquals("张**", trace.at("/matching/checks/0/left").asText());

    assertEquals(1, trace.get("shipments").size());
    JsonNode shipment = trace.get("shipments").get(0);
    assertEquals(PARCEL.waybillKey(), shipment.get("waybillKey").asText());
    assertEquals(3, shipment.get("timeline").size());
    assertEquals("DELIVERED", shipment.at("/timeline/2/state").asText());

    Map<String, String> statuses = new TreeMap<>();
    trace
        .get("customsStatuses")
        .forEach(s -> statuses.put(s.get("status").asText(), s.get("kind").asText()));
    assertEquals(Map.of("120", "CUSTOMS_LIST", "800", "CUSTOMS_LIST", "2", "PAYMENT"), statuses);
    JsonNode released =
        find(trace.get("customsStatuses"), s -> s.get("status").asText().equals("800"));
    assertEquals("released (放行)", released.get("meaning").asText());
    assertEquals(PARCEL.listReleasedAt(), Instant.parse(released.get("at").asText()));

    Set<String> alertIds = new HashSet<>();
    trace.get("alerts").forEach(a -> alertIds.add(a.get("alertId").asText()));
    assertEquals(Set.of(alertId("a1"), alertId("a2"), alertId("a3")), alertIds);
    JsonNode payer =
        find(trace.get("alerts"), a -> a.get("alertId").asText().equals(alertId("a1")));
    assertEquals("110***********8765", payer.at("/evidence/payerId").asText());
    noClearValue(r.body());
  }

  @Test
  void viewersAndAnalystsGetTheTraceWithPersonalValuesHiddenAndViewersNoShadowAlerts() {
    for (Role role : List.of(Role.VIEWER, Role.ANALYST)) {
      HttpResponse<String> r = api.get(tracePath(PARCEL.ebpCode(), PARCEL.orderNo()), role);
      assertEquals(200, r.statusCode(), r.body());
      JsonNode trace = json(r);
      assertTrue(trace.get("personalDataHidden").asBoolean(), role.claim());
      assertEquals("***", document(trace, "ORDER").at("/body/buyerId").asText());
      assertEquals("***", document(trace, "PAYMENT").at("/body/payerId").asText());
      assertEquals("***", document(trace, "EVALUATION").at("/body/comment").asText());
      // What is not personal stays.
      assertEquals(
          "1234.50",
          document(trace, "ORDER").at("/body/goodsValue").decimalValue().toPlainString());
      assertEquals("***", trace.at("/matching/checks/0/left").asText());
      assertEquals("1234.50", trace.at("/matching/checks/1/left").asText());
      for (String masked : List.of("110***********8765", "138****5678", "张**")) {
        assertFalse(r.body().contains(masked), role.claim() + " sees " + masked);
      }
      noClearValue(r.body());
      Set<String> alertIds = new HashSet<>();
      trace.get("alerts").forEach(a -> alertIds.add(a.get("alertId").asText()));
      Set<String> expected =
          role == Role.VIEWER
              ? Set.of(alertId("a1"), alertId("a2"))
              : Set.of(alertId("a1"), alertId("a2"), alertId("a3"));
      assertEquals(expected, alertIds, role.claim());
    }
  }

  @Test
  void anUnknownOrderIsA404AndNoTokenA401() {
    JsonNode p = problem(api.get(tracePath(PARCEL.ebpCode(), "SO-NEVER-SEEN"), Role.VIEWER), 404);
    assertTrue(p.get("detail").asText().contains("SO-NEVER-SEEN"), p.toString());
    // The order number of the platform that sent it: another platform's is not this order.
    problem(api.get(tracePath("EBP-OTHER", PARCEL.orderNo()), Role.RISK_OFFICER), 404);
    problem(api.get(tracePath(PARCEL.ebpCode(), PARCEL.orderNo()), null), 401);
    problem(api.get(tracePath(PARCEL.ebpCode(), PARCEL.orderNo()) + "?full=1", Role.ADMIN), 400);
  }

  // ---------------------------------------------------------------- enterprise profile

  @Test
  void theProfileHoldsFilingsTradeOfTheLast30DaysAndAlertsWithTheirReviewOutcomes() {
    // Reviews through the API: the first payer alert closed as a true positive, the other
    // acknowledged only.
    assertEquals(
        200, api.post(alertPath("a1") + "/acknowledge", Role.RISK_OFFICER, "{}").statusCode());
    assertEquals(
        200,
        api.post(alertPath("a1") + "/close", Role.RISK_OFFICER, "{\"outcome\":\"TRUE_POSITIVE\"}")
            .statusCode());
    assertEquals(
        200, api.post(alertPath("a4") + "/acknowledge", Role.RISK_OFFICER, "{}").statusCode());

    JsonNode profile =
        io.sanliu.testkit.Eventually.await(
            () -> json(api.get("/api/v1/enterprises/" + PARCEL.ebcCode(), Role.VIEWER)),
            p ->
                p.at("/alerts/byStatus/ACKNOWLEDGED").asLong() == 1
                    && p.at("/alerts/byStatus/CLOSED_TRUE_POSITIVE").asLong() == 1,
            Duration.ofSeconds(30),
            "the reviews in the profile");

    assertEquals(PARCEL.ebcCode(), profile.get("enterpriseCode").asText());
    assertEquals(1, profile.at("/filings/enterprise").size());
    assertEquals(PARCEL.ebcCode(), profile.at("/filings/enterprise/0/enterpriseCode").asText());
    assertEquals(1, profile.at("/filings/goods").size());
    assertEquals("IR440300000001", profile.at("/filings/goods/0/itemRecordNo").asText());

    // Expected trade: the day windows of the last 30 days, summed per caliber and direction.
    Instant from = Instant.now().minus(30, ChronoUnit.DAYS);
    Map<String, long[]> expected = new TreeMap<>();
    for (ObjectNode s : tradeStats) {
      if (!s.get("windowSize").asText().equals("1d")) continue;
      if (Instant.parse(s.get("windowStart").asText()).isBefore(from)) continue;
      long[] sums =
          expected.computeIfAbsent(
              s.get("caliber").asText() + "/" + s.get("direction").asText(), k -> new long[3]);
      sums[0] += s.get("orders").asLong();
      sums[1] += s.get("valueCents").asLong();
      sums[2]++;
    }
    Map<String, long[]> actual = new TreeMap<>();
    for (JsonNode row : profile.at("/trade/byCaliber")) {
      assertEquals("ENTERPRISE", row.get("as").asText());
      actual.put(
          row.get("caliber").asText() + "/" + row.get("direction").asText(),
          new long[] {
            row.get("orders").asLong(), row.get("valueCents").asLong(), row.get("days").asLong()
          });
    }
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach(
        (k, v) ->
            assertEquals(
                List.of(v[0], v[1], v[2]),
                List.of(actual.get(k)[0], actual.get(k)[1], actual.get(k)[2]),
                k));
    JsonNode imports =
        find(
            profile.at("/trade/byCaliber"),
            r ->
                r.get("caliber").asText().equals("PLATFORM")
                    && r.get("direction").asText().equals("I"));
    assertEquals("3500.50", imports.get("valueCny").decimalValue().toPlainString());

    // The parcel's order, archived: one new import order of 9610.
    assertEquals(1, profile.at("/trade/ordersByMode").size());
    assertEquals("I", profile.at("/trade/ordersByMode/0/direction").asText());
    assertEquals("9610", profile.at("/trade/ordersByMode/0/tradeMode").asText());
    assertEquals(1, profile.at("/trade/ordersByMode/0/orders").asLong());

    // Live alerts only: a1, a2, a4 (a3 is a shadow rule's).
    JsonNode a = profile.get("alerts");
    assertEquals(3, a.get("total").asLong());
    assertEquals(2, a.at("/bySeverity/HIGH").asLong());
    assertEquals(1, a.at("/bySeverity/MEDIUM").asLong());
    assertFalse(a.get("bySeverity").has("LOW"));
    JsonNode payer = find(a.get("byRule"), r -> r.get("ruleId").asText().equals(PAYER_RULE));
    assertEquals("PAYER_NOT_BUYER", payer.get("ruleType").asText());
    assertEquals(2, payer.get("alerts").asLong());
    assertEquals(1, payer.at("/byStatus/CLOSED_TRUE_POSITIVE").asLong());
    assertEquals(1, payer.at("/byStatus/ACKNOWLEDGED").asLong());
    assertEquals(0, payer.at("/byStatus/OPEN").asLong());
    assertEquals(1.0, payer.get("precision").asDouble(), 1e-9);
    JsonNode stalled = find(a.get("byRule"), r -> r.get("ruleId").asText().equals("stalled-tr"));
    assertEquals(1, stalled.at("/byStatus/OPEN").asLong());
    assertTrue(stalled.get("precision").isNull());

    assertTrue(profile.get("credit").isNull());
    assertFalse(profile.get("creditNote").asText().isBlank());
  }

  @Test
  void anUnknownEnterpriseIsA404ABadPeriodA400AndNoTokenA401() {
    problem(api.get("/api/v1/enterprises/NO-SUCH-FIRM-" + System.nanoTime(), Role.ANALYST), 404);
    JsonNode bad =
        problem(api.get("/api/v1/enterprises/" + PARCEL.ebcCode() + "?days=0", Role.ANALYST), 400);
    assertEquals("days", bad.at("/invalidParams/0").asText());
    problem(api.get("/api/v1/enterprises/" + PARCEL.ebcCode(), null), 401);
  }

  // ---------------------------------------------------------------- fixtures

  static String tracePath(String ebpCode, String orderNo) {
    return "/api/v1/orders/" + ebpCode + "/" + orderNo + "/trace";
  }

  static String alertId(String name) {
    return name + "-" + PARCEL.orderNo();
  }

  static String alertPath(String name) {
    return "/api/v1/alerts/" + alertId(name);
  }

  static JsonNode document(JsonNode trace, String type) {
    return find(trace.get("documents"), d -> d.get("type").asText().equals(type));
  }

  static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> which) {
    for (JsonNode n : array) if (which.test(n)) return n;
    throw new AssertionError("none in " + array);
  }

  static void noClearValue(String body) {
    for (String clear : TraceParcel.CLEAR_VALUES) {
      assertFalse(body.contains(clear), "a clear personal value in the answer: " + clear);
    }
  }

  static RiskAlert alert(
      String name,
      String ruleId,
      RuleType type,
      Severity severity,
      boolean shadow,
      boolean onOrder) {
    Instant detected = AT.plus(2, ChronoUnit.HOURS);
    return new RiskAlert(
        alertId(name),
        ruleId,
        1,
        type,
        type.nameZh(),
        type.nameEn(),
        severity,
        60,
        AlertStatus.OPEN,
        shadow,
        onOrder ? List.of(PARCEL.orderKey()) : List.of(),
        onOrder ? List.of() : List.of(PARCEL.waybillKey()),
        PARCEL.ebcCode(),
        List.of(),
        Map.of("buyer", "hash-" + name),
        onOrder ? "付款人 110***********8765 不是订购人" : "包裹滞留",
        onOrder ? "payer 110***********8765 is not the buyer" : "parcel stalled",
        onOrder ? Map.of("payerId", "110***********8765") : Map.of("stage", "ARRIVED"),
        detected.minusSeconds(60),
        detected,
        detected.minusSeconds(61));
  }

  static RiskAlert alertOfAnotherOrder(String name) {
    RiskAlert a = alert(name, PAYER_RULE, RuleType.PAYER_NOT_BUYER, Severity.HIGH, false, true);
    return new RiskAlert(
        a.alertId(),
        a.ruleId(),
        a.ruleVersion(),
        a.ruleType(),
        a.ruleNameZh(),
        a.ruleNameEn(),
        a.severity(),
        a.score(),
        a.status(),
        a.shadow(),
        List.of(PARCEL.ebpCode() + ":SO-OTHER"),
        List.of(),
        a.enterpriseCode(),
        a.messageGuids(),
        a.entityKeys(),
        a.explanationZh(),
        a.explanationEn(),
        a.evidence(),
        a.eventTime(),
        a.detectedAt(),
        a.sourceIngestTime());
  }

  static ObjectNode match() {
    ObjectNode m = Json.mapper().createObjectNode();
    m.put("parcelKey", PARCEL.orderKey());
    m.put("ebpCode", PARCEL.ebpCode());
    m.put("orderNo", PARCEL.orderNo());
    m.put("status", "MISMATCH");
    m.putArray("missing");
    m.putArray("failedFields").add("consignee");
    ArrayNode checks = m.putArray("checks");
    checks
        .addObject()
        .put("field", "consignee")
        .put("documents", "waybill/order")
        .put("left", "张**")
        .put("right", "李**")
        .put("ok", false);
    checks
        .addObject()
        .put("field", "goodsValue")
        .put("documents", "list/order")
        .put("left", "1234.50")
        .put("right", "1234.50")
        .put("ok", true);
    m.put("decidedAt", AT.plus(2, ChronoUnit.HOURS).toString());
    return m;
  }

  static ObjectNode shipment() {
    ObjectNode s = Json.mapper().createObjectNode();
    s.put("waybillKey", PARCEL.waybillKey());
    s.put("logisticsCode", PARCEL.logisticsCode());
    s.put("logisticsNo", PARCEL.logisticsNo());
    s.put("orderKey", PARCEL.orderKey());
    s.put("state", "DELIVERED");
    s.put("firstEventAt", AT.plus(1, ChronoUnit.HOURS).toString());
    ArrayNode timeline = s.putArray("timeline");
    String[] states = {"PICKED_UP", "CUSTOMS_CLEARANCE", "DELIVERED"};
    for (int i = 0; i < states.length; i++) {
      timeline
          .addObject()
          .put("ref", "EV-" + PARCEL.logisticsNo() + "-" + i)
          .put("state", states[i])
          .put("status", states[i])
          .put("at", AT.plus(1 + 2L * i, ChronoUnit.HOURS).toString())
          .put("location", "深圳前海监管仓");
    }
    return s;
  }

  static ObjectNode stat(
      String caliber,
      String dimension,
      String window,
      String direction,
      Instant start,
      long orders,
      long cents) {
    ObjectNode s = Json.mapper().createObjectNode();
    s.put(
        "id",
        String.join(
            ":", caliber, window, start.toString(), dimension, direction, PARCEL.ebcCode()));
    s.put("caliber", caliber);
    s.put("windowSize", window);
    s.put("windowStart", start.toString());
    s.put(
        "windowEnd",
        start.plus(window.equals("1d") ? Duration.ofDays(1) : Duration.ofHours(1)).toString());
    s.put("dimension", dimension);
    s.put("direction", direction);
    s.put("key", PARCEL.ebcCode());
    s.put("ebcCode", PARCEL.ebcCode());
    s.put("orders", orders);
    s.put("parcels", orders);
    s.put("valueCents", cents);
    s.put("valueCny", cents / 100.0);
    s.put("updatedAt", start.toString());
    return s;
  }

  static JsonNode asSinkWritesIt(Object doc) {
    try {
      return Json.mapper().readTree(Json.mapper().writeValueAsBytes(doc));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Whole documents by id, written as the jobs' sink writes them (Jackson, the platform's JSON).
   */
  static void bulk(String index, Map<String, ?> documents) throws Exception {
    var r =
        es.bulk(
            b -> {
              documents.forEach(
                  (id, doc) -> {
                    JsonNode tree = asSinkWritesIt(doc);
                    b.operations(op -> op.index(i -> i.index(index).id(id).document(tree)));
                  });
              return b.refresh(Refresh.WaitFor);
            });
    if (r.errors()) {
      throw new IllegalStateException(
          "bulk into "
              + index
              + " refused: "
              + r.items().stream().filter(i -> i.error() != null).findFirst().get().error());
    }
  }
}
