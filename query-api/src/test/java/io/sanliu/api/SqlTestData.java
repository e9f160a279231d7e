package io.sanliu.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.sanliu.model.elastic.Indices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents the SQL tests query, in year 2041 (no other test uses it), written straight into
 * the real indices as the jobs write them (the templates are strict). Kept as Java records so each
 * test computes its expected answer from them independently of SQL.
 */
final class SqlTestData {
  private SqlTestData() {}

  static final int ALERTS = 12_000;
  static final int ENTERPRISES = 15;
  static final Instant START = Instant.parse("2041-03-01T00:00:00Z");
  static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
  static final List<String> RULE_TYPES =
      List.of("SINGLE_LIMIT", "ANNUAL_QUOTA", "SPLIT_ORDERS", "UNDERVALUATION", "IDENTITY_MISUSE");

  record Alert(
      String alertId,
      String ruleId,
      String ruleType,
      String severity,
      Double score,
      boolean shadow,
      String enterpriseCode,
      Instant detectedAt,
      String explanationZh) {}

  record Stat(
      String ebcCode, String tradeMode, Instant windowStart, long orders, double valueCny) {}

  static String enterprise(int e) {
    return String.format("SQL41-E%02d", e);
  }

  static List<Alert> alerts() {
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < ALERTS; i++) {
      alerts.add(
          new Alert(
              String.format("sql41-%05d", i),
              "sql41-rule-" + (i % 7),
              RULE_TYPES.get((i / 3) % RULE_TYPES.size()),
              SEVERITIES.get((i * 7 + i / 11) % 4),
              i % 50 == 0 ? null : (double) ((i * 37) % 101) + (i % 4) * 0.25,
              i % 10 == 0,
              i % 40 == 0 ? null : enterprise((i * 13 + i / 100) % ENTERPRISES),
              START.plus(Duration.ofMinutes(i)),
              "说明 " + i));
    }
    return alerts;
  }

  static List<Stat> stats() {
    List<Stat> stats = new ArrayList<>();
    for (int e = 0; e < ENTERPRISES; e++) {
      for (int d = 0; d < 5; d++) {
        stats.add(
            new Stat(
                enterprise(e),
                e % 3 == 0 ? "1210" : "9610",
                START.plus(Duration.ofDays(d)),
                e * 3L + d,
                e * 1000.5 + d * 10));
      }
    }
    return stats;
  }

  static void index(ElasticsearchClient es, List<Alert> alerts, List<Stat> stats) {
    List<Object[]> docs = new ArrayList<>();
    for (Alert a : alerts) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("alertId", a.alertId());
      doc.put("ruleId", a.ruleId());
      doc.put("ruleVersion", 1);
      doc.put("ruleType", a.ruleType());
      doc.put("severity", a.severity());
      if (a.score() != null) doc.put("score", a.score());
      doc.put("status", "OPEN");
      doc.put("shadow", a.shadow());
      doc.put(
          "orderKeys", List.of("4403169D3W:SO-" + a.alertId(), "4403169D3W:SO2-" + a.alertId()));
      if (a.enterpriseCode() != null) doc.put("enterpriseCode", a.enterpriseCode());
      doc.put("entityKeys", Map.of("buyer", "hash-" + a.alertId()));
      doc.put("explanationZh", a.explanationZh());
      doc.put("explanationEn", "explanation " + a.alertId());
      doc.put("evidence", Map.of("buyerId", "110***********1234"));
      doc.put("eventTime", a.detectedAt().minusSeconds(30).toString());
      doc.put("detectedAt", a.detectedAt().toString());
      docs.add(new Object[] {Indices.ALERTS, a.alertId(), doc});
    }
    for (Stat s : stats) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("caliber", "orders");
      doc.put("windowSize", "1d");
      doc.put("windowStart", s.windowStart().toString());
      doc.put("windowEnd", s.windowStart().plus(Duration.ofDays(1)).toString());
      doc.put("dimension", "ebc");
      doc.put("direction", "I");
      doc.put("key", s.ebcCode());
      doc.put("tradeMode", s.tradeMode());
      doc.put("ebcCode", s.ebcCode());
      doc.put("orders", s.orders());
      doc.put("valueCny", s.valueCny());
      doc.put("valueCents", Math.round(s.valueCny() * 100));
      String id = "sql41:" + s.ebcCode() + ":" + s.windowStart();
      docs.add(new Object[] {Indices.TRADE_STATS, id, doc});
    }
    try {
      // A few large bulk requests (one would outlast the client's 30 s socket timeout on a busy
      // machine), then one refresh.
      for (int from = 0; from < docs.size(); from += 4_000) {
        List<Object[]> chunk = docs.subList(from, Math.min(docs.size(), from + 4_000));
        BulkResponse r =
            es.bulk(
                b -> {
                  for (Object[] d : chunk) {
                    b.operations(
                        op ->
                            op.index(i -> i.index((String) d[0]).id((String) d[1]).document(d[2])));
                  }
                  return b;
                });
        if (r.errors()) {
          throw new IllegalStateException(
              "bulk refused: "
                  + r.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow());
        }
      }
      es.indices().refresh(r -> r.index(Indices.ALERTS, Indices.TRADE_STATS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
