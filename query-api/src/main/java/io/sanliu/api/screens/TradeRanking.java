package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.codes.Country;
import io.sanliu.model.elastic.Indices;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Top-N of a period by value: countries, enterprises, platforms, HS chapters, ports or trade modes
 * summed exactly from their slices over the period's windows; goods, which the statistics job only
 * ranks (it stores no slice per good), from the stored ranking of one window ({@code
 * sanliu-trade-top}). Ties go to more orders, then the smaller key, as the job ranks them.
 */
public final class TradeRanking {
  /** Dimensions ranked from their slices, with the slice's dimension name. */
  static final List<String> SUMMED =
      List.of("COUNTRY", "ENTERPRISE", "PLATFORM", "CHAPTER", "PORT", "MODE");

  static final String GOODS = "GOODS";

  record Request(
      String dimension, String direction, Caliber caliber, Instant from, Instant to, int size) {}

  private final ElasticsearchAsyncClient client;

  public TradeRanking(ElasticsearchAsyncClient client) {
    this.client = client;
  }

  CompletableFuture<ObjectNode> find(Request r) {
    return r.dimension().equals(GOODS) ? stored(r) : summed(r);
  }

  private CompletableFuture<ObjectNode> summed(Request r) {
    WindowCover cover = WindowCover.of(r.from(), r.to());
    return client
        .search(
            s ->
                s.index(Indices.TRADE_STATS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(0)
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(term("caliber", r.caliber().name()))
                                        .filter(term("dimension", r.dimension()))
                                        .filter(term("direction", r.direction()))
                                        .filter(cover.query())))
                    .aggregations(
                        "keys",
                        a ->
                            a.terms(
                                    t ->
                                        t.field("key")
                                            .size(r.size())
                                            .order(
                                                List.of(
                                                    NamedValue.of("valueCents", SortOrder.Desc),
                                                    NamedValue.of("orders", SortOrder.Desc),
                                                    NamedValue.of("_key", SortOrder.Asc))))
                                .aggregations(TradeMeasures.sums())),
            Void.class)
        .thenApply(
            response -> {
              ObjectNode out = header(r);
              ArrayNode items = out.putArray("items");
              var keys = response.aggregations().get("keys");
              if (keys == null) return out;
              int rank = 0;
              for (StringTermsBucket b : keys.sterms().buckets().array()) {
                String key = b.key().stringValue();
                ObjectNode item = items.addObject();
                item.put("rank", ++rank);
                item.put("key", key);
                if (r.dimension().equals("COUNTRY")) {
                  Country.find(key).ifPresent(c -> item.put("name", c.nameZh()));
                }
                item.setAll(TradeMeasures.of(b.aggregations()).json());
              }
              return out;
            });
  }

  private CompletableFuture<ObjectNode> stored(Request r) {
    StatsWindow window = storedWindow(r.from(), r.to());
    return client
        .search(
            s ->
                s.index(Indices.TRADE_TOP)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(r.size())
                    .query(
                        q ->
                            q.bool(
                                b ->
                                    b.filter(term("caliber", r.caliber().name()))
                                        .filter(term("windowSize", window.label()))
                                        .filter(term("windowStart", r.from().toString()))
                                        .filter(term("dimension", GOODS))
                                        .filter(term("direction", r.direction()))))
                    .sort(o -> o.field(f -> f.field("rank").order(SortOrder.Asc))),
            ObjectNode.class)
        .thenApply(
            response -> {
              ObjectNode out = header(r);
              out.put("window", window.label());
              ArrayNode items = out.putArray("items");
              for (var hit : response.hits().hits()) {
                JsonNode d = hit.source();
                ObjectNode item = items.addObject();
                item.put("rank", d.path("rank").asInt());
                item.put("key", d.path("key").asText());
                if (d.hasNonNull("name")) item.put("name", d.get("name").asText());
                item.setAll(
                    new TradeMeasures(
                            d.path("orders").asLong(),
                            d.path("parcels").asLong(),
                            d.path("valueCents").asLong())
                        .json());
              }
              return out;
            });
  }

  /**
   * The stored window {@code [from, to)} is, or null when it is none (a minute, hour, zone day).
   */
  static StatsWindow storedWindow(Instant from, Instant to) {
    for (StatsWindow w : StatsWindow.values()) {
      if (w.aligned(from) && from.plus(w.length()).equals(to)) return w;
    }
    return null;
  }

  private static ObjectNode header(Request r) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("caliber", r.caliber().name());
    out.put("dimension", r.dimension());
    out.put("direction", r.direction());
    out.put("from", r.from().toString());
    out.put("to", r.to().toString());
    return out;
  }

  static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }
}
