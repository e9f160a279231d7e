package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static io.sanliu.api.ScreenData.Fact;
import static io.sanliu.api.ScreenData.in;
import static io.sanliu.api.ScreenData.sum;
import static io.sanliu.api.ScreenData.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wall screen's routes on the real stack: statistics, composite index, shipment and stage
 * documents of 2041 indexed straight into Elasticsearch (through the platform's strict templates),
 * and every figure the API answers compared with sums the test makes over the known facts.
 */
@ExtendWith(SanliuStackExtension.class)
class ScreenRoutesTest {
  /** 13:37:30 in the zone (Asia/Shanghai): its day began at 2041-03-13T16:00Z. */
  static final Instant AT = Instant.parse("2041-03-14T05:37:30Z");

  static final Instant DAY = Instant.parse("2041-03-13T16:00:00Z");
  static final Instant HOUR = Instant.parse("2041-03-14T05:00:00Z");
  static final Instant TO = Instant.parse("2041-03-14T05:37:00Z");
  static final Duration ONE_DAY = Duration.ofDays(1);
  static final String STALL_CARRIER = "S2041";
  static final List<String> ROUTES =
      List.of(
          "/api/v1/stats/overview",
          "/api/v1/stats/series",
          "/api/v1/stats/composite-index",
          "/api/v1/stats/top",
          "/api/v1/stats/partner-countries",
          "/api/v1/logistics/timeliness",
          "/api/v1/logistics/stalled",
          "/api/v1/stats/risk-by-rule");

  static ApiFixture api;
  static List<Fact> facts;

  @BeforeAll
  static void start(SanliuStack stack) {
    stack.config(); // starts Elasticsearch and installs the templates
    facts =
        ScreenData.facts(
            2041,
            1500,
            Instant.parse("2041-03-12T14:00:00Z"),
            Instant.parse("2041-03-14T07:00:00Z"));
    var client = stack.elastic().blocking();
    ScreenData.index(client, Indices.TRADE_STATS, ScreenData.statsDocuments(facts));
    ScreenData.index(client, Indices.TRADE_TOP, goodsRanking());
    ScreenData.index(client, Indices.COMPOSITE_INDEX, compositeMinutes());
    ScreenData.index(client, Indices.LOGISTICS_STAGES, stages());
    ScreenData.index(client, Indices.SHIPMENTS, shipments());
    TestAlerts.index(client, riskAlerts());
    api = ApiFixture.start(stack);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static JsonNode ok(String path) {
    HttpResponse<String> r = api.get(path, Role.VIEWER);
    assertEquals(200, r.statusCode(), () -> path + ": " + r.body());
    return json(r);
  }

  static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- overview

  @Test
  void overviewGivesTodayAndThisHourAgainstYesterdayPerCaliberFromTheFacts() {
    JsonNode o = ok("/api/v1/stats/overview?at=" + AT);
    assertEquals(AT.toString(), o.get("at").asText());
    assertEquals("Asia/Shanghai", o.get("zone").asText());
    Map<String, Instant[]> periods =
        Map.of("today", new Instant[] {DAY, TO}, "thisHour", new Instant[] {HOUR, TO});
    int checked = 0;
    for (var p : periods.entrySet()) {
      JsonNode period = o.get(p.getKey());
      Instant from = p.getValue()[0];
      Instant to = p.getValue()[1];
      assertEquals(from.toString(), period.get("from").asText());
      assertEquals(to.toString(), period.get("to").asText());
      assertEquals(from.minus(ONE_DAY).toString(), period.get("previousFrom").asText());
      for (String caliber : List.of("PLATFORM", "CUSTOMS")) {
        JsonNode c = period.get(caliber);
        assertEquals(caliber, c.get("caliber").asText());
        List<Fact> now = where(facts, in(caliber, from, to));
        List<Fact> before = where(facts, in(caliber, from.minus(ONE_DAY), to.minus(ONE_DAY)));
        assertFalse(now.isEmpty() || before.isEmpty(), "the data covers " + p.getKey());
        assertFigures(now, c.get("current"), p.getKey() + " " + caliber);
        assertFigures(before, c.get("previous"), p.getKey() + " before " + caliber);
        long n = now.size();
        long b = before.size();
        assertEquals(
            java.math.BigDecimal.valueOf((n - b) * 100)
                .divide(java.math.BigDecimal.valueOf(b), 1, java.math.RoundingMode.HALF_UP)
                .doubleValue(),
            c.get("changePercent").get("orders").asDouble());
        checked++;
      }
    }
    assertEquals(4, checked);
    assertTrue(o.get("calibers").get("CUSTOMS").get("nameZh").asText().contains("海关"));
  }

  static void assertFigures(List<Fact> fs, JsonNode figures, String what) {
    assertMeasures(fs, figures, what);
    assertEquals(
        fs.stream().map(Fact::ebc).distinct().count(),
        figures.get("activeEnterprises").asLong(),
        what + " active enterprises");
    for (String d : List.of("I", "E")) {
      List<Fact> dir = where(fs, f -> f.direction().equals(d));
      JsonNode dn = figures.get("byDirection").get(d);
      assertMeasures(dir, dn, what + " " + d);
      assertEquals(
          dir.stream().map(Fact::ebc).distinct().count(),
          dn.get("activeEnterprises").asLong(),
          what + " " + d + " enterprises");
    }
    for (String m : ScreenData.MODES) {
      assertMeasures(
          where(fs, f -> f.mode().equals(m)), figures.get("byTradeMode").get(m), what + " " + m);
    }
  }

  static void assertMeasures(List<Fact> fs, JsonNode n, String what) {
    assertEquals(fs.size(), n.get("orders").asLong(), what + " orders");
    assertEquals(sum(fs, Fact::parcels), n.get("parcels").asLong(), what + " parcels");
    long cents = sum(fs, Fact::valueCents);
    assertEquals(cents, n.get("valueCents").asLong(), what + " cents");
    assertEquals(cents / 100.0, n.get("valueCny").asDouble(), 1e-9, what + " yuan");
  }

  // ---------------------------------------------------------------- series

  /** windowStart → value, per caliber, as the API answered. */
  static Map<String, Map<String, String>> points(JsonNode series) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (JsonNode s : series.get("series")) {
      Map<String, String> ps = new TreeMap<>();
      for (JsonNode p : s.get("points")) {
        ps.put(p.get("windowStart").asText(), p.get("value").asText());
      }
      out.put(s.get("caliber").asText(), ps);
    }
    return out;
  }

  static Map<String, String> expected(
      String caliber,
      String size,
      Instant from,
      Instant to,
      Predicate<Fact> slice,
      Function<List<Fact>, String> measure) {
    Map<String, List<Fact>> windows = new TreeMap<>();
    for (Fact f : facts) {
      Instant w = ScreenData.windowStart(size, f.at());
      if (f.caliber().equals(caliber) && slice.test(f) && !w.isBefore(from) && w.isBefore(to)) {
        windows.computeIfAbsent(w.toString(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<String, String> out = new TreeMap<>();
    windows.forEach((w, fs) -> out.put(w, measure.apply(fs)));
    return out;
  }

  @Test
  void seriesSumTheSliceOfEachWindowAtEveryInterval() {
    Instant from = Instant.parse("2041-03-13T00:00:00Z");
    Instant to = Instant.parse("2041-03-14T00:00:00Z");
    // Value of 9610 per hour, customs only: the MODE slices of both directions added.
    JsonNode hourly =
        ok(
            "/api/v1/stats/series?measure=valueCents&interval=1h&caliber=CUSTOMS&tradeMode=9610"
                + "&from="
                + from
                + "&to="
                + to);
    assertEquals(Set.of("CUSTOMS"), points(hourly).keySet());
    Map<String, String> want =
        expected(
            "CUSTOMS",
            "1h",
            from,
            to,
            f -> f.mode().equals("9610"),
            fs -> Long.toString(sum(fs, Fact::valueCents)));
    assertEquals(want, points(hourly).get("CUSTOMS"));
    assertTrue(want.size() > 12, "most hours have such trade");
    assertEquals("MODE", hourly.get("slice").get("dimension").asText());

    // Export orders per minute, both calibers (the default).
    Instant mFrom = Instant.parse("2041-03-14T01:00:00Z");
    Instant mTo = Instant.parse("2041-03-14T03:00:00Z");
    JsonNode minutes =
        ok(
            "/api/v1/stats/series?measure=orders&interval=1m&direction=E&from="
                + mFrom
                + "&to="
                + mTo);
    for (String caliber : List.of("PLATFORM", "CUSTOMS")) {
      assertEquals(
          expected(
              caliber,
              "1m",
              mFrom,
              mTo,
              f -> f.direction().equals("E"),
              fs -> Integer.toString(fs.size())),
          points(minutes).get(caliber),
          caliber);
    }

    // Yuan per zone day from Japan, platform caliber.
    Instant dFrom = Instant.parse("2041-03-11T16:00:00Z");
    Instant dTo = Instant.parse("2041-03-14T16:00:00Z");
    JsonNode days =
        ok(
            "/api/v1/stats/series?measure=valueCny&interval=1d&caliber=PLATFORM&country=116&from="
                + dFrom
                + "&to="
                + dTo);
    Map<String, String> dayWant =
        expected(
            "PLATFORM",
            "1d",
            dFrom,
            dTo,
            f -> f.country().equals("116"),
            fs -> Double.toString(sum(fs, Fact::valueCents) / 100.0));
    assertEquals(3, dayWant.size());
    assertEquals(dayWant, points(days).get("PLATFORM"));

    // Buyers (distinct: one document per window when a direction is given) and the average.
    JsonNode buyers =
        ok(
            "/api/v1/stats/series?measure=buyers&interval=1h&caliber=PLATFORM&direction=I&from="
                + from
                + "&to="
                + to);
    assertEquals(
        expected(
            "PLATFORM",
            "1h",
            from,
            to,
            f -> f.direction().equals("I"),
            fs -> Long.toString(ScreenData.buyers(fs))),
        points(buyers).get("PLATFORM"));
    JsonNode average =
        ok(
            "/api/v1/stats/series?measure=avgOrderValueCny&interval=1h&caliber=CUSTOMS&from="
                + from
                + "&to="
                + to);
    assertEquals(
        expected(
            "CUSTOMS",
            "1h",
            from,
            to,
            f -> true,
            fs ->
                Double.toString(
                    java.math.BigDecimal.valueOf(sum(fs, Fact::valueCents))
                            .divide(
                                java.math.BigDecimal.valueOf(fs.size()),
                                0,
                                java.math.RoundingMode.HALF_UP)
                            .longValue()
                        / 100.0)),
        points(average).get("CUSTOMS"));
  }

  // ---------------------------------------------------------------- composite index

  static final Instant INDEX_FROM = Instant.parse("2041-03-14T00:00:00Z");

  /** Three hours of minutes; minute i reads composite 100 + i/2 and sub-index k 100 + i + k. */
  static Map<String, Map<String, Object>> compositeMinutes() {
    Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
    List<String> subs =
        List.of("tradeValue", "volume", "activeEnterprises", "clearance", "logistics", "risk");
    for (int i = 0; i < 180; i++) {
      Instant start = INDEX_FROM.plusSeconds(60L * i);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("minuteStart", start.toString());
      d.put("minuteEnd", start.plusSeconds(60).toString());
      d.put("composite", 100 + i / 2.0);
      Map<String, Object> sub = new LinkedHashMap<>();
      for (int k = 0; k < subs.size(); k++) {
        sub.put(
            subs.get(k),
            Map.of("index", 100.0 + i + k, "level", i * 2.0, "sample", (long) i, "base", 50.0));
      }
      d.put("subIndices", sub);
      docs.put(start.toString(), d);
    }
    return docs;
  }

  @Test
  void compositeIndexGivesEveryMinuteOrTheLastMinuteOfEachInterval() {
    JsonNode minutes =
        ok(
            "/api/v1/stats/composite-index?interval=1m&from=2041-03-14T01:00:00Z"
                + "&to=2041-03-14T01:30:00Z");
    assertEquals(30, minutes.get("points").size());
    for (int j = 0; j < 30; j++) {
      JsonNode p = minutes.get("points").get(j);
      int i = 60 + j;
      assertEquals(INDEX_FROM.plusSeconds(60L * i).toString(), p.get("minuteStart").asText());
      assertEquals(100 + i / 2.0, p.get("composite").asDouble(), 1e-9);
      assertEquals(100.0 + i + 5, p.get("subIndices").get("risk").get("index").asDouble(), 1e-9);
      assertEquals(6, p.get("subIndices").size());
    }
    JsonNode hours =
        ok(
            "/api/v1/stats/composite-index?interval=1h&subIndices=risk,volume"
                + "&from=2041-03-14T00:00:00Z&to=2041-03-14T03:00:00Z");
    assertEquals(3, hours.get("points").size());
    for (int h = 0; h < 3; h++) {
      JsonNode p = hours.get("points").get(h);
      int i = 60 * h + 59;
      assertEquals(INDEX_FROM.plusSeconds(3600L * h).toString(), p.get("windowStart").asText());
      assertEquals(INDEX_FROM.plusSeconds(60L * i).toString(), p.get("minuteStart").asText());
      assertEquals(100 + i / 2.0, p.get("composite").asDouble(), 1e-9);
      assertEquals(Set.of("risk", "volume"), fieldNames(p.get("subIndices")));
      assertEquals(100.0 + i + 1, p.get("subIndices").get("volume").get("index").asDouble());
      assertEquals(i, p.get("subIndices").get("volume").get("sample").asLong());
    }
  }

  static Set<String> fieldNames(JsonNode n) {
    Set<String> out = new HashSet<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  // ---------------------------------------------------------------- rankings and the map

  /** Facts grouped by a key, ranked as the job ranks: value, then orders, then the key. */
  static List<Map.Entry<String, List<Fact>>> ranked(
      List<Fact> fs, Function<Fact, String> key, int size) {
    Map<String, List<Fact>> groups = fs.stream().collect(Collectors.groupingBy(key));
    return groups.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, List<Fact>>>comparingLong(
                    e -> -sum(e.getValue(), Fact::valueCents))
                .thenComparing(e -> -e.getValue().size())
                .thenComparing(Map.Entry::getKey))
        .limit(size)
        .toList();
  }

  static void assertRanking(List<Map.Entry<String, List<Fact>>> want, JsonNode items) {
    assertEquals(want.size(), items.size());
    for (int i = 0; i < want.size(); i++) {
      JsonNode item = items.get(i);
      assertEquals(i + 1, item.get("rank").asInt());
      assertEquals(want.get(i).getKey(), item.get("key").asText());
      assertMeasures(want.get(i).getValue(), item, "rank " + (i + 1));
    }
  }

  @Test
  void topRanksSlicesOverAPeriodAndGoodsOfAStoredWindow() {
    String period = "&from=" + DAY + "&to=" + TO;
    JsonNode enterprises =
        ok("/api/v1/stats/top?dimension=ENTERPRISE&direction=E&caliber=CUSTOMS&size=5" + period);
    assertEquals("CUSTOMS", enterprises.get("caliber").asText());
    List<Fact> customsExports =
        where(facts, in("CUSTOMS", DAY, TO).and(f -> f.direction().equals("E")));
    assertRanking(ranked(customsExports, Fact::ebc, 5), enterprises.get("items"));

    // Customs is the default caliber; chapters exist on it only.
    JsonNode chapters = ok("/api/v1/stats/top?dimension=CHAPTER&direction=I" + period);
    List<Fact> customsImports =
        where(facts, in("CUSTOMS", DAY, TO).and(f -> f.direction().equals("I")));
    assertRanking(ranked(customsImports, Fact::chapter, 10), chapters.get("items"));

    JsonNode countries =
        ok("/api/v1/stats/top?dimension=COUNTRY&direction=I&caliber=PLATFORM" + period);
    List<Fact> platformImports =
        where(facts, in("PLATFORM", DAY, TO).and(f -> f.direction().equals("I")));
    assertRanking(ranked(platformImports, Fact::country, 10), countries.get("items"));
    for (JsonNode item : countries.get("items")) {
      if (item.get("key").asText().equals("116")) assertEquals("日本", item.get("name").asText());
    }

    JsonNode goods =
        ok(
            "/api/v1/stats/top?dimension=GOODS&direction=E&size=3"
                + "&from=2041-03-14T02:00:00Z&to=2041-03-14T03:00:00Z");
    assertEquals("1h", goods.get("window").asText());
    assertEquals(3, goods.get("items").size());
    for (int rank = 1; rank <= 3; rank++) {
      JsonNode item = goods.get("items").get(rank - 1);
      assertEquals(rank, item.get("rank").asInt());
      assertEquals("8517130000", item.get("key").asText().substring(0, 10));
      assertEquals(goodsValue(rank), item.get("valueCents").asLong());
    }
    problem(
        api.get(
            "/api/v1/stats/top?dimension=GOODS&direction=E"
                + "&from=2041-03-14T02:00:00Z&to=2041-03-14T04:00:00Z",
            Role.VIEWER),
        400);
  }

  static long goodsValue(int rank) {
    return 1_000_000L / rank;
  }

  /** A stored ranking of goods: customs exports of the hour 2041-03-14T02:00Z, four ranks. */
  static Map<String, Map<String, Object>> goodsRanking() {
    Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
    for (int rank = 1; rank <= 4; rank++) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("caliber", "CUSTOMS");
      d.put("windowSize", "1h");
      d.put("windowStart", "2041-03-14T02:00:00Z");
      d.put("windowEnd", "2041-03-14T03:00:00Z");
      d.put("dimension", "GOODS");
      d.put("direction", "E");
      d.put("rank", rank);
      d.put("key", "8517130000" + rank);
      d.put("orders", 10L - rank);
      d.put("parcels", 10L - rank);
      d.put("valueCents", goodsValue(rank));
      d.put("valueCny", goodsValue(rank) / 100.0);
      d.put("updatedAt", "2041-03-14T03:00:05Z");
      docs.put("CUSTOMS:1h:2041-03-14T02:00:00Z:GOODS:E:" + rank, d);
    }
    return docs;
  }

  @Test
  void partnerCountriesGiveValueAndOrdersPerCountryAndDirection() {
    JsonNode map = ok("/api/v1/stats/partner-countries?caliber=PLATFORM&from=" + DAY + "&to=" + TO);
    List<Fact> platform = where(facts, in("PLATFORM", DAY, TO));
    Map<String, List<Fact>> want =
        platform.stream().collect(Collectors.groupingBy(f -> f.country() + "/" + f.direction()));
    assertEquals(want.size(), map.get("countries").size());
    long previous = Long.MAX_VALUE;
    for (JsonNode c : map.get("countries")) {
      String key = c.get("country").asText() + "/" + c.get("direction").asText();
      assertMeasures(want.get(key), c, key);
      assertTrue(c.get("valueCents").asLong() <= previous, "sorted by value");
      previous = c.get("valueCents").asLong();
      if (c.get("country").asText().equals("502")) assertEquals("US", c.get("iso2").asText());
    }
    JsonNode exports = ok("/api/v1/stats/partner-countries?direction=E&from=" + DAY + "&to=" + TO);
    assertEquals("CUSTOMS", exports.get("caliber").asText());
    Map<String, List<Fact>> wantExports =
        where(facts, in("CUSTOMS", DAY, TO).and(f -> f.direction().equals("E"))).stream()
            .collect(Collectors.groupingBy(Fact::country));
    assertEquals(wantExports.size(), exports.get("countries").size());
    for (JsonNode c : exports.get("countries")) {
      assertEquals("E", c.get("direction").asText());
      assertMeasures(wantExports.get(c.get("country").asText()), c, c.toString());
    }
  }

  // ---------------------------------------------------------------- logistics

  static Map<String, Object> stage(
      String stage, String route, String mode, String carrier, long count, double mean) {
    Map<String, Object> d = new LinkedHashMap<>();
    boolean overall = route.equals("ALL");
    String key = stage + "|" + route + "|" + mode + "|" + carrier;
    d.put("key", key);
    d.put("stage", stage);
    d.put("stageZh", io.sanliu.model.logistics.ShipmentState.valueOf(stage).nameZh());
    d.put("route", route);
    d.put("transportMode", mode);
    d.put("carrier", carrier);
    d.put("overall", overall);
    d.put("count", count);
    d.put("meanMinutes", mean);
    d.put("p50Minutes", mean * 0.9);
    d.put("p90Minutes", mean * 2);
    d.put("minMinutes", 1.0);
    d.put("maxMinutes", mean * 4);
    d.put("usualNext", "DELIVERED");
    d.put("nextCounts", Map.of("DELIVERED", count));
    d.put("updatedAt", "2041-03-14T00:00:00Z");
    return d;
  }

  static Map<String, Map<String, Object>> stages() {
    List<Map<String, Object>> all =
        List.of(
            stage("DEPARTED", "ALL", "ALL", "ALL", 40, 300),
            stage("DECLARED", "ALL", "ALL", "ALL", 50, 30),
            stage("RELEASED", "ALL", "ALL", "ALL", 45, 60),
            stage("DEPARTED", "116>ZONE", "AIR", "C2041A", 12, 280),
            stage("DECLARED", "116>ZONE", "AIR", "C2041A", 20, 25),
            stage("DECLARED", "ZONE>502", "SEA", "C2041A", 25, 35),
            stage("DECLARED", "116>ZONE", "AIR", "C2041B", 5, 40));
    Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
    for (var d : all) docs.put((String) d.get("key"), d);
    return docs;
  }

  static List<String> keys(JsonNode stages) {
    List<String> out = new ArrayList<>();
    stages.get("stages").forEach(s -> out.add(s.get("key").asText()));
    return out;
  }

  @Test
  void timelinessGivesStagesOverallOrPerMatchingKeyInJourneyOrder() {
    JsonNode overall = ok("/api/v1/logistics/timeliness");
    assertTrue(overall.get("overall").asBoolean());
    assertEquals(
        List.of("DECLARED|ALL|ALL|ALL", "RELEASED|ALL|ALL|ALL", "DEPARTED|ALL|ALL|ALL"),
        keys(overall));
    JsonNode first = overall.get("stages").get(0);
    assertEquals(30.0, first.get("meanMinutes").asDouble());
    assertEquals("已申报", first.get("stageZh").asText());

    assertEquals(
        List.of(
            "DECLARED|ZONE>502|SEA|C2041A",
            "DECLARED|116>ZONE|AIR|C2041A",
            "DEPARTED|116>ZONE|AIR|C2041A"),
        keys(ok("/api/v1/logistics/timeliness?carrier=C2041A")));
    assertEquals(
        List.of("DECLARED|116>ZONE|AIR|C2041A"),
        keys(
            ok(
                "/api/v1/logistics/timeliness?carrier=C2041A&transportMode=air&stage=DECLARED"
                    + "&route="
                    + enc("116>ZONE"))));
  }

  static final Instant STALLED = Instant.parse("2041-03-10T00:00:00Z");

  /** Seven stalled parcels of one carrier (two stalled at the same time), two moving ones. */
  static Map<String, Map<String, Object>> shipments() {
    Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
    for (int i = 0; i < 9; i++) {
      boolean stalled = i < 7;
      String no = String.format("LP2041%04d", i);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("waybillKey", STALL_CARRIER + ":" + no);
      d.put("logisticsCode", STALL_CARRIER);
      d.put("logisticsNo", no);
      d.put("orderNo", "SO2041" + i);
      d.put("ebpCode", "4403960001");
      d.put("tradeMode", "9610");
      d.put("direction", i % 2 == 0 ? "I" : "E");
      d.put("partnerCountry", "116");
      d.put("route", i % 2 == 0 ? "116>ZONE" : "ZONE>116");
      d.put("transportMode", "AIR");
      d.put("state", "DEPARTED");
      d.put("stateZh", "已发运");
      d.put("stateSince", STALLED.minusSeconds(86_400).toString());
      d.put("ended", false);
      d.put("stalled", stalled);
      if (stalled) {
        // i = 3 and 4 stalled at the same moment: the waybill breaks the tie.
        d.put("stalledSince", STALLED.plusSeconds(3600L * Math.min(i, 7 - i)).toString());
        d.put("stallLimitMinutes", 720.0);
      }
      d.put("updatedAt", STALLED.toString());
      docs.put(STALL_CARRIER + ":" + no, d);
    }
    return docs;
  }

  @Test
  void stalledParcelsArePagedNewestFirst() {
    var docs = shipments().values().stream().filter(d -> (Boolean) d.get("stalled")).toList();
    List<String> want =
        docs.stream()
            .sorted(
                Comparator.<Map<String, Object>, String>comparing(
                        d -> (String) d.get("stalledSince"), Comparator.reverseOrder())
                    .thenComparing(d -> (String) d.get("waybillKey")))
            .map(d -> (String) d.get("waybillKey"))
            .toList();
    List<String> got = new ArrayList<>();
    String base = "/api/v1/logistics/stalled?size=3&carrier=" + STALL_CARRIER;
    JsonNode page = ok(base);
    assertEquals(7, page.get("total").asLong());
    int pages = 1;
    while (true) {
      page.get("items").forEach(i -> got.add(i.get("waybillKey").asText()));
      assertTrue(page.get("items").get(0).get("stalledSince").isTextual());
      if (page.get("next").isNull()) break;
      String cursor = page.get("next").asText();
      page = ok(base + "&cursor=" + cursor);
      pages++;
      if (pages == 2) {
        JsonNode p =
            problem(
                api.get(
                    "/api/v1/logistics/stalled?size=3&direction=I&carrier="
                        + STALL_CARRIER
                        + "&cursor="
                        + cursor,
                    Role.VIEWER),
                400);
        assertEquals("cursor", p.get("invalidParams").get(0).asText());
      }
    }
    assertEquals(want, got);
    assertEquals(3, pages);
    // Only stalled parcels, filters applied.
    JsonNode imports = ok("/api/v1/logistics/stalled?direction=I&carrier=" + STALL_CARRIER);
    assertEquals(4, imports.get("items").size());
  }

  // ---------------------------------------------------------------- live push

  @Test
  void theKpiTickCarriesTheOverviewOfItsMoment() throws Exception {
    try (SseClient kpis = new SseClient(api, "/api/v1/stream/kpis", Role.VIEWER, null)) {
      SseClient.Event tick = kpis.await(e -> "kpis".equals(e.name()), Duration.ofSeconds(10));
      JsonNode body = parse(tick.data());
      assertTrue(body.has("liveAlerts"));
      JsonNode statistics = body.get("statistics");
      // The same figures the overview route gives for that moment.
      JsonNode direct = ok("/api/v1/stats/overview?at=" + statistics.get("at").asText());
      assertEquals(direct, statistics);
      assertTrue(statistics.get("today").get("CUSTOMS").get("current").has("valueCny"));
    }
  }

  static JsonNode parse(String s) {
    try {
      return io.sanliu.model.Json.mapper().readTree(s);
    } catch (Exception e) {
      throw new AssertionError(s, e);
    }
  }

  // ---------------------------------------------------------------- risk by rule
  // Alerts of 2041 are the SQL tests' (the same JVM): these are of 2033, which no other test uses.
  static final Instant RISK_DAY = Instant.parse("2033-07-07T00:00:00Z");
  static final List<RuleType> RISK_TYPES =
      List.of(RuleType.SINGLE_LIMIT, RuleType.SPLIT_ORDERS, RuleType.VOLUME_SPIKE);

  /** Live and shadow alerts of three rules, most in the day asked for, some just outside. */
  static List<RiskAlert> riskAlerts() {
    List<RiskAlert> out = new ArrayList<>();
    Severity[] severities = Severity.values();
    for (int i = 0; i < 400; i++) {
      RuleType type = RISK_TYPES.get((i * i) % RISK_TYPES.size());
      // 25 h from 30 min before the day: the first and last half hours lie outside it.
      Instant at = RISK_DAY.minus(Duration.ofMinutes(30)).plusSeconds(i * 225L);
      out.add(
          TestAlerts.alert(
              "risk-" + i,
              type.name().toLowerCase(java.util.Locale.ROOT),
              type,
              severities[(i / 3) % severities.length],
              10,
              i % 7 == 0,
              "E-RISK",
              at,
              Map.of(),
              "风险",
              "risk"));
    }
    return out;
  }

  @Test
  void riskByRuleCountsTheLiveAlertsOfThePeriodPerRuleAndSeverity() {
    Instant end = RISK_DAY.plus(ONE_DAY);
    JsonNode risk = ok("/api/v1/stats/risk-by-rule?from=" + RISK_DAY + "&to=" + end);

    List<RiskAlert> counted =
        riskAlerts().stream()
            .filter(a -> !a.shadow())
            .filter(a -> !a.detectedAt().isBefore(RISK_DAY) && a.detectedAt().isBefore(end))
            .toList();
    assertEquals(counted.size(), risk.get("alerts").asLong());
    Map<RuleType, List<RiskAlert>> want =
        counted.stream().collect(Collectors.groupingBy(RiskAlert::ruleType));
    assertEquals(want.size(), risk.get("rules").size());
    long previous = Long.MAX_VALUE;
    for (JsonNode r : risk.get("rules")) {
      RuleType type = RuleType.valueOf(r.get("ruleType").asText());
      List<RiskAlert> mine = want.get(type);
      assertEquals(mine.size(), r.get("alerts").asLong(), type.name());
      assertEquals(type.nameZh(), r.get("nameZh").asText());
      assertEquals(type.nameEn(), r.get("nameEn").asText());
      Map<String, Long> bySeverity =
          mine.stream()
              .collect(Collectors.groupingBy(a -> a.severity().name(), Collectors.counting()));
      Map<String, Long> got = new TreeMap<>();
      r.get("bySeverity")
          .fields()
          .forEachRemaining(e -> got.put(e.getKey(), e.getValue().asLong()));
      assertEquals(new TreeMap<>(bySeverity), got, type.name());
      assertTrue(r.get("alerts").asLong() <= previous, "most alerts first");
      previous = r.get("alerts").asLong();
    }
    // By default the 24 hours up to the end of the current minute.
    Instant before = Instant.now();
    JsonNode recent = ok("/api/v1/stats/risk-by-rule");
    Instant to = Instant.parse(recent.get("to").asText());
    assertEquals(to.minus(ONE_DAY), Instant.parse(recent.get("from").asText()));
    assertTrue(to.isAfter(before) && !to.isAfter(Instant.now().plusSeconds(60)), "to " + to);
    assertEquals(0, to.getEpochSecond() % 60, "a whole minute");
  }

  // ---------------------------------------------------------------- validation and auth

  @Test
  void badParametersAreProblemsNamingTheField() {
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("/api/v1/stats/overview?bogus=1", List.of("bogus"));
    cases.put("/api/v1/stats/overview?at=yesterday", List.of("at"));
    cases.put("/api/v1/stats/series?interval=1h", List.of("measure"));
    cases.put("/api/v1/stats/series?measure=weight", List.of("measure"));
    cases.put("/api/v1/stats/series?measure=orders&interval=2m", List.of("interval"));
    cases.put(
        "/api/v1/stats/series?measure=orders&from=2041-03-14T00:00:00Z&to=2041-03-14T00:00:00Z",
        List.of("from", "to"));
    cases.put(
        "/api/v1/stats/series?measure=orders&interval=1m"
            + "&from=2041-03-12T00:00:00Z&to=2041-03-14T00:00:00Z",
        List.of("from", "to"));
    cases.put(
        "/api/v1/stats/series?measure=orders&tradeMode=9610&country=116",
        List.of("tradeMode", "country"));
    cases.put("/api/v1/stats/series?measure=orders&tradeMode=9611", List.of("tradeMode"));
    cases.put(
        "/api/v1/stats/series?measure=buyers&tradeMode=9610", List.of("measure", "direction"));
    cases.put("/api/v1/stats/series?measure=orders&direction=X", List.of("direction"));
    cases.put("/api/v1/stats/series?measure=orders&caliber=BANK", List.of("caliber"));
    cases.put(
        "/api/v1/stats/composite-index?interval=1d&from=2039-01-01T00:00:00Z"
            + "&to=2041-01-01T00:00:00Z",
        List.of("from", "to"));
    cases.put("/api/v1/stats/composite-index?subIndices=mood", List.of("subIndices"));
    cases.put("/api/v1/stats/top?dimension=COUNTRY", List.of("direction"));
    cases.put("/api/v1/stats/top?dimension=SHOE&direction=I", List.of("dimension"));
    cases.put("/api/v1/stats/top?dimension=COUNTRY&direction=I&size=0", List.of("size"));
    cases.put(
        "/api/v1/stats/top?dimension=COUNTRY&direction=I&from=2041-03-14T00:00:30Z",
        List.of("from"));
    cases.put(
        "/api/v1/stats/partner-countries?from=2041-03-14T02:00:00Z&to=2041-03-14T01:00:00Z",
        List.of("from", "to"));
    cases.put("/api/v1/logistics/timeliness?stage=LOST", List.of("stage"));
    cases.put("/api/v1/logistics/timeliness?transportMode=BOAT", List.of("transportMode"));
    cases.put("/api/v1/logistics/timeliness?route=Japan", List.of("route"));
    cases.put("/api/v1/logistics/stalled?cursor=not-ours", List.of("cursor"));
    cases.put("/api/v1/logistics/stalled?size=1000", List.of("size"));
    cases.put("/api/v1/stats/risk-by-rule?from=2033-07-07T00:00:30Z", List.of("from"));
    cases.put(
        "/api/v1/stats/risk-by-rule?from=2033-07-08T00:00:00Z&to=2033-07-07T00:00:00Z",
        List.of("from", "to"));
    for (var c : cases.entrySet()) {
      JsonNode p = problem(api.get(c.getKey(), Role.VIEWER), 400);
      List<String> named = new ArrayList<>();
      p.get("invalidParams").forEach(n -> named.add(n.asText()));
      assertEquals(c.getValue(), named, c.getKey() + ": " + p);
    }
  }

  @Test
  void everyScreenRouteWantsATokenAndServesEveryRole() {
    Map<String, String> valid = new LinkedHashMap<>();
    for (String route : ROUTES) valid.put(route, route);
    valid.put("/api/v1/stats/series", "/api/v1/stats/series?measure=orders");
    valid.put("/api/v1/stats/top", "/api/v1/stats/top?dimension=COUNTRY&direction=I");
    for (String route : ROUTES) {
      problem(api.get(valid.get(route), null), 401);
      for (Role role : Role.values()) {
        assertEquals(200, api.get(valid.get(route), role).statusCode(), route + " as " + role);
      }
    }
  }
}
