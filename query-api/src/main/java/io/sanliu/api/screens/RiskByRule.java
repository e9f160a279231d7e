package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.risk.RuleType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Risk by rule: live alerts detected in a period, counted per rule type and severity inside
 * Elasticsearch, so the panel is exact however many alerts a day brings (a page of alerts counted
 * in the browser would stop at the page). Shadow alerts are never counted: screens show live rules
 * only.
 */
public final class RiskByRule {
  /** More than there are rule types or severities. */
  static final int MAX_BUCKETS = 100;

  record Request(Instant from, Instant to) {}

  private final ElasticsearchAsyncClient client;

  public RiskByRule(ElasticsearchAsyncClient client) {
    this.client = client;
  }

  CompletableFuture<ObjectNode> find(Request r) {
    List<Query> filters = new ArrayList<>();
    filters.add(Query.of(q -> q.term(t -> t.field("shadow").value(false))));
    filters.add(
        Query.of(
            q ->
                q.range(
                    g ->
                        g.date(
                            d ->
                                d.field("detectedAt")
                                    .gte(r.from().toString())
                                    .lt(r.to().toString())))));
    return client
        .search(
            s ->
                s.index(Indices.ALERTS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .aggregations(
                        "rule",
                        a ->
                            a.terms(t -> t.field("ruleType").size(MAX_BUCKETS))
                                .aggregations(
                                    "severity",
                                    s2 -> s2.terms(t -> t.field("severity").size(MAX_BUCKETS)))),
            Void.class)
        .thenApply(
            response -> {
              List<ObjectNode> rows = new ArrayList<>();
              var rules = response.aggregations().get("rule");
              if (rules != null) {
                for (StringTermsBucket b : rules.sterms().buckets().array()) {
                  String type = b.key().stringValue();
                  ObjectNode row = Json.mapper().createObjectNode();
                  row.put("ruleType", type);
                  try {
                    RuleType t = RuleType.valueOf(type);
                    row.put("nameZh", t.nameZh()).put("nameEn", t.nameEn());
                  } catch (IllegalArgumentException unknown) {
                    // A type this build does not know (a newer engine): its code stands for it.
                  }
                  row.put("alerts", b.docCount());
                  ObjectNode bySeverity = row.putObject("bySeverity");
                  for (StringTermsBucket sb :
                      b.aggregations().get("severity").sterms().buckets().array()) {
                    bySeverity.put(sb.key().stringValue(), sb.docCount());
                  }
                  rows.add(row);
                }
              }
              rows.sort(
                  Comparator.<ObjectNode>comparingLong(n -> -n.get("alerts").asLong())
                      .thenComparing(n -> n.get("ruleType").asText()));
              ObjectNode out = Json.mapper().createObjectNode();
              out.put("from", r.from().toString());
              out.put("to", r.to().toString());
              out.put(
                  "alerts", response.hits().total() == null ? 0 : response.hits().total().value());
              ArrayNode items = out.putArray("rules");
              rows.forEach(items::add);
              return out;
            });
  }
}
