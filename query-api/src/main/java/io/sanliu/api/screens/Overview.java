package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.Buckets;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.TradeMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The headline figures of the wall screen: today (zone day, Asia/Shanghai) and this hour, each
 * against the same stretch of yesterday, per caliber: orders, parcels, value, active enterprises,
 * split by direction and by trade mode. One aggregation over {@code sanliu-trade-stats}; each
 * period is tiled with closed windows ({@link WindowCover}), so the figures run to the last whole
 * minute the statistics job has published.
 */
public final class Overview {
  private static final Duration DAY = Duration.ofDays(1);
  private static final List<String> DIMENSIONS =
      List.of("TOTAL", "DIRECTION", "MODE", "ENTERPRISE");

  private final ElasticsearchAsyncClient client;

  public Overview(ElasticsearchAsyncClient client) {
    this.client = client;
  }

  /** The periods of an overview as of {@code at}: to the last whole minute, and a day before. */
  record Periods(
      WindowCover today, WindowCover todayBefore, WindowCover hour, WindowCover hourBefore) {
    static Periods at(Instant at) {
      Instant to = StatsWindow.MINUTE.floor(at);
      Instant day = StatsWindow.DAY.floor(at);
      Instant hour = StatsWindow.HOUR.floor(at);
      return new Periods(
          WindowCover.of(day, to),
          WindowCover.of(day.minus(DAY), to.minus(DAY)),
          WindowCover.of(hour, to),
          WindowCover.of(hour.minus(DAY), to.minus(DAY)));
    }

    Map<String, WindowCover> named() {
      Map<String, WindowCover> m = new LinkedHashMap<>();
      m.put("today", today);
      m.put("todayBefore", todayBefore);
      m.put("hour", hour);
      m.put("hourBefore", hourBefore);
      return m;
    }
  }

  /** The overview as of {@code at} (normally now). */
  public CompletableFuture<ObjectNode> at(Instant at) {
    Periods periods = Periods.at(at);
    return client
        .search(request(periods), Void.class)
        .thenApply(r -> render(at, periods, r.aggregations().get("period")));
  }

  /** The one search of an overview as of {@code at} (the bench sends it to Elasticsearch too). */
  public static SearchRequest request(Instant at) {
    return request(Periods.at(at));
  }

  private static SearchRequest request(Periods periods) {
    Map<String, Query> byPeriod = new LinkedHashMap<>();
    periods.named().forEach((name, cover) -> byPeriod.put(name, cover.query()));
    Map<String, Query> bySlice = new LinkedHashMap<>();
    for (String d : DIMENSIONS) {
      bySlice.put(d, Query.of(q -> q.term(t -> t.field("dimension").value(d))));
    }
    Map<String, Aggregation> sliceAggs = new HashMap<>(TradeMeasures.sums());
    sliceAggs.put(
        "keys",
        Aggregation.of(
            a -> a.terms(t -> t.field("key").size(20)).aggregations(TradeMeasures.sums())));
    sliceAggs.put("enterprises", Aggregation.of(a -> a.cardinality(c -> c.field("key"))));
    sliceAggs.put(
        "directions",
        Aggregation.of(
            a ->
                a.terms(t -> t.field("direction").size(5))
                    .aggregations(
                        "enterprises", Aggregation.of(e -> e.cardinality(c -> c.field("key"))))));
    List<FieldValue> dimensions = DIMENSIONS.stream().map(FieldValue::of).toList();
    return SearchRequest.of(
        s ->
            s.index(Indices.TRADE_STATS)
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(0)
                .query(
                    q ->
                        q.bool(
                            b ->
                                b.filter(
                                        f ->
                                            f.terms(
                                                t ->
                                                    t.field("dimension")
                                                        .terms(v -> v.value(dimensions))))
                                    .filter(
                                        f ->
                                            f.bool(
                                                o ->
                                                    o.should(List.copyOf(byPeriod.values()))
                                                        .minimumShouldMatch("1")))))
                .aggregations(
                    "period",
                    a ->
                        a.filters(f -> f.filters(Buckets.of(k -> k.keyed(byPeriod))))
                            .aggregations(
                                "caliber",
                                c ->
                                    c.terms(t -> t.field("caliber").size(5))
                                        .aggregations(
                                            "slice",
                                            sl ->
                                                sl.filters(
                                                        f ->
                                                            f.filters(
                                                                Buckets.of(k -> k.keyed(bySlice))))
                                                    .aggregations(sliceAggs)))));
  }

