package io.sanliu.simulator.traffic;

import io.sanliu.model.events.EventType;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.simulator.zone.Enterprise;
import io.sanliu.simulator.zone.Flow;
import io.sanliu.simulator.zone.Goods;
import io.sanliu.simulator.zone.Person;
import io.sanliu.simulator.zone.Rand;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the makers of anomalies share: the engine to queue documents and labels on, the planner of
 * parcels, and helpers to pick flows, importers able to make an order of a given value, and to
 * label.
 */
abstract class AnomalySupport {
  final TrafficEngine engine;
  final ParcelPlanner planner;

  AnomalySupport(TrafficEngine engine) {
    this.engine = engine;
    this.planner = engine.planner();
  }

  static Map<String, String> details(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  static Doc first(List<Doc> docs, EventType type) {
    return docs.stream().filter(d -> d.type() == type).findFirst().orElseThrow();
  }

  Flow importFlow(Rand r) {
    return r.chance(
            Flow.DIRECT_IMPORT.share() / (Flow.DIRECT_IMPORT.share() + Flow.BONDED_IMPORT.share()))
        ? Flow.DIRECT_IMPORT
        : Flow.BONDED_IMPORT;
  }

  Flow exportFlow(Rand r) {
    double d = Flow.DIRECT_EXPORT.share();
    double b = Flow.B2B_EXPORT.share();
    double w = Flow.WAREHOUSE_EXPORT.share();
    double u = r.unit() * (d + b + w);
    return u < d ? Flow.DIRECT_EXPORT : u < d + b ? Flow.B2B_EXPORT : Flow.WAREHOUSE_EXPORT;
  }

  Parcel normal(Rand r, Instant at, Flow flow) {
    return planner.normal(r, at, flow, planner.enterprise(r, flow));
  }

  void label(
      AnomalyKind kind,
      Instant eventTime,
      Instant due,
      Parcel p,
      boolean waybill,
      Map<String, String> d) {
    engine.label(
        due,
        engine.truth(
            kind,
            eventTime,
            List.of(p.orderKey()),
            waybill ? List.of(p.waybillKey()) : List.of(),
            null,
            List.of(),
            d));
  }

  /** Importers whose normal goods can make an order of about this taxable value. */
  Enterprise importerFor(Rand r, Flow flow, BigDecimal perOrder, boolean luxury) {
    List<Enterprise> all = engine.zone().normalEnterprises(flow);
    List<Enterprise> fit =
        all.stream()
            .filter(e -> !luxury || e.goods().stream().anyMatch(Goods::luxury))
            .filter(
                e ->
                    e.goods().stream()
                            .filter(g -> engine.zone().normalGoods(g))
                            .map(g -> g.filedPrice().multiply(BigDecimal.valueOf(6)))
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                            .compareTo(perOrder)
                        > 0)
            .toList();
    return fit.isEmpty() ? r.pick(all) : r.pick(fit);
  }

  /** A retail import for a buyer of their own, of a taxable value in [min, max]. */
  Parcel bigImport(
      Rand r, Instant at, Person buyer, BigDecimal min, BigDecimal max, boolean luxury) {
    for (int attempt = 0; attempt < 40; attempt++) {
      Flow flow = importFlow(r);
      boolean lux = luxury && attempt < 20;
      Enterprise e = importerFor(r, flow, max, lux);
      Parcel p = planner.retailImport(r, at, flow, e, buyer, min, max, lux);
      if (p != null) return p;
    }
    throw new IllegalStateException(
        "no importer of the zone can make an order of " + min + "-" + max);
  }
}
