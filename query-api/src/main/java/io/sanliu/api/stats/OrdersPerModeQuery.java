package io.sanliu.api.stats;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.elastic.Indices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Orders per trade mode per minute between two times, from the slice's index. */
public final class OrdersPerModeQuery {
  /** At most a day of minutes for four modes and the unknown one. */
  static final int MAX_WINDOWS = 24 * 60 * 5;

  private final ElasticsearchAsyncClient client;

  public OrdersPerModeQuery(ElasticsearchAsyncClient client) {
    this.client = client;
  }

  /** One minute of one mode. */
  public record ModeMinute(String tradeMode, Instant windowStart, Instant windowEnd, long orders) {}

  public CompletableFuture<List<ModeMinute>> find(Instant from, Instant to, String tradeMode) {
    List<Query> filters = new ArrayList<>();
    filters.add(
        Query.of(
            q ->
                q.range(
                    r ->
                        r.untyped(
                            u ->
                                u.field("windowStart")
                                    .gte(JsonData.of(from.toString()))
                                    .lt(JsonData.of(to.toString()))))));
    if (tradeMode != null) {
      filters.add(Query.of(q -> q.term(t -> t.field("tradeMode").value(tradeMode))));
    }
    return client
        .search(
            s ->
                s.index(Indices.ORDERS_PER_MODE)
                    .ignoreUnavailable(true)
                    .size(MAX_WINDOWS)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("windowStart").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("tradeMode").order(SortOrder.Asc))),
            ObjectNode.class)
        .thenApply(
            response ->
                response.hits().hits().stream()
                    .map(h -> h.source())
                    .map(
                        d ->
                            new ModeMinute(
                                d.get("tradeMode").asText(),
                                Instant.parse(d.get("windowStart").asText()),
                                Instant.parse(d.get("windowEnd").asText()),
                                d.get("orders").asLong()))
                    .toList());
  }
}
