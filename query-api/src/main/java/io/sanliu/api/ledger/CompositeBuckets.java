package io.sanliu.api.ledger;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.sanliu.api.ElasticCalls;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every bucket of a composite aggregation, page after page until Elasticsearch has no more: exact
 * groups with no size cap (a terms aggregation would silently stop at its size). Each source is a
 * terms source on one keyword or boolean field, with a bucket for documents missing it.
 */
public final class CompositeBuckets {
  static final int PAGE = 1_000;
  static final String NAME = "groups";

  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;
  private final int pageSize;

  public CompositeBuckets(ElasticsearchAsyncClient client, ElasticCalls calls) {
    this(client, calls, PAGE);
  }

  /** With {@code pageSize} buckets per request (tests use a small one to cross pages). */
  public CompositeBuckets(ElasticsearchAsyncClient client, ElasticCalls calls, int pageSize) {
    this.client = client;
    this.calls = calls;
    this.pageSize = pageSize;
  }

  /**
   * All buckets of {@code query} on {@code index} grouped by {@code fields}, each with the {@code
   * metrics} sub-aggregations.
   */
  public Future<List<CompositeBucket>> all(
      String index, Query query, List<String> fields, Map<String, Aggregation> metrics) {
    List<Map<String, CompositeAggregationSource>> sources = new ArrayList<>();
    for (String field : fields) {
      sources.add(
          Map.of(
              field,
              CompositeAggregationSource.of(
                  s -> s.terms(t -> t.field(field).missingBucket(true)))));
    }
    return page(index, query, sources, metrics, null, new ArrayList<>());
  }

  private Future<List<CompositeBucket>> page(
      String index,
      Query query,
      List<Map<String, CompositeAggregationSource>> sources,
      Map<String, Aggregation> metrics,
      Map<String, FieldValue> after,
      List<CompositeBucket> out) {
    return calls
        .call(
            index + ".composite",
            () ->
                client.search(
                    s ->
                        s.index(index)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(0)
                            .query(query)
                            .aggregations(
                                NAME,
                                a -> {
                                  var composite =
                                      a.composite(
                                          c -> {
                                            c.size(pageSize).sources(sources);
                                            if (after != null) c.after(after);
                                            return c;
                                          });
                                  return metrics.isEmpty()
                                      ? composite
                                      : composite.aggregations(metrics);
                                }),
                    Void.class))
        .compose(
            r -> {
              Aggregate agg = r.aggregations() == null ? null : r.aggregations().get(NAME);
              if (agg == null) return Future.succeededFuture(out);
              CompositeAggregate composite = agg.composite();
              List<CompositeBucket> buckets = composite.buckets().array();
              out.addAll(buckets);
              Map<String, FieldValue> next = composite.afterKey();
              if (buckets.size() < pageSize || next == null || next.isEmpty()) {
                return Future.succeededFuture(out);
              }
              return page(index, query, sources, metrics, new LinkedHashMap<>(next), out);
            });
  }

  /** A bucket's key value of {@code field} as text; null for the documents missing it. */
  public static String key(CompositeBucket bucket, String field) {
    FieldValue v = bucket.key().get(field);
    if (v == null || v.isNull()) return null;
    if (v.isString()) return v.stringValue();
    if (v.isBoolean()) return Boolean.toString(v.booleanValue());
    if (v.isLong()) return Long.toString(v.longValue());
    return v._toJsonString();
  }

  /**
   * A sum sub-aggregation over a long field, as the exact whole number it is: Elasticsearch sums in
   * doubles, exact below 2^53 (90 trillion yuan in cents).
   */
  public static long sum(CompositeBucket bucket, String name) {
    Aggregate a = bucket.aggregations().get(name);
    return a == null ? 0 : Math.round(a.sum().value());
  }

  /** A value_count sub-aggregation. */
  public static long count(CompositeBucket bucket, String name) {
    Aggregate a = bucket.aggregations().get(name);
    return a == null ? 0 : Math.round(a.valueCount().value());
  }

  /** A filter sub-aggregation's document count. */
  public static long filtered(CompositeBucket bucket, String name) {
    Aggregate a = bucket.aggregations().get(name);
    return a == null ? 0 : a.filter().docCount();
  }
}
