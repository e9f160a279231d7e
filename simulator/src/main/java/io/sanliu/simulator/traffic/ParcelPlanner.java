package io.sanliu.simulator.traffic;

import io.sanliu.model.codes.TransportMode;
import io.sanliu.simulator.zone.BuyerBook;
import io.sanliu.simulator.zone.Enterprise;
import io.sanliu.simulator.zone.Flow;
import io.sanliu.simulator.zone.Goods;
import io.sanliu.simulator.zone.Markets;
import io.sanliu.simulator.zone.Money;
import io.sanliu.simulator.zone.People;
import io.sanliu.simulator.zone.Person;
import io.sanliu.simulator.zone.Rand;
import io.sanliu.simulator.zone.Zone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides what an order is: flow, enterprise, platform, goods, amounts, buyer and payer. Normal
 * orders stay inside the {@link Policy} envelope; anomalies ask for orders of given amounts.
 */
public final class ParcelPlanner {
  private static final double[] FLOW_SHARES;

  static {
    FLOW_SHARES = new double[Flow.values().length];
    for (Flow f : Flow.values()) FLOW_SHARES[f.ordinal()] = f.share();
  }

  private final Zone zone;
  private final BuyerBook buyers;
  private final People people;
  private final Identifiers ids;

  public ParcelPlanner(Zone zone, BuyerBook buyers, People people, Identifiers ids) {
    this.zone = zone;
    this.buyers = buyers;
    this.people = people;
    this.ids = ids;
  }

  public BuyerBook buyers() {
    return buyers;
  }

  public People people() {
    return people;
  }

  /** A flow by its share of the zone's orders. */
  public Flow flow(Rand r) {
    return Flow.values()[r.weighted(FLOW_SHARES)];
  }

  /** A normal enterprise of a flow, by its share. */
  public Enterprise enterprise(Rand r, Flow flow) {
    List<Enterprise> trading = zone.normalEnterprises(flow);
    return trading.get(r.weighted(trading.stream().mapToDouble(Enterprise::weight).toArray()));
  }

  /** A new parcel's numbers, platform and partner country. */
  Parcel open(Rand r, Instant at, Flow flow, Enterprise e) {
    Parcel p =
        new Parcel(
            flow,
            r.pick(e.platforms()),
            e,
            at,
            ids.orderNo(),
            ids.logisticsNo(),
            ids.payTransactionId(at),
            ids.listNumbers(at, flow.isImport()));
    p.currency = e.currency();
    p.partnerCountry = flow.isImport() ? null : r.pick(e.markets());
    p.transport = transport(r, flow, p.partnerCountry);
    return p;
  }

  private static TransportMode transport(Rand r, Flow flow, String destination) {
    return switch (flow) {
      case DIRECT_IMPORT, DIRECT_EXPORT -> TransportMode.AIR;
      case BONDED_IMPORT -> TransportMode.ROAD;
      case B2B_EXPORT, WAREHOUSE_EXPORT -> {
        double u = r.unit();
        if (u < 0.15) yield TransportMode.AIR;
        if (u < 0.45 && Places.railServes(destination)) yield TransportMode.RAIL;
        yield TransportMode.SEA;
      }
    };
  }

  /** A normal order of a flow and enterprise, its buyer picked within the normal limits. */
  public Parcel normal(Rand r, Instant at, Flow flow, Enterprise e) {
    Parcel p = open(r, at, flow, e);
    List<Goods> goods = e.goods().stream().filter(zone::normalGoods).toList();
    if (goods.isEmpty()) goods = e.goods().stream().filter(g -> !g.luxury()).toList();
    if (flow.isImport()) {
      p.lines = retailLines(r, goods);
      settle(r, p);
      while (p.acturalPaid.compareTo(Policy.NORMAL_ORDER_MAX) > 0) {
        p.lines = shrink(p.lines);
        settle(r, p);
      }
      buyer(p, buyers.pick(at, p.acturalPaid));
    } else {
      p.lines = flow.retail() ? retailExportLines(r, goods) : wholesaleLines(r, flow, goods);
      settle(r, p);
      foreignPayer(r, p);
    }
    return p;
  }

