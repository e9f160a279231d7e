package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.SqlTestData.Alert;
import io.sanliu.api.SqlTestData.Stat;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.sql.SqlAccess;
import io.sanliu.sql.SqlEngine;
import io.sanliu.sql.SqlLimits;
import io.sanliu.sql.SqlRefusal;
import io.sanliu.sql.TableCatalog;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Analysts' SQL on the real stack: 12,000 alerts and 75 statistics documents of 2041, queried
 * through {@code POST /api/v1/sql} and through the Avatica JDBC driver; every answer is compared
 * with one computed here in plain Java from the same documents. Then what runs inside Elasticsearch
 * (EXPLAIN), and what is refused: DML, DDL, several statements, other roles' tables, the limits.
 */
@ExtendWith(SanliuStackExtension.class)
class SqlQueriesTest {
  static final int MAX_ROWS = 500;
  static final int MAX_SCAN = 11_000;
  static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
  static final String MINE = "alert_id LIKE 'sql41-%'";

  static ApiFixture api;
  static SanliuStack stack;
  static List<Alert> alerts;
  static List<Stat> stats;

  @BeforeAll
  static void start(SanliuStack shared) throws Exception {
    stack = shared;
    alerts = SqlTestData.alerts();
    stats = SqlTestData.stats();
    SqlTestData.index(stack.elastic().blocking(), alerts, stats);
    api =
        ApiFixture.start(
            stack,
            Map.of(
                ConfigKey.SQL_MAX_ROWS, Integer.toString(MAX_ROWS),
                ConfigKey.SQL_MAX_SCAN_ROWS, Integer.toString(MAX_SCAN)));
    Class.forName("org.apache.calcite.avatica.remote.Driver");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  // ---- the analyst queries ----------------------------------------------------------------------

  record Case(
      String name,
      String sql,
      List<Object> parameters,
      List<List<Object>> expected,
      boolean ordered) {}

  static Case unordered(String name, String sql, List<List<Object>> expected) {
    return new Case(name, sql, List.of(), expected, false);
  }

  static Case ordered(String name, String sql, List<List<Object>> expected) {
    return new Case(name, sql, List.of(), expected, true);
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  static List<List<Object>> one(Object... values) {
    return List.of(row(values));
  }

  static long count(Predicate<Alert> p) {
    return alerts.stream().filter(p).count();
  }

  static <K> Map<K, List<Alert>> groups(Predicate<Alert> p, Function<Alert, K> key) {
    Map<K, List<Alert>> out = new HashMap<>();
    alerts.stream()
        .filter(p)
        .forEach(a -> out.computeIfAbsent(key.apply(a), k -> new ArrayList<>()).add(a));
    return out;
  }

  static List<Double> scores(List<Alert> as) {
    return as.stream().map(Alert::score).filter(Objects::nonNull).toList();
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  static boolean inBeijingDay(Instant t, LocalDate day) {
    ZoneId beijing = ZoneId.of("Asia/Shanghai");
    return !t.isBefore(day.atStartOfDay(beijing).toInstant())
        && t.isBefore(day.plusDays(1).atStartOfDay(beijing).toInstant());
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    Predicate<Alert> all = a -> true;

    cases.add(
        unordered(
            "COUNT(*) over more than 10,000 documents",
            "SELECT COUNT(*) FROM alerts WHERE detected_at >= TIMESTAMP '2041-01-01 00:00:00'"
                + " AND detected_at < TIMESTAMP '2042-01-01 00:00:00'",
            one((long) SqlTestData.ALERTS)));

    cases.add(
        unordered(
            "filter on a keyword and a boolean",
            "SELECT COUNT(*) AS n FROM alerts WHERE "
                + MINE
                + " AND severity = 'HIGH' AND shadow = false",
            one(count(a -> a.severity().equals("HIGH") && !a.shadow()))));

    List<List<Object>> perEnterprise = new ArrayList<>();
    groups(all, Alert::enterpriseCode)
        .forEach((k, v) -> perEnterprise.add(row(k, (long) v.size())));
    cases.add(
        unordered(
            "GROUP BY with more than 10 groups and a NULL group",
            "SELECT enterprise_code, COUNT(*) AS n FROM alerts WHERE "
                + MINE
                + " GROUP BY enterprise_code",
            perEnterprise));

    List<List<Object>> bySeverityType = new ArrayList<>();
    groups(all, a -> a.severity() + "|" + a.ruleType())
        .forEach(
            (k, v) -> {
              List<Double> s = scores(v);
              bySeverityType.add(
                  row(
                      k.split("\\|")[0],
                      k.split("\\|")[1],
                      (long) v.size(),
                      (long) s.size(),
                      s.stream().mapToDouble(d -> d).sum(),
                      s.stream().mapToDouble(d -> d).min().orElseThrow(),
                      s.stream().mapToDouble(d -> d).max().orElseThrow(),
                      s.stream().mapToDouble(d -> d).average().orElseThrow()));
            });
    cases.add(
        unordered(
            "GROUP BY two keys with COUNT, SUM, MIN, MAX, AVG",
            "SELECT severity, rule_type, COUNT(*), COUNT(score), SUM(score), MIN(score), MAX(score),"
                + " AVG(score) FROM alerts WHERE "
                + MINE
                + " GROUP BY severity, rule_type",
            bySeverityType));

    Map<String, List<Alert>> critical =
        groups(a -> a.severity().equals("CRITICAL"), Alert::enterpriseCode);
    long threshold = median(critical.values().stream().map(l -> (long) l.size()).toList());
    List<List<Object>> having = new ArrayList<>();
    critical.forEach(
        (k, v) -> {
          if (v.size() > threshold) having.add(row(k, (long) v.size()));
        });
    cases.add(
        unordered(
            "HAVING on a count",
            "SELECT enterprise_code, COUNT(*) FROM alerts WHERE "
                + MINE
                + " AND severity = 'CRITICAL'"
                + " GROUP BY enterprise_code HAVING COUNT(*) > "
                + threshold,
            having));

    cases.add(
        ordered(
            "ORDER BY two keys with LIMIT",
            "SELECT alert_id, score FROM alerts WHERE "
                + MINE
                + " AND score IS NOT NULL"
                + " ORDER BY score DESC, alert_id LIMIT 10",
            alerts.stream()
                .filter(a -> a.score() != null)
                .sorted(Comparator.comparing(Alert::score).reversed().thenComparing(Alert::alertId))
                .limit(10)
                .map(a -> row(a.alertId(), a.score()))
                .toList()));

    cases.add(
        ordered(
            "ORDER BY a time with LIMIT and OFFSET",
            "SELECT alert_id, detected_at FROM alerts WHERE "
                + MINE
                + " ORDER BY detected_at DESC LIMIT 5 OFFSET 100",
            alerts.stream()
                .sorted(Comparator.comparing(Alert::detectedAt).reversed())
                .skip(100)
                .limit(5)
                .map(a -> row(a.alertId(), a.detectedAt()))
                .toList()));

    LocalDate day = LocalDate.parse("2041-03-03");
    cases.add(
        unordered(
            "a day in Beijing time (UTC+8) as a UTC range",
            "SELECT COUNT(*), MIN(detected_at) FROM alerts WHERE "
                + MINE
                + " AND detected_at >= TIMESTAMP '2041-03-03 00:00:00' - INTERVAL '8' HOUR"
                + " AND detected_at < TIMESTAMP '2041-03-04 00:00:00' - INTERVAL '8' HOUR",
            one(
                count(a -> inBeijingDay(a.detectedAt(), day)),
                alerts.stream()
                    .map(Alert::detectedAt)
                    .filter(t -> inBeijingDay(t, day))
                    .min(Comparator.naturalOrder())
                    .orElseThrow())));

    Instant from = OffsetDateTime.parse("2041-03-02T00:00:00+08:00").toInstant();
    Instant to = Instant.parse("2041-03-05T12:00:00Z");
    Predicate<Alert> window =
        a ->
            !a.detectedAt().isBefore(from)
                && a.detectedAt().isBefore(to)
                && a.severity().equals("LOW");
    cases.add(
        new Case(
            "parameters: a time range with offsets and a severity",
            "SELECT COUNT(*), MAX(score) FROM alerts WHERE "
                + MINE
                + " AND detected_at >= ? AND detected_at < ? AND severity = ?",
            List.of("2041-03-02T00:00:00+08:00", "2041-03-05T12:00:00Z", "LOW"),
            one(
                count(window),
                scores(alerts.stream().filter(window).toList()).stream()
                    .max(Comparator.naturalOrder())
                    .orElseThrow()),
            false));

    cases.add(
        unordered(
            "COUNT DISTINCT",
            "SELECT COUNT(DISTINCT enterprise_code) FROM alerts WHERE " + MINE,
            one(
                alerts.stream()
                    .map(Alert::enterpriseCode)
                    .filter(Objects::nonNull)
                    .distinct()
                    .count())));

    List<List<Object>> distinctRules = new ArrayList<>();
    groups(all, Alert::severity)
        .forEach(
            (k, v) -> distinctRules.add(row(k, v.stream().map(Alert::ruleId).distinct().count())));
    cases.add(
        unordered(
            "COUNT DISTINCT per group",
            "SELECT severity, COUNT(DISTINCT rule_id) FROM alerts WHERE "
                + MINE
                + " GROUP BY severity",
            distinctRules));

    cases.add(
        unordered(
            "LIKE with _",
            "SELECT COUNT(*) FROM alerts WHERE " + MINE + " AND enterprise_code LIKE 'SQL41-E1_'",
            one(
                count(
                    a -> a.enterpriseCode() != null && a.enterpriseCode().matches("SQL41-E1.")))));

    cases.add(
        ordered(
            "LIKE with a prefix, ordered",
            "SELECT alert_id, severity FROM alerts WHERE alert_id LIKE 'sql41-0001%' ORDER BY alert_id",
            alerts.stream()
                .filter(a -> a.alertId().startsWith("sql41-0001"))
                .sorted(Comparator.comparing(Alert::alertId))
                .map(a -> row(a.alertId(), a.severity()))
                .toList()));

    cases.add(
        ordered(
            "expressions and NULL arithmetic",
            "SELECT alert_id, score / 10 AS tenth, CHAR_LENGTH(rule_id) AS len, score IS NULL AS no_score"
                + " FROM alerts WHERE alert_id LIKE 'sql41-0005%' ORDER BY alert_id",
            alerts.stream()
                .filter(a -> a.alertId().startsWith("sql41-0005"))
                .sorted(Comparator.comparing(Alert::alertId))
                .map(
                    a ->
                        row(
                            a.alertId(),
                            a.score() == null ? null : a.score() / 10,
                            a.ruleId().length(),
                            a.score() == null))
                .toList()));

    Predicate<Alert> first10k = a -> a.alertId().startsWith("sql41-0");
    List<List<Object>> bands = new ArrayList<>();
    groups(first10k, a -> a.score() != null && a.score() >= 50 ? "high" : "low ")
        .forEach((k, v) -> bands.add(row(k, (long) v.size())));
    cases.add(
        unordered(
            "GROUP BY a CASE expression (computed in Calcite; CHAR literals padded as in SQL)",
            "SELECT CASE WHEN score >= 50 THEN 'high' ELSE 'low' END AS band, COUNT(*) FROM alerts"
                + " WHERE alert_id LIKE 'sql41-0%' GROUP BY CASE WHEN score >= 50 THEN 'high' ELSE 'low' END",
            bands));

    cases.add(
        unordered(
            "IS NULL",
            "SELECT COUNT(*) FROM alerts WHERE " + MINE + " AND enterprise_code IS NULL",
            one(count(a -> a.enterpriseCode() == null))));

    List<Alert> noEnterprise = alerts.stream().filter(a -> a.enterpriseCode() == null).toList();
    cases.add(
        unordered(
            "aggregates skip NULLs",
            "SELECT COUNT(score), COUNT(*), SUM(score) FROM alerts WHERE "
                + MINE
                + " AND enterprise_code IS NULL",
            one(
                (long) scores(noEnterprise).size(),
                (long) noEnterprise.size(),
                scores(noEnterprise).stream().mapToDouble(d -> d).sum())));

    cases.add(
        unordered(
            "<> leaves out NULLs",
            "SELECT COUNT(*) FROM alerts WHERE " + MINE + " AND enterprise_code <> 'SQL41-E03'",
            one(
                count(
                    a -> a.enterpriseCode() != null && !a.enterpriseCode().equals("SQL41-E03")))));

    cases.add(
        unordered(
            "IN lists",
            "SELECT COUNT(*) FROM alerts WHERE "
                + MINE
                + " AND severity IN ('HIGH', 'CRITICAL')"
                + " AND rule_id IN ('sql41-rule-1', 'sql41-rule-4')",
            one(
                count(
                    a ->
                        Set.of("HIGH", "CRITICAL").contains(a.severity())
                            && Set.of("sql41-rule-1", "sql41-rule-4").contains(a.ruleId())))));

    cases.add(
        unordered(
            "OR with a NULL-able column",
            "SELECT COUNT(*) FROM alerts WHERE " + MINE + " AND (severity = 'LOW' OR score > 95)",
            one(count(a -> a.severity().equals("LOW") || (a.score() != null && a.score() > 95)))));

    // The question: enterprises in 9610 import with more than N serious alerts in a week,
    // and their trade value that week.
    Instant weekFrom = SqlTestData.START;
    Instant weekTo = weekFrom.plus(Duration.ofDays(7));
    Map<String, List<Alert>> serious =
        groups(
            a ->
                Set.of("HIGH", "CRITICAL").contains(a.severity())
                    && !a.detectedAt().isBefore(weekFrom)
                    && a.detectedAt().isBefore(weekTo),
            Alert::enterpriseCode);
    long seriousThreshold = median(serious.values().stream().map(l -> (long) l.size()).toList());
    List<List<Object>> question = new ArrayList<>();
    serious.forEach(
        (e, as) -> {
          if (e == null || as.size() <= seriousThreshold) return;
          List<Stat> s =
              stats.stream()
                  .filter(st -> st.ebcCode().equals(e) && st.tradeMode().equals("9610"))
                  .toList();
          if (s.isEmpty()) return;
          question.add(row(e, (long) as.size(), s.stream().mapToDouble(Stat::valueCny).sum()));
        });
    cases.add(
        unordered(
            "join of alerts with statistics: serious alerts and trade value per 9610 enterprise",
            "SELECT s.ebc_code, a.n AS serious_alerts, SUM(s.value_cny) AS trade_value"
                + " FROM trade_stats s JOIN (SELECT enterprise_code, COUNT(*) AS n FROM alerts"
                + "   WHERE severity IN ('HIGH', 'CRITICAL')"
                + "   AND detected_at >= TIMESTAMP '2041-03-01 00:00:00' AND detected_at < TIMESTAMP '2041-03-08 00:00:00'"
                + "   GROUP BY enterprise_code HAVING COUNT(*) > "
                + seriousThreshold
                + ") a"
                + " ON a.enterprise_code = s.ebc_code"
                + " WHERE s.ebc_code LIKE 'SQL41-%' AND s.trade_mode = '9610' AND s.direction = 'I'"
                + " AND s.window_size = '1d' AND s.window_start >= TIMESTAMP '2041-03-01 00:00:00'"
                + " AND s.window_start < TIMESTAMP '2041-03-08 00:00:00'"
                + " GROUP BY s.ebc_code, a.n",
            question));

    Instant statDay = Instant.parse("2041-03-02T00:00:00Z");
    List<List<Object>> rowJoin = new ArrayList<>();
    alerts.stream()
        .filter(a -> a.alertId().startsWith("sql41-0000") && a.enterpriseCode() != null)
        .forEach(
            a ->
                stats.stream()
                    .filter(
                        s ->
                            s.ebcCode().equals(a.enterpriseCode())
                                && s.windowStart().equals(statDay))
                    .forEach(s -> rowJoin.add(row(a.alertId(), s.orders()))));
    cases.add(
        unordered(
            "row-level join",
            "SELECT a.alert_id, s.orders FROM alerts a JOIN trade_stats s ON s.ebc_code = a.enterprise_code"
                + " WHERE a.alert_id LIKE 'sql41-0000%' AND s.window_start = TIMESTAMP '2041-03-02 00:00:00'",
            rowJoin));

    Set<String> of9610 =
        stats.stream()
            .filter(s -> s.tradeMode().equals("9610"))
            .map(Stat::ebcCode)
            .collect(Collectors.toSet());
    cases.add(
        unordered(
            "IN subquery",
            "SELECT COUNT(*) FROM alerts WHERE alert_id LIKE 'sql41-0%' AND enterprise_code IN"
                + " (SELECT ebc_code FROM trade_stats WHERE ebc_code LIKE 'SQL41-%' AND trade_mode = '9610')",
            one(
                count(
                    a ->
                        first10k.test(a)
                            && a.enterpriseCode() != null
                            && of9610.contains(a.enterpriseCode())))));

    double maxScore = scores(alerts).stream().max(Comparator.naturalOrder()).orElseThrow();
    cases.add(
        ordered(
            "scalar subquery",
            "SELECT alert_id FROM alerts WHERE alert_id LIKE 'sql41-0%'"
                + " AND score = (SELECT MAX(score) FROM alerts"
                + " WHERE "
                + MINE
                + ") ORDER BY alert_id LIMIT 20",
            alerts.stream()
                .filter(a -> first10k.test(a) && a.score() != null && a.score() == maxScore)
                .map(Alert::alertId)
                .sorted()
                .limit(20)
                .map(id -> row(id))
                .toList()));

    double overall = scores(alerts).stream().mapToDouble(d -> d).average().orElseThrow();
    long above =
        groups(all, Alert::enterpriseCode).values().stream()
            .filter(v -> scores(v).stream().mapToDouble(d -> d).average().orElseThrow() > overall)
            .count();
    cases.add(
        unordered(
            "WITH and a comparison with an aggregate",
            "WITH by_enterprise AS (SELECT enterprise_code, AVG(score) AS s FROM alerts WHERE "
                + MINE
                + " GROUP BY enterprise_code) SELECT COUNT(*) FROM by_enterprise WHERE s >"
                + " (SELECT AVG(score) FROM alerts WHERE "
                + MINE
                + ")",
            one(above)));

    TreeMap<Instant, Long> perDay = new TreeMap<>();
    alerts.stream()
        .filter(first10k)
        .forEach(a -> perDay.merge(a.detectedAt().truncatedTo(ChronoUnit.DAYS), 1L, Long::sum));
    cases.add(
        ordered(
            "GROUP BY day (FLOOR of a time)",
            "SELECT FLOOR(detected_at TO DAY) AS d, COUNT(*) FROM alerts WHERE alert_id LIKE 'sql41-0%'"
                + " GROUP BY FLOOR(detected_at TO DAY) ORDER BY d",
            perDay.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList()));

    cases.add(
        unordered(
            "MIN and MAX of a time",
            "SELECT MIN(detected_at), MAX(detected_at) FROM alerts WHERE " + MINE,
            one(
                alerts.stream().map(Alert::detectedAt).min(Comparator.naturalOrder()).orElseThrow(),
                alerts.stream()
                    .map(Alert::detectedAt)
                    .max(Comparator.naturalOrder())
                    .orElseThrow())));

    cases.add(
        ordered(
            "ORDER BY an aggregate with LIMIT",
            "SELECT enterprise_code, COUNT(*) AS n FROM alerts WHERE "
                + MINE
                + " AND enterprise_code IS NOT NULL GROUP BY enterprise_code ORDER BY n DESC, enterprise_code LIMIT 5",
            groups(a -> a.enterpriseCode() != null, Alert::enterpriseCode).entrySet().stream()
                .sorted(
                    Comparator.<Map.Entry<String, List<Alert>>>comparingInt(
                            e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(5)
                .map(e -> row(e.getKey(), (long) e.getValue().size()))
                .toList()));

    Map<String, List<Stat>> byMode = stats.stream().collect(Collectors.groupingBy(Stat::tradeMode));
    List<List<Object>> modes = new ArrayList<>();
    byMode.forEach(
        (m, s) -> modes.add(row(m, s.stream().mapToLong(Stat::orders).sum(), (long) s.size())));
    cases.add(
        unordered(
            "SUM of whole numbers per trade mode",
            "SELECT trade_mode, SUM(orders), COUNT(*) FROM trade_stats WHERE ebc_code LIKE 'SQL41-%'"
                + " GROUP BY trade_mode",
            modes));
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> analystQueriesThroughTheApi() {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 25, "at least 25 analyst queries");
    return cases.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(), () -> assertRows(c, viaApi(c.sql(), c.parameters(), Role.ANALYST))));
  }

  @TestFactory
  Stream<DynamicTest> analystQueriesThroughJdbc() throws SQLException {
    Connection connection = jdbc(Role.ANALYST);
    return cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> assertRows(c, viaJdbc(connection, c))))
        .onClose(() -> close(connection));
  }

  // ---- push-down -----------------------------------------------------------------------------

  static String plan(String sql) {
    HttpResponse<String> r = post(sql, List.of(), Role.ANALYST);
    assertEquals(200, r.statusCode(), r.body());
    return json(r).path("plan").asText();
  }

  @Test
  void explainShowsFiltersPushedDownAndTheRestInCalcite() {
    String plan =
        plan(
            "EXPLAIN SELECT alert_id FROM alerts WHERE severity = 'HIGH' AND detected_at >= TIMESTAMP '2041-03-01 00:00:00' AND CHAR_LENGTH(rule_id) > 3");
    assertTrue(plan.contains("ElasticScan(table=[alerts]"), plan);
    assertTrue(plan.contains("=(severity, 'HIGH')"), plan);
    assertTrue(plan.contains(">=(detected_at, 2041-03-01 00:00:00"), plan);
    // CHAR_LENGTH has no Elasticsearch equivalent: Calcite filters on it.
    assertTrue(plan.contains("CHAR_LENGTH"), plan);
    assertTrue(
        plan.lines()
            .anyMatch(
                l ->
                    l.contains("Enumerable") && l.contains("CHAR_LENGTH")
                        || l.contains("EnumerableCalc")),
        plan);
  }

  @Test
  void explainShowsAggregatesPushedDown() {
    String plan =
        plan(
            "EXPLAIN SELECT severity, COUNT(*), AVG(score) FROM alerts WHERE "
                + MINE
                + " GROUP BY severity");
    assertTrue(plan.contains("group=[[severity]]"), plan);
    assertTrue(plan.contains("aggregate=[[COUNT(*)"), plan);
    assertFalse(plan.contains("EnumerableAggregate"), plan);
    assertFalse(plan.contains("EnumerableFilter"), plan);
  }

  @Test
  void explainShowsSortAndLimitPushedDown() {
    String plan =
        plan(
            "EXPLAIN SELECT alert_id FROM alerts WHERE "
                + MINE
                + " ORDER BY detected_at DESC LIMIT 5");
    assertTrue(plan.contains("sort=[[detected_at DESC"), plan);
    assertTrue(plan.contains("fetch=[5]"), plan);
    assertFalse(plan.contains("EnumerableSort"), plan);
    assertFalse(plan.contains("EnumerableLimit"), plan);
  }

  // ---- what is refused -------------------------------------------------------------------------

  static HttpResponse<String> post(String sql, List<Object> parameters, Role role) {
    Map<String, Object> body = new HashMap<>();
    body.put("sql", sql);
    body.put("parameters", parameters);
    try {
      return api.post("/api/v1/sql", role, Json.mapper().writeValueAsString(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void refusesDmlDdlAndMultipleStatementsWithClearErrors() {
    for (String sql :
        List.of(
            "INSERT INTO alerts (alert_id) VALUES ('x')",
            "DELETE FROM alerts WHERE " + MINE,
            "UPDATE alerts SET severity = 'LOW'",
            "CREATE TABLE t (x INT)",
            "DROP TABLE alerts",
            "EXPLAIN PLAN FOR DELETE FROM alerts")) {
      String detail = problem(post(sql, List.of(), Role.ADMIN), 400).path("detail").asText();
      assertTrue(
          detail.startsWith("read-only: only SELECT, WITH and EXPLAIN"), sql + " → " + detail);
    }
    for (String sql :
        List.of("SELECT 1; SELECT 2", "SELECT COUNT(*) FROM alerts; DROP TABLE alerts")) {
      String detail = problem(post(sql, List.of(), Role.ADMIN), 400).path("detail").asText();
      assertTrue(detail.contains("one statement per query: found 2"), sql + " → " + detail);
    }
    // A semicolon inside a literal is not a second statement; a trailing one is allowed.
    assertEquals(
        200,
        post("SELECT 'a;b' AS s FROM alerts WHERE alert_id = 'sql41-00001';", List.of(), Role.ADMIN)
            .statusCode());
    String unknown =
        problem(post("SELECT nope FROM alerts", List.of(), Role.ANALYST), 400)
            .path("detail")
            .asText();
    assertTrue(unknown.contains("nope"), unknown);
  }

  @Test
  void jdbcRefusesDmlAndMultipleStatementsToo() throws SQLException {
    try (Connection c = jdbc(Role.ADMIN);
        Statement s = c.createStatement()) {
      SQLException dml =
          assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM alerts"));
      assertTrue(message(dml).contains("read-only"), message(dml));
      SQLException multi =
          assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1; SELECT 2"));
      assertTrue(message(multi).contains("one statement per query"), message(multi));
    }
  }

  @Test
  void overLimitQueriesAreCutOrRefused() {
    JsonNode many =
        json(post("SELECT alert_id FROM alerts WHERE " + MINE, List.of(), Role.ANALYST));
    assertEquals(MAX_ROWS, many.path("rows").size());
    assertTrue(many.path("truncated").asBoolean());
    JsonNode few =
        json(
            post(
                "SELECT alert_id FROM alerts WHERE alert_id LIKE 'sql41-0000%'",
                List.of(), Role.ANALYST));
    assertEquals(10, few.path("rows").size());
    assertFalse(few.path("truncated").asBoolean());
    // CHAR_LENGTH cannot run in Elasticsearch: all 12,000 documents would be read, more than a scan
    // may.
    String detail =
        problem(
                post(
                    "SELECT COUNT(*) FROM alerts WHERE " + MINE + " AND CHAR_LENGTH(rule_id) > 3",
                    List.of(),
                    Role.ANALYST),
                422)
            .path("detail")
            .asText();
    assertTrue(detail.contains("SANLIU_SQL_MAX_SCAN_ROWS"), detail);
  }

  @Test
  void aQueryPastItsTimeLimitIsStopped() {
    SqlAccess admin = new SqlAccess("admin", Set.copyOf(TableCatalog.names()), true);
    try (SqlEngine engine =
        new SqlEngine(
            stack.elastic().blocking(), new SqlLimits(100, Duration.ofMillis(1), 100_000), 1)) {
      // Ten pages of 1,000 documents: the time limit is checked before each.
      SqlRefusal refusal =
          assertThrows(
              SqlRefusal.class,
              () ->
                  engine.query(
                      admin,
                      "SELECT COUNT(*) FROM alerts WHERE alert_id LIKE 'sql41-0%' AND CHAR_LENGTH(rule_id) > 3",
                      List.of()));
      assertEquals(SqlRefusal.Reason.LIMIT, refusal.reason());
      assertTrue(refusal.getMessage().contains("time limit of PT0.001S"), refusal.getMessage());
    }
  }

  @Test
  void rolesSeeTheirTablesAndAnalystsGetPersonalColumnsMasked() throws SQLException {
    problem(post("SELECT COUNT(*) FROM alerts", List.of(), Role.VIEWER), 403);
    String hidden =
        problem(post("SELECT COUNT(*) FROM alert_audit", List.of(), Role.ANALYST), 400)
            .path("detail")
            .asText();
    assertTrue(hidden.contains("alert_audit"), hidden);
    assertEquals(
        200, post("SELECT COUNT(*) FROM alert_audit", List.of(), Role.RISK_OFFICER).statusCode());

    String sql =
        "SELECT explanation_zh, evidence, enterprise_code FROM alerts WHERE alert_id = 'sql41-00001'";
    JsonNode analyst = json(post(sql, List.of(), Role.ANALYST)).path("rows").get(0);
    assertEquals("***", analyst.get(0).asText());
    assertEquals("***", analyst.get(1).asText());
    assertEquals(alerts.get(1).enterpriseCode(), analyst.get(2).asText());
    JsonNode officer = json(post(sql, List.of(), Role.RISK_OFFICER)).path("rows").get(0);
    assertEquals("说明 1", officer.get(0).asText());
    assertTrue(officer.get(1).asText().contains("110***********1234"), officer.toString());
    // A filter on a masked column sees only the mask: nothing leaks through it.
    String probe =
        "SELECT COUNT(*) FROM alerts WHERE alert_id LIKE 'sql41-0000%' AND explanation_zh = '说明 1'";
    assertEquals(0, json(post(probe, List.of(), Role.ANALYST)).path("rows").get(0).get(0).asLong());
    assertEquals(
        1, json(post(probe, List.of(), Role.RISK_OFFICER)).path("rows").get(0).get(0).asLong());

    try (Connection c = jdbc(Role.ANALYST);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertTrue(rs.next());
      assertEquals("***", rs.getString(1));
    }
    // The Avatica client reports an HTTP refusal as a RuntimeException naming the status.
    Exception viewer =
        assertThrows(
            Exception.class, () -> jdbc(Role.VIEWER).createStatement().executeQuery("SELECT 1"));
    assertTrue(
        message(viewer).contains("403")
            || message(viewer).contains("Forbidden")
            || message(viewer).contains("may not"),
        message(viewer));
  }

  // ---- running and comparing -------------------------------------------------------------------

  static List<List<Object>> viaApi(String sql, List<Object> parameters, Role role) {
    HttpResponse<String> r = post(sql, parameters, role);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = json(r);
    assertFalse(body.path("truncated").asBoolean(), "truncated");
    List<List<Object>> rows = new ArrayList<>();
    for (JsonNode row : body.path("rows")) {
      List<Object> values = new ArrayList<>();
      for (JsonNode v : row) {
        values.add(
            v.isNull()
                ? null
                : v.isNumber() ? v.decimalValue() : v.isBoolean() ? v.asBoolean() : v.asText());
      }
      rows.add(values);
    }
    return rows;
  }

  static Connection jdbc(Role role) throws SQLException {
    String url =
        "jdbc:avatica:remote:url=http://127.0.0.1:"
            + api.server.port()
            + "/api/v1/jdbc"
            + ";serialization=JSON;authentication=BASIC;avatica_user=test;avatica_password="
            + api.token(role);
    return DriverManager.getConnection(url);
  }

  static List<List<Object>> viaJdbc(Connection connection, Case c) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(c.sql())) {
      for (int i = 0; i < c.parameters().size(); i++) {
        Object p = c.parameters().get(i);
        if (p instanceof String s && s.matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
          ps.setTimestamp(
              i + 1, new Timestamp(OffsetDateTime.parse(s).toInstant().toEpochMilli()), UTC);
        } else {
          ps.setObject(i + 1, p);
        }
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnType(i) == Types.TIMESTAMP) {
              Timestamp t = rs.getTimestamp(i, UTC);
              row.add(t == null ? null : Instant.ofEpochMilli(t.getTime()).toString());
            } else {
              row.add(rs.getObject(i));
            }
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  static Object normal(Object v) {
    if (v == null) return null;
    if (v instanceof Number n) return new BigDecimal(n.toString());
    if (v instanceof Instant i) return i.toString();
    return v;
  }

  static String key(List<Object> row) {
    return row.stream()
        .map(
            v ->
                v instanceof BigDecimal d
                    ? d.setScale(6, java.math.RoundingMode.HALF_UP).toPlainString()
                    : String.valueOf(v))
        .collect(Collectors.joining("|"));
  }

  static void assertRows(Case c, List<List<Object>> actual) {
    List<List<Object>> expected =
        c.expected().stream().map(r -> r.stream().map(SqlQueriesTest::normal).toList()).toList();
    List<List<Object>> got =
        actual.stream().map(r -> r.stream().map(SqlQueriesTest::normal).toList()).toList();
    if (!c.ordered()) {
      expected = expected.stream().sorted(Comparator.comparing(SqlQueriesTest::key)).toList();
      got = got.stream().sorted(Comparator.comparing(SqlQueriesTest::key)).toList();
    }
    String message = c.sql() + "\nexpected " + expected + "\n     got " + got;
    assertEquals(expected.size(), got.size(), message);
    assertFalse(
        expected.isEmpty() && !c.name().contains("HAVING"),
        "a query with no expected rows proves little: " + c.name());
    for (int r = 0; r < expected.size(); r++) {
      assertEquals(expected.get(r).size(), got.get(r).size(), message);
      for (int i = 0; i < expected.get(r).size(); i++) {
        Object e = expected.get(r).get(i);
        Object g = got.get(r).get(i);
        if (e instanceof BigDecimal de && g instanceof BigDecimal dg) {
          BigDecimal tolerance = de.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-9"));
          assertTrue(
              de.subtract(dg).abs().compareTo(tolerance) <= 0,
              "row " + r + " column " + i + ": " + message);
        } else {
          assertEquals(e, g, "row " + r + " column " + i + ": " + message);
        }
      }
    }
  }

  static String message(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) b.append(t.getMessage()).append(" / ");
    return b.toString();
  }

  static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
