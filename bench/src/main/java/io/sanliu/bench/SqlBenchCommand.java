package io.sanliu.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.sanliu.elastic.ElasticClients;
import io.sanliu.model.config.Config;
import io.sanliu.model.elastic.Indices;
import io.sanliu.sql.SqlAccess;
import io.sanliu.sql.SqlEngine;
import io.sanliu.sql.SqlLimits;
import io.sanliu.sql.SqlResult;
import io.sanliu.sql.TableCatalog;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A GROUP BY over a million alerts through the SQL layer (Calcite, the push-down rules, the
 * composite aggregation it sends, rows back as SQL values) against the same composite aggregation
 * written by hand with the Elasticsearch client, in turns in one run; both answers are compared
 * group by group before anything is timed.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Measures a GROUP BY over many documents through the SQL layer against the hand-written"
            + " Elasticsearch composite aggregation, on an embedded Kafka and Elasticsearch.")
public final class SqlBenchCommand implements Callable<Integer> {
  static final String SQL_NAME = "sql.group-by";
  static final String ES_NAME = "elasticsearch.composite";
  static final String QUERY =
      "SELECT enterprise_code, severity, COUNT(*) AS alerts, SUM(score) AS score"
          + " FROM alerts GROUP BY enterprise_code, severity";
  private static final String[] SEVERITIES = {"LOW", "MEDIUM", "HIGH", "CRITICAL"};
  private static final int PAGE = 1_000;

  @Option(
      names = "--docs",
      defaultValue = "1000000",
      description = "Alerts indexed (default ${DEFAULT-VALUE}).")
  int docs;

  @Option(
      names = "--enterprises",
      defaultValue = "2000",
      description =
          "Distinct enterprises; the groups are enterprises x 4 severities (default"
              + " ${DEFAULT-VALUE}).")
  int enterprises;

  @Option(
      names = "--repetitions",
      defaultValue = "5",
      description = "Measured repetitions of each, in turns (default ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--bulk-size",
      defaultValue = "5000",
      description = "Documents per bulk request while loading (default ${DEFAULT-VALUE}).")
  int bulkSize;

  @Option(names = "--seed", defaultValue = "7", description = "Seed of the generated alerts.")
  long seed;

  @Mixin StackOptions stack;

  @Override
  public Integer call() throws Exception {
    if (docs < 1 || enterprises < 1 || repetitions < 1 || bulkSize < 1) {
      throw new IllegalArgumentException("counts must be positive");
    }
    PrintStream progress = System.err;
    BenchReport report = new BenchReport("sql", Instant.now(), MachineInfo.describe());
    report
        .parameter("docs", docs)
        .parameter("enterprises", enterprises)
        .parameter("repetitions", repetitions)
        .parameter("query", QUERY);
    try (BenchStack platform = stack.start("sql", report, progress);
        ElasticClients clients = ElasticClients.connect(platform.config())) {
      ElasticsearchClient es = clients.blocking();
      long t0 = System.nanoTime();
      load(es, progress);
      report.environment("loadSeconds", BenchStack.seconds(System.nanoTime() - t0));
      Config config = platform.config();
      try (SqlEngine engine = new SqlEngine(es, SqlLimits.from(config), 1)) {
        SqlAccess analyst = new SqlAccess("bench", TableCatalog.all().keySet(), false);
        Map<String, double[]> viaSql = bySql(engine, analyst);
        Map<String, double[]> viaEs = byHand(es);
        check(viaSql, viaEs);
        int groups = viaEs.size();
        report.environment("groups", groups);
        progress.printf(Locale.ROOT, "Both answers agree: %,d groups%n", groups);
        List<BenchResult> results =
            new Trials(progress)
                .measureInTurns(
                    repetitions,
                    List.of(
                        new Trials.Spec(
                            ES_NAME,
                            "groups",
                            rep -> timed(() -> byHand(es)),
                            rep -> timed(() -> byHand(es)),
                            "composite aggregation (terms enterpriseCode, severity; sum score),"
                                + " pages of "
                                + PAGE
                                + " by after_key, elasticsearch-java"),
                        new Trials.Spec(
                            SQL_NAME,
                            "groups",
                            rep -> timed(() -> bySql(engine, analyst)),
                            rep -> timed(() -> bySql(engine, analyst)),
                            QUERY + " through SqlEngine (plan cached after the first run)")));
        report.add(results.get(0));
        BenchResult sql = results.get(1).comparedWith(ES_NAME);
        report.add(sql);
        double ratio = results.get(0).perSecond() / sql.perSecond();
        report.environment("timeRatioSqlToElasticsearch", Math.round(ratio * 100) / 100.0);
        progress.printf(
            Locale.ROOT, "SQL takes %.2fx the hand-written aggregation's time%n", ratio);
      }
    }
    stack.finish(report);
    return 0;
  }