  /**
   * A normal order of these goods (one unit of each for retail, a wholesale quantity otherwise),
   * its buyer picked within the normal limits: for orders of listed goods.
   */
  public Parcel normalWith(Rand r, Instant at, Flow flow, Enterprise e, List<Goods> goods) {
    Parcel p = open(r, at, flow, e);
    if (flow.retail()) {
      p.lines = goods.stream().map(g -> Line.of(g, 1, normalPrice(r, g))).toList();
    } else {
      p.lines = wholesaleLines(r, flow, goods);
    }
    settle(r, p);
    if (flow.isImport()) {
      while (p.acturalPaid.compareTo(Policy.NORMAL_ORDER_MAX) > 0) {
        p.lines = shrink(p.lines);
        settle(r, p);
      }
      buyer(p, buyers.pick(at, p.acturalPaid));
    } else {
      foreignPayer(r, p);
    }
    return p;
  }

  /**
   * A retail import of a given buyer whose taxable value (goods, freight, insurance) lies in [min,
   * max], at prices near the filed ones; null when the enterprise's goods cannot make it.
   */
  public Parcel retailImport(
      Rand r,
      Instant at,
      Flow flow,
      Enterprise e,
      Person buyer,
      BigDecimal min,
      BigDecimal max,
      boolean luxury) {
    List<Goods> goods =
        e.goods().stream().filter(g -> zone.normalGoods(g) || (luxury && g.luxury())).toList();
    if (goods.isEmpty()) return null;
    for (int attempt = 0; attempt < 200; attempt++) {
      Rand a = r.split();
      Parcel p = open(a, at, flow, e);
      BigDecimal freight = flow == Flow.BONDED_IMPORT ? Money.ZERO : a.money(15, 60);
      BigDecimal target =
          Money.of(a.between(min.doubleValue(), max.doubleValue())).subtract(freight);
      List<Line> lines = fit(a, goods, target);
      if (lines == null) continue;
      p.lines = lines;
      p.freight = freight;
      p.insuredFee = Money.ZERO;
      amounts(p);
      weights(a, p);
      BigDecimal taxable = p.taxableValue();
      if (taxable.compareTo(min) >= 0 && taxable.compareTo(max) <= 0) {
        buyer(p, buyer);
        return p;
      }
    }
    return null;
  }

  /** Lines of goods near filed prices adding up to the target, or null. */
  private static List<Line> fit(Rand r, List<Goods> goods, BigDecimal target) {
    List<Line> lines = new ArrayList<>();
    BigDecimal remaining = target;
    BigDecimal cheapest =
        goods.stream().map(Goods::filedPrice).min(Comparator.naturalOrder()).orElseThrow();
    while (lines.size() < 5
        && remaining.compareTo(cheapest.multiply(new BigDecimal("0.95"))) >= 0) {
      BigDecimal room = remaining;
      List<Goods> fitting =
          goods.stream()
              .filter(g -> g.filedPrice().multiply(new BigDecimal("0.95")).compareTo(room) <= 0)
              .filter(g -> lines.stream().noneMatch(l -> l.goods().equals(g)))
              .toList();
      if (fitting.isEmpty()) break;
      Goods g = r.pick(fitting);
      BigDecimal price = Money.times(g.filedPrice(), r.between(0.97, 1.03));
      int qty = Math.max(1, Math.min(6, remaining.divide(price, 0, RoundingMode.DOWN).intValue()));
      if (lines.size() < 4 && qty > 1 && r.chance(0.5)) qty = Math.max(1, qty / 2);
      Line line = Line.of(g, qty, price);
      lines.add(line);
      remaining = remaining.subtract(line.total());
    }
    if (lines.isEmpty()) return null;
    // Spread the rest over the lines' prices, each staying within the normal band.
    for (int i = lines.size() - 1; i >= 0 && remaining.signum() != 0; i--) {
      Line l = lines.get(i);
      BigDecimal price =
          Money.cents(l.price().add(remaining.divide(l.qty(), 2, RoundingMode.HALF_UP)));
      BigDecimal filed = l.goods().filedPrice();
      BigDecimal low = Money.times(filed, Policy.NORMAL_PRICE_LOW + 0.005);
      BigDecimal high = Money.times(filed, Policy.NORMAL_PRICE_HIGH - 0.005);
      if (price.compareTo(low) < 0) price = low;
      if (price.compareTo(high) > 0) price = high;
      Line adjusted = Line.of(l.goods(), l.qty().intValue(), price);
      remaining = remaining.subtract(adjusted.total().subtract(l.total()));
      lines.set(i, adjusted);
    }
    return lines;
  }

