package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.Params;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A measure of the trade statistics per window over a range, per caliber: the points of a line
 * chart. Reads the stored windows of the interval (a day is its {@code 1d} document, not 1,440
 * minutes); where a slice has one document per direction and none is asked for, the two are added.
 * Windows without trade, or not yet closed, have no document and no point.
 */
public final class TradeSeries {
  /** Enough for the longest range of each interval: 1,440 minutes × 2 calibers × 2 directions. */
  static final int MAX_DOCUMENTS = 10_000;

  enum Measure {
    ORDERS("orders"),
    PARCELS("parcels"),
    VALUE_CENTS("valueCents"),
    VALUE_CNY("valueCny"),
    AVG_ORDER_VALUE_CNY("avgOrderValueCny"),
    BUYERS("buyers");

    final String param;

    Measure(String param) {
      this.param = param;
    }

    static Measure of(String value) {
      for (Measure m : values()) {
        if (m.param.equals(value)) return m;
      }
      List<String> known = new ArrayList<>();
      for (Measure m : values()) known.add(m.param);
      throw Params.invalid("measure", "must be one of " + known + ", not '" + value + "'");
    }
  }

  record Request(
      Measure measure,
      StatsWindow interval,
      Instant from,
      Instant to,
      List<Caliber> calibers,
      SliceFilter slice) {}

  private final ElasticsearchAsyncClient client;

  public TradeSeries(ElasticsearchAsyncClient client) {
    this.client = client;
  }

  CompletableFuture<ObjectNode> find(Request r) {
    List<Query> filters = new ArrayList<>(r.slice().filters());
    List<FieldValue> calibers = r.calibers().stream().map(c -> FieldValue.of(c.name())).toList();
    filters.add(Query.of(q -> q.terms(t -> t.field("caliber").terms(v -> v.value(calibers)))));
    filters.add(Query.of(q -> q.term(t -> t.field("windowSize").value(r.interval().label()))));
    filters.add(
        Query.of(
            q ->
                q.range(
                    g ->
                        g.untyped(
                            u ->
                                u.field("windowStart")
                                    .gte(JsonData.of(r.from().toString()))
                                    .lt(JsonData.of(r.to().toString()))))));
    return client
        .search(
            s ->
                s.index(Indices.TRADE_STATS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(MAX_DOCUMENTS)
                    .source(
                        src ->
                            src.filter(
                                f ->
                                    f.includes(
                                        "caliber",
                                        "windowStart",
                                        "windowEnd",
                                        "orders",
                                        "parcels",
                                        "valueCents",
                                        "buyers")))
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("windowStart").order(SortOrder.Asc))),
            ObjectNode.class)
        .thenApply(
            response -> {
              Map<Caliber, TreeMap<Instant, Point>> points = new TreeMap<>();
              for (Caliber c : r.calibers()) points.put(c, new TreeMap<>());
              for (var hit : response.hits().hits()) {
                JsonNode d = hit.source();
                Caliber c = Caliber.valueOf(d.get("caliber").asText());
                Instant start = Instant.parse(d.get("windowStart").asText());
                points
                    .get(c)
                    .computeIfAbsent(
                        start, k -> new Point(start, Instant.parse(d.get("windowEnd").asText())))
                    .add(d);
              }
              return render(r, points);
            });
  }

  private static ObjectNode render(Request r, Map<Caliber, TreeMap<Instant, Point>> points) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("measure", r.measure().param);
    out.put("interval", r.interval().label());
    out.put("from", r.from().toString());
    out.put("to", r.to().toString());
    out.set("slice", Json.mapper().valueToTree(r.slice().describe()));
    ArrayNode series = out.putArray("series");
    for (Caliber c : r.calibers()) {
      ObjectNode s = series.addObject();
      s.put("caliber", c.name());
      ArrayNode ps = s.putArray("points");
      for (Point p : points.get(c).values()) {
        ObjectNode pn = ps.addObject();
        pn.put("windowStart", p.start.toString());
        pn.put("windowEnd", p.end.toString());
        switch (r.measure()) {
          case ORDERS -> pn.put("value", p.sum.orders());
          case PARCELS -> pn.put("value", p.sum.parcels());
          case VALUE_CENTS -> pn.put("value", p.sum.valueCents());
          case VALUE_CNY -> pn.put("value", p.sum.valueCny());
          case AVG_ORDER_VALUE_CNY ->
              pn.put(
                  "value",
                  p.sum.orders() == 0
                      ? 0.0
                      : Math.round((double) p.sum.valueCents() / p.sum.orders()) / 100.0);
          case BUYERS -> pn.put("value", p.buyers);
        }
      }
    }
    return out;
  }

  /** One window of one caliber: the sum of its documents (one, or one per direction). */
  private static final class Point {
    final Instant start;
    final Instant end;
    TradeMeasures sum = TradeMeasures.ZERO;
    long buyers;

    Point(Instant start, Instant end) {
      this.start = start;
      this.end = end;
    }

    void add(JsonNode d) {
      sum =
          sum.plus(
              new TradeMeasures(
                  d.path("orders").asLong(),
                  d.path("parcels").asLong(),
                  d.path("valueCents").asLong()));
      buyers += d.path("buyers").asLong();
    }
  }
}