  /** Alerts with a seeded spread over enterprises, severities and scores. */
  private void load(ElasticsearchClient es, PrintStream progress) throws Exception {
    progress.printf(Locale.ROOT, "Indexing %,d alerts%n", docs);
    Random random = new Random(seed);
    Instant base = Instant.parse("2046-01-01T00:00:00Z");
    for (int from = 0; from < docs; from += bulkSize) {
      BulkRequest.Builder bulk = new BulkRequest.Builder().index(Indices.ALERTS);
      for (int i = from; i < Math.min(docs, from + bulkSize); i++) {
        Map<String, Object> alert = new LinkedHashMap<>();
        String id = "BENCH-" + i;
        alert.put("alertId", id);
        alert.put("ruleId", "RULE-" + random.nextInt(18));
        alert.put("ruleVersion", 1);
        alert.put("severity", SEVERITIES[random.nextInt(SEVERITIES.length)]);
        alert.put("score", random.nextInt(1000) / 10.0);
        alert.put("status", "OPEN");
        alert.put("shadow", false);
        alert.put(
            "enterpriseCode", String.format(Locale.ROOT, "E%06d", random.nextInt(enterprises)));
        Instant at = base.plusSeconds(i);
        alert.put("eventTime", at.toString());
        alert.put("detectedAt", at.toString());
        bulk.operations(op -> op.index(ix -> ix.id(id).document(alert)));
      }
      BulkResponse r = es.bulk(bulk.build());
      if (r.errors()) {
        throw new IllegalStateException(
            "bulk refused: "
                + r.items().stream().filter(it -> it.error() != null).findFirst().orElseThrow());
      }
      if ((from / bulkSize) % 40 == 0) progress.printf(Locale.ROOT, "  %,d%n", from + bulkSize);
    }
    es.indices().refresh(r -> r.index(Indices.ALERTS));
  }

  /** enterprise|severity → {alerts, score} through SQL. */
  private static Map<String, double[]> bySql(SqlEngine engine, SqlAccess access) {
    SqlResult result = engine.query(access, QUERY, List.of());
    if (result.truncated()) throw new IllegalStateException("the SQL answer was cut off");
    Map<String, double[]> out = new HashMap<>();
    for (List<Object> row : result.rows()) {
      out.put(
          row.get(0) + "|" + row.get(1),
          new double[] {((Number) row.get(2)).doubleValue(), ((Number) row.get(3)).doubleValue()});
    }
    return out;
  }

  /** The same by hand: a composite aggregation paged by after_key. */
  private static Map<String, double[]> byHand(ElasticsearchClient es) throws Exception {
    Map<String, double[]> out = new HashMap<>();
    Map<String, FieldValue> after = null;
    while (true) {
      Map<String, FieldValue> from = after;
      SearchResponse<Void> r =
          es.search(
              s ->
                  s.index(Indices.ALERTS)
                      .size(0)
                      .aggregations(
                          "groups",
                          a ->
                              a.composite(
                                      c -> {
                                        c.size(PAGE)
                                            .sources(
                                                Map.of(
                                                    "enterpriseCode",
                                                    CompositeAggregationSource.of(
                                                        x ->
                                                            x.terms(
                                                                t -> t.field("enterpriseCode")))),
                                                Map.of(
                                                    "severity",
                                                    CompositeAggregationSource.of(
                                                        x -> x.terms(t -> t.field("severity")))));
                                        if (from != null) c.after(from);
                                        return c;
                                      })
                                  .aggregations("score", sub -> sub.sum(m -> m.field("score")))),
              Void.class);
      var composite = r.aggregations().get("groups").composite();
      List<CompositeBucket> buckets = composite.buckets().array();
      for (CompositeBucket b : buckets) {
        out.put(
            b.key().get("enterpriseCode").stringValue()
                + "|"
                + b.key().get("severity").stringValue(),
            new double[] {b.docCount(), b.aggregations().get("score").sum().value()});
      }
      if (buckets.size() < PAGE || composite.afterKey() == null) return out;
      after = composite.afterKey();
    }
  }

  private static void check(Map<String, double[]> sql, Map<String, double[]> es) {
    if (!sql.keySet().equals(es.keySet())) {
      throw new IllegalStateException(
          "groups differ: SQL " + sql.size() + ", Elasticsearch " + es.size());
    }
    for (var e : es.entrySet()) {
      double[] a = sql.get(e.getKey());
      double[] b = e.getValue();
      if (a[0] != b[0] || Math.abs(a[1] - b[1]) > 1e-6 * Math.max(1, Math.abs(b[1]))) {
        throw new IllegalStateException(
            e.getKey() + ": SQL " + a[0] + "/" + a[1] + ", Elasticsearch " + b[0] + "/" + b[1]);
      }
    }
  }

  @FunctionalInterface
  private interface Answer {
    Map<String, ?> get() throws Exception;
  }

  private static Repetition timed(Answer answer) throws Exception {
    long t = System.nanoTime();
    int groups = answer.get().size();
    return new Repetition(groups, -1, System.nanoTime() - t);
  }
}
