package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The additive measures of trade statistics, summed over documents: orders, parcels and the value
 * in cents (exact; yuan are derived from the cents, never summed as doubles).
 */
record TradeMeasures(long orders, long parcels, long valueCents) {
  static final TradeMeasures ZERO = new TradeMeasures(0, 0, 0);

  /** Sum aggregations of the three measures, to nest under any bucket. */
  static Map<String, Aggregation> sums() {
    return Map.of(
        "orders", Aggregation.of(a -> a.sum(s -> s.field("orders"))),
        "parcels", Aggregation.of(a -> a.sum(s -> s.field("parcels"))),
        "valueCents", Aggregation.of(a -> a.sum(s -> s.field("valueCents"))));
  }

  /** The sums of {@link #sums()} in a bucket (doubles hold whole cents exactly below 2^53). */
  static TradeMeasures of(Map<String, Aggregate> aggs) {
    return new TradeMeasures(
        Math.round(aggs.get("orders").sum().value()),
        Math.round(aggs.get("parcels").sum().value()),
        Math.round(aggs.get("valueCents").sum().value()));
  }

  TradeMeasures plus(TradeMeasures o) {
    return new TradeMeasures(orders + o.orders, parcels + o.parcels, valueCents + o.valueCents);
  }

  double valueCny() {
    return valueCents / 100.0;
  }

  ObjectNode json() {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("orders", orders);
    n.put("parcels", parcels);
    n.put("valueCents", valueCents);
    n.put("valueCny", valueCny());
    return n;
  }

  /** Change from {@code before} in percent, one decimal; null when there is nothing before. */
  static Double changePercent(long now, long before) {
    if (before == 0) return null;
    return BigDecimal.valueOf(now - before)
        .multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