  private static List<Line> retailLines(Rand r, List<Goods> goods) {
    int n = Math.min(goods.size(), r.chance(0.65) ? 1 : r.chance(0.7) ? 2 : 3);
    List<Goods> pool = new ArrayList<>(goods);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Goods g = pool.remove(r.below(pool.size()));
      int qty = r.chance(0.7) ? 1 : r.chance(0.67) ? 2 : 3;
      if (g.filedPrice().compareTo(new BigDecimal("50")) < 0) qty *= 2;
      lines.add(Line.of(g, qty, normalPrice(r, g)));
    }
    return lines;
  }

  private static List<Line> retailExportLines(Rand r, List<Goods> goods) {
    int n = Math.min(goods.size(), r.chance(0.6) ? 1 : r.chance(0.6) ? 2 : 3);
    List<Goods> pool = new ArrayList<>(goods);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Goods g = pool.remove(r.below(pool.size()));
      lines.add(Line.of(g, r.between(1, 5), normalPrice(r, g)));
    }
    return lines;
  }

  private static List<Line> wholesaleLines(Rand r, Flow flow, List<Goods> goods) {
    boolean warehouse = flow == Flow.WAREHOUSE_EXPORT;
    int n = Math.min(goods.size(), warehouse ? r.between(2, 6) : r.between(1, 4));
    double yuan = warehouse ? r.between(20_000, 300_000) : r.between(5_000, 120_000);
    List<Goods> pool = new ArrayList<>(goods);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Goods g = pool.remove(r.below(pool.size()));
      BigDecimal price = normalPrice(r, g);
      BigDecimal lineValue = Markets.fromYuan(BigDecimal.valueOf(yuan / n), g.currency());
      int qty = Math.max(10, lineValue.divide(price, 0, RoundingMode.HALF_UP).intValue());
      lines.add(Line.of(g, qty, price));
    }
    return lines;
  }

  /** A price near the filed one. */
  static BigDecimal normalPrice(Rand r, Goods g) {
    BigDecimal price =
        Money.times(
            g.filedPrice(),
            r.between(Policy.NORMAL_PRICE_LOW + 0.005, Policy.NORMAL_PRICE_HIGH - 0.005));
    return price.signum() == 0 ? new BigDecimal("0.01") : price;
  }

  private static List<Line> shrink(List<Line> lines) {
    List<Line> fewer = new ArrayList<>(lines);
    Line biggest = fewer.stream().max(Comparator.comparing(Line::total)).orElseThrow();
    int i = fewer.indexOf(biggest);
    if (biggest.qty().intValue() > 1) {
      fewer.set(i, Line.of(biggest.goods(), biggest.qty().intValue() - 1, biggest.price()));
    } else if (fewer.size() > 1) {
      fewer.remove(i);
    } else {
      throw new IllegalStateException(
          "one unit of " + biggest.goods().itemNo() + " is over the normal limit");
    }
    return fewer;
  }

  /** Freight, insurance, tax, totals and weights of a parcel from its lines. */
  void settle(Rand r, Parcel p) {
    double kg = p.lines.stream().mapToDouble(Line::kg).sum();
    p.insuredFee = Money.ZERO;
    switch (p.flow) {
      case DIRECT_IMPORT -> {
        p.freight = Money.of(Math.min(80, 12 + 6 * kg) * r.between(0.9, 1.1));
        if (r.chance(0.1)) {
          p.insuredFee = Money.times(sum(p.lines), 0.003).max(new BigDecimal("0.01"));
        }
      }
      case BONDED_IMPORT -> p.freight = r.chance(0.6) ? Money.ZERO : r.money(5, 15);
      case DIRECT_EXPORT ->
          p.freight = Markets.fromYuan(Money.of((20 + 9 * kg) * r.between(0.9, 1.1)), p.currency);
      case B2B_EXPORT, WAREHOUSE_EXPORT ->
          p.freight = Markets.fromYuan(Money.of(Math.max(200, 2.5 * kg)), p.currency);
    }
    amounts(p);
    weights(r, p);
  }

  private static BigDecimal sum(List<Line> lines) {
    return lines.stream().map(Line::total).reduce(Money.ZERO, BigDecimal::add);
  }

  /** goodsValue, taxTotal (imports: exactly the comprehensive tax), acturalPaid, amountPaid. */
  static void amounts(Parcel p) {
    p.goodsValue = sum(p.lines);
    p.taxTotal = p.flow.isImport() ? Policy.tax(p.taxableValue()) : null;
    p.acturalPaid =
        p.goodsValue.add(p.freight).add(p.taxTotal == null ? BigDecimal.ZERO : p.taxTotal);
    p.amountPaid = p.acturalPaid;
  }

  private static void weights(Rand r, Parcel p) {
    double net = p.lines.stream().mapToDouble(Line::kg).sum();
    double gross = p.flow.retail() ? net * r.between(1.05, 1.12) + 0.1 : net * 1.08 + 20;
    p.netWeight = BigDecimal.valueOf(net).setScale(3, RoundingMode.HALF_UP);
    p.grossWeight = BigDecimal.valueOf(gross).setScale(3, RoundingMode.HALF_UP);
    double factor = r.between(Policy.NORMAL_WEIGHT_LOW + 0.002, Policy.NORMAL_WEIGHT_HIGH - 0.002);
    p.waybillWeight =
        p.grossWeight.multiply(BigDecimal.valueOf(factor)).setScale(3, RoundingMode.HALF_UP);
    p.packNo = p.flow.retail() ? 1 : (int) Math.max(1, Math.ceil(gross / 25));
  }

  /** The buyer of an import: payer and consignee too, unless an anomaly says otherwise. */
  static void buyer(Parcel p, Person buyer) {
    p.buyer = buyer;
    p.payer = buyer;
    p.consignee = buyer.name();
    p.consigneePhone = buyer.telephone();
    p.consigneeAddress = buyer.address();
    p.consigneeDistrict = buyer.district();
    p.partnerCountry = p.lines.get(0).goods().originCountry();
  }

  private void foreignPayer(Rand r, Parcel p) {
    String iso2 = Markets.iso2(p.partnerCountry);
    Person payer =
        p.flow.retail()
            ? people.foreigner(iso2)
            : people.foreignCompany(iso2, companyName(r, p.partnerCountry));
    p.payer = payer;
    p.consignee = payer.name();
    p.consigneePhone = payer.telephone();
    p.consigneeAddress = Places.foreignAddress(r, p.partnerCountry);
  }

  private static String companyName(Rand r, String country) {
    return r.pick(
            new String[] {"Global", "Prime", "North Star", "Blue Ocean", "Evergreen", "Atlas"})
        + " "
        + r.pick(new String[] {"Retail", "Imports", "Distribution", "Commerce", "Supply"})
        + (country.equals("502") ? " LLC" : " Ltd.");
  }
}
