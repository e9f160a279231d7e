package io.sanliu.api.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertStatus;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists alerts page by page with {@code search_after} (no {@code from}/{@code size}, so there is no
 * 10,000-hit ceiling), joining each page with the review index.
 *
 * <p>Which index drives the list depends on the status filter. Without one, or with OPEN among the
 * statuses, the alerts index does, and each page is joined with the review states (one {@code
 * mget}); alerts whose status is not asked for are skipped, so a page may come back shorter than
 * asked, and the cursor goes on from the last alert looked at. With reviewed statuses only
 * (acknowledged, closed) the review index drives, on the alert fields it copies, and each page is
 * joined with the alerts. Either way a request does at most {@link #MAX_ROUNDS} queries.
 */
public final class AlertSearch {
  static final int MAX_ROUNDS = 8;
  static final int MAX_FETCH = 1_000;

  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;
  private final DocumentStore<ObjectNode> alerts;
  private final AlertStatusStore statuses;

  AlertSearch(
      ElasticsearchAsyncClient client,
      ElasticCalls calls,
      DocumentStore<ObjectNode> alerts,
      AlertStatusStore statuses) {
    this.client = client;
    this.calls = calls;
    this.alerts = alerts;
    this.statuses = statuses;
  }

  /**
   * One page.
   *
   * @param next the cursor of the next page; null when the list is exhausted
   * @param total how many alerts match, on the first page when exact (not with OPEN, which is
   *     "matching alerts minus reviewed ones")
   */
  public record Page(List<ObjectNode> items, String next, Long total) {}

  /** A hit joined with its other half: alert document and review state (null: unreviewed). */
  private record Joined(ObjectNode alert, AlertLifecycle lifecycle) {}

  /** Progress through the severity queries of one request. */
  private static final class Walk {
    int bucket;
    List<FieldValue> after;
    int rounds;
    boolean exhausted;
    final List<ObjectNode> items = new ArrayList<>();

    Walk(PageCursor cursor) {
      this.bucket = cursor.bucket();
      this.after = cursor.after();
    }
  }

  public Future<Page> find(
      AlertFilter filter, AlertSort sort, int size, String cursorToken, Role role) {
    String fingerprint = filter.fingerprint(sort);
    PageCursor cursor =
        cursorToken == null
            ? PageCursor.start(fingerprint)
            : PageCursor.decode(cursorToken, fingerprint);
    List<Severity> buckets = sort.buckets(filter.severities());
    Walk walk = new Walk(cursor);
    if (buckets.isEmpty() || walk.bucket >= buckets.size()) walk.exhausted = true;
    Future<Long> total = cursorToken == null ? total(filter) : Future.succeededFuture(null);
    return total.compose(
        count ->
            round(filter, sort, buckets, size, role, walk)
                .map(
                    v ->
                        new Page(
                            walk.items,
                            walk.exhausted ? null : cursor.at(walk.bucket, walk.after).encode(),
                            count)));
  }

  private Future<Void> round(
      AlertFilter filter, AlertSort sort, List<Severity> buckets, int size, Role role, Walk walk) {
    if (walk.items.size() >= size || walk.exhausted || walk.rounds >= MAX_ROUNDS) {
      return Future.succeededFuture();
    }
    boolean byReviews = filter.reviewedOnly();
    boolean skipsSome = !byReviews && !filter.statuses().isEmpty();
    int want = size - walk.items.size();
    // Skipping alerts of other statuses thins pages out: ask for more than needed.
    int fetch = skipsSome ? Math.min(MAX_FETCH, want * 2 + 10) : want;
    Query query = filter.query(buckets.get(walk.bucket), byReviews);
    String index = byReviews ? Indices.ALERT_STATUS : Indices.ALERTS;
    List<FieldValue> after = walk.after;
    walk.rounds++;
    return calls
        .call(
            index + ".search",
            () ->
                client.search(
                    s -> {
                      s.index(index)
                          .ignoreUnavailable(true)
                          .allowNoIndices(true)
                          .size(fetch)
                          .trackTotalHits(t -> t.enabled(false))
                          .query(query)
                          .sort(sort.options());
                      if (after != null) s.searchAfter(after);
                      return s;
                    },
                    ObjectNode.class))
        .compose(response -> join(response.hits().hits(), byReviews))
        .compose(
            joined -> {
              consume(joined, fetch, size, role, filter, buckets.size(), walk);
              return round(filter, sort, buckets, size, role, walk);
            });
  }

  /** Takes hits in order until the page is full; moves to the next severity when one runs out. */
  private static void consume(
      List<Map.Entry<Hit<ObjectNode>, Joined>> hits,
      int fetched,
      int size,
      Role role,
      AlertFilter filter,
      int buckets,
      Walk walk) {
    int taken = 0;
    for (var e : hits) {
      if (walk.items.size() >= size) break;
      taken++;
      walk.after = e.getKey().sort();
      Joined j = e.getValue();
      if (j == null) continue; // the other half is gone (e.g. an alert index deleted)
      AlertStatus status = j.lifecycle == null ? AlertStatus.OPEN : j.lifecycle.status();
      if (!filter.statuses().isEmpty() && !filter.statuses().contains(status)) continue;
      walk.items.add(AlertView.render(j.alert, j.lifecycle, role));
    }
    boolean queryDone = hits.size() < fetched && taken == hits.size();
    if (queryDone) {
      if (walk.bucket + 1 < buckets) {
        walk.bucket++;
        walk.after = null;
      } else {
        walk.exhausted = true;
      }
    }
  }

  /** Each hit with its other half, in hit order (null where there is none). */
  private Future<List<Map.Entry<Hit<ObjectNode>, Joined>>> join(
      List<Hit<ObjectNode>> hits, boolean byReviews) {
    List<String> ids = hits.stream().map(Hit::id).toList();
    if (byReviews) {
      return alerts
          .all(ids)
          .map(
              found -> {
                List<Map.Entry<Hit<ObjectNode>, Joined>> out = new ArrayList<>();
                for (Hit<ObjectNode> h : hits) {
                  ObjectNode alert = found.get(h.id());
                  Joined j = alert == null ? null : new Joined(alert, lifecycle(h.source()));
                  out.add(new java.util.AbstractMap.SimpleEntry<>(h, j));
                }
                return out;
              });
    }
    return statuses
        .all(ids)
        .map(
            found -> {
              List<Map.Entry<Hit<ObjectNode>, Joined>> out = new ArrayList<>();
              for (Hit<ObjectNode> h : hits) {
                out.add(
                    new java.util.AbstractMap.SimpleEntry<>(
                        h, new Joined(h.source(), found.get(h.id()))));
              }
              return out;
            });
  }

  private static AlertLifecycle lifecycle(ObjectNode source) {
    try {
      return Json.mapper().treeToValue(source, AlertLifecycle.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable review state: " + source, e);
    }
  }

  /** The exact count of matching alerts when it can be had by one count (see {@link Page}). */
  private Future<Long> total(AlertFilter filter) {
    if (!filter.statuses().isEmpty() && !filter.reviewedOnly()) {
      return Future.succeededFuture(null);
    }
    boolean byReviews = filter.reviewedOnly();
    String index = byReviews ? Indices.ALERT_STATUS : Indices.ALERTS;
    Query query = filter.query(null, byReviews);
    return calls
        .call(
            index + ".count",
            () ->
                client.count(
                    c -> c.index(index).ignoreUnavailable(true).allowNoIndices(true).query(query)))
        .map(r -> r.count());
  }
}
