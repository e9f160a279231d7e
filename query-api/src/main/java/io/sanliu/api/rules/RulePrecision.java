package io.sanliu.api.rules;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.sanliu.api.ElasticCalls;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.risk.AlertStatus;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each rule is right, from the risk officers' closures (the seeds' "review and improve",
 * 复查完善): precision = alerts closed as true positives / alerts closed. One terms aggregation on the
 * review index; every rule in force is listed, with no precision until it has closures.
 */
public final class RulePrecision {
  /** More rule ids than a zone runs, live and shadow. */
  static final int MAX_RULES = 1_000;

  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;
  private final RulesInForce rules;

  public RulePrecision(ElasticsearchAsyncClient client, ElasticCalls calls, RulesInForce rules) {
    this.client = client;
    this.calls = calls;
    this.rules = rules;
  }

  /** One rule's closures. {@code precision} is null without closures. */
  public record Row(
      String ruleId,
      String ruleType,
      String mode,
      boolean inForce,
      long closed,
      long truePositives,
      long falsePositives,
      Double precision) {}

  /** Closures (review time) in {@code [from, to)}; either may be null. */
  public Future<List<Row>> compute(Instant from, Instant to) {
    List<Query> filters = new ArrayList<>();
    filters.add(
        Query.of(
            q ->
                q.terms(
                    t ->
                        t.field("status")
                            .terms(
                                v ->
                                    v.value(
                                        List.of(
                                            FieldValue.of(AlertStatus.CLOSED_TRUE_POSITIVE.name()),
                                            FieldValue.of(
                                                AlertStatus.CLOSED_FALSE_POSITIVE.name())))))));
    if (from != null || to != null) {
      filters.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.date(
                              d -> {
                                d.field("updatedAt");
                                if (from != null) d.gte(from.toString());
                                if (to != null) d.lt(to.toString());
                                return d;
                              }))));
    }
    return calls
        .call(
            "rule-precision",
            () ->
                client.search(
                    s ->
                        s.index(Indices.ALERT_STATUS)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(0)
                            .query(q -> q.bool(b -> b.filter(filters)))
                            .aggregations(
                                "rules",
                                a ->
                                    a.terms(t -> t.field("ruleId").size(MAX_RULES))
                                        .aggregations(
                                            "status",
                                            st -> st.terms(t -> t.field("status").size(4)))
                                        .aggregations(
                                            "type",
                                            ty -> ty.terms(t -> t.field("ruleType").size(1)))),
                    Void.class))
        .map(
            response -> {
              Map<String, Row> rows = new TreeMap<>();
              for (RulesInForce.InForce r : rules.all()) {
                var d = r.definition();
                rows.put(
                    d.ruleId(),
                    new Row(d.ruleId(), d.type().name(), d.mode().name(), true, 0, 0, 0, null));
              }
              var agg = response.aggregations().get("rules");
              if (agg != null) {
                for (StringTermsBucket b : agg.sterms().buckets().array()) {
                  rows.put(b.key().stringValue(), row(b, rows.get(b.key().stringValue())));
                }
              }
              return List.copyOf(rows.values());
            });
  }

  private static Row row(StringTermsBucket bucket, Row inForce) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (StringTermsBucket s : bucket.aggregations().get("status").sterms().buckets().array()) {
      byStatus.put(s.key().stringValue(), s.docCount());
    }
    var types = bucket.aggregations().get("type").sterms().buckets().array();
    long tp = byStatus.getOrDefault(AlertStatus.CLOSED_TRUE_POSITIVE.name(), 0L);
    long fp = byStatus.getOrDefault(AlertStatus.CLOSED_FALSE_POSITIVE.name(), 0L);
    long closed = tp + fp;
    return new Row(
        bucket.key().stringValue(),
        inForce != null
            ? inForce.ruleType()
            : types.isEmpty() ? null : types.get(0).key().stringValue(),
        inForce != null ? inForce.mode() : null,
        inForce != null,
        closed,
        tp,
        fp,
        closed == 0 ? null : (double) tp / closed);
  }
}