  private static ObjectNode render(Instant at, Periods periods, Aggregate byPeriod) {
    Map<String, Map<Caliber, Figures>> figures = new HashMap<>();
    periods
        .named()
        .keySet()
        .forEach(
            name -> {
              Map<Caliber, Figures> perCaliber = new HashMap<>();
              for (Caliber c : Caliber.values()) perCaliber.put(c, Figures.empty());
              figures.put(name, perCaliber);
              if (byPeriod == null) return;
              var bucket = byPeriod.filters().buckets().keyed().get(name);
              for (StringTermsBucket cb :
                  bucket.aggregations().get("caliber").sterms().buckets().array()) {
                Caliber caliber;
                try {
                  caliber = Caliber.valueOf(cb.key().stringValue());
                } catch (IllegalArgumentException e) {
                  continue; // not a caliber this API knows
                }
                perCaliber.put(caliber, Figures.of(cb.aggregations().get("slice")));
              }
            });
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("at", at.toString());
    out.put("zone", StatsWindow.ZONE.getId());
    ObjectNode calibers = out.putObject("calibers");
    for (Caliber c : Caliber.values()) {
      calibers.putObject(c.name()).put("nameZh", c.nameZh()).put("counts", c.meaning());
    }
    out.set(
        "today", period(periods.today(), periods.todayBefore(), figures, "today", "todayBefore"));
    out.set(
        "thisHour", period(periods.hour(), periods.hourBefore(), figures, "hour", "hourBefore"));
    return out;
  }

  private static ObjectNode period(
      WindowCover now,
      WindowCover before,
      Map<String, Map<Caliber, Figures>> figures,
      String nowName,
      String beforeName) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("from", now.from().toString());
    p.put("to", now.to().toString());
    p.put("previousFrom", before.from().toString());
    p.put("previousTo", before.to().toString());
    for (Caliber c : Caliber.values()) {
      Figures current = figures.get(nowName).get(c);
      Figures previous = figures.get(beforeName).get(c);
      ObjectNode node = p.putObject(c.name());
      node.put("caliber", c.name());
      node.set("current", current.json());
      node.set("previous", previous.json());
      ObjectNode change = node.putObject("changePercent");
      change.put(
          "orders", TradeMeasures.changePercent(current.total.orders(), previous.total.orders()));
      change.put(
          "parcels",
          TradeMeasures.changePercent(current.total.parcels(), previous.total.parcels()));
      change.put(
          "valueCents",
          TradeMeasures.changePercent(current.total.valueCents(), previous.total.valueCents()));
      change.put(
          "activeEnterprises",
          TradeMeasures.changePercent(current.enterprises, previous.enterprises));
    }
    return p;
  }

  /** One caliber's figures over one period. */
  private record Figures(
      TradeMeasures total,
      long enterprises,
      Map<String, TradeMeasures> byDirection,
      Map<String, Long> enterprisesByDirection,
      Map<String, TradeMeasures> byMode) {

    static Figures empty() {
      return new Figures(TradeMeasures.ZERO, 0, Map.of(), Map.of(), Map.of());
    }

    static Figures of(Aggregate slices) {
      var buckets = slices.filters().buckets().keyed();
      var enterprise = buckets.get("ENTERPRISE").aggregations();
      Map<String, Long> enterprisesByDirection = new HashMap<>();
      for (StringTermsBucket b : enterprise.get("directions").sterms().buckets().array()) {
        enterprisesByDirection.put(
            b.key().stringValue(), b.aggregations().get("enterprises").cardinality().value());
      }
      return new Figures(
          TradeMeasures.of(buckets.get("TOTAL").aggregations()),
          enterprise.get("enterprises").cardinality().value(),
          perKey(buckets.get("DIRECTION").aggregations()),
          enterprisesByDirection,
          perKey(buckets.get("MODE").aggregations()));
    }

    private static Map<String, TradeMeasures> perKey(Map<String, Aggregate> aggs) {
      Map<String, TradeMeasures> out = new HashMap<>();
      for (StringTermsBucket b : aggs.get("keys").sterms().buckets().array()) {
        out.put(b.key().stringValue(), TradeMeasures.of(b.aggregations()));
      }
      return out;
    }

    ObjectNode json() {
      ObjectNode n = total.json();
      n.put("activeEnterprises", enterprises);
      ObjectNode directions = n.putObject("byDirection");
      for (String d : List.of("I", "E")) {
        ObjectNode dn = byDirection.getOrDefault(d, TradeMeasures.ZERO).json();
        dn.put("activeEnterprises", enterprisesByDirection.getOrDefault(d, 0L));
        directions.set(d, dn);
      }
      ObjectNode modes = n.putObject("byTradeMode");
      for (TradeMode m : TradeMode.values()) {
        modes.set(m.code(), byMode.getOrDefault(m.code(), TradeMeasures.ZERO).json());
      }
      // A mode outside the four (UNKNOWN: an order that named none) is shown as it came.
      byMode.keySet().stream()
          .filter(k -> !modes.has(k))
          .sorted()
          .forEach(k -> modes.set(k, byMode.get(k).json()));
      return n;
    }
  }
}
