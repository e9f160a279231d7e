package io.sanliu.simulator.traffic;

import io.sanliu.model.events.EventType;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.model.simulation.NegativeListEntry.Subject;
import io.sanliu.simulator.zone.Enterprise;
import io.sanliu.simulator.zone.Flow;
import io.sanliu.simulator.zone.Money;
import io.sanliu.simulator.zone.Rand;
import io.sanliu.simulator.zone.Zone.NegativeSubject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Anomalies of one parcel: a normal order whose documents deviate in exactly one way (an amount, a
 * payer, a price, a tax, a weight, a silence), labelled with its keys.
 */
final class ParcelAnomalies extends AnomalySupport {

  ParcelAnomalies(TrafficEngine engine) {
    super(engine);
  }

  void mismatched(Instant at, Rand r) {
    Parcel p = normal(r, at, planner.flow(r));
    boolean byAmount = r.chance(0.6);
    Map<String, String> d;
    if (byAmount) {
      BigDecimal delta = r.money(1, 100);
      boolean less = r.chance(0.5) && p.acturalPaid.compareTo(delta.add(BigDecimal.ONE)) > 0;
      p.amountPaid = less ? p.acturalPaid.subtract(delta) : p.acturalPaid.add(delta);
      d =
          details(
              "variant",
              "amount",
              "acturalPaid",
              Money.text(p.acturalPaid),
              "amountPaid",
              Money.text(p.amountPaid),
              "currency",
              p.currency);
    } else {
      List<Line> listed = new ArrayList<>(p.lines);
      String change;
      if (listed.size() > 1 && r.chance(0.5)) {
        Line dropped = listed.remove(r.below(listed.size()));
        change = "item " + dropped.goods().itemNo() + " missing from the list";
      } else {
        int i = r.below(listed.size());
        Line l = listed.get(i);
        int qty =
            l.qty().intValue() > 1 && r.chance(0.5)
                ? l.qty().intValue() - 1
                : l.qty().intValue() + 1;
        listed.set(i, Line.of(l.goods(), qty, l.price()));
        change =
            "item "
                + l.goods().itemNo()
                + " qty "
                + l.qty()
                + " on the order, "
                + qty
                + " on the list";
      }
      p.listLines = listed;
      d = details("variant", "items", "difference", change);
    }
    ParcelStory.Written w = engine.place(p, r);
    Doc odd = first(w.docs(), byAmount ? EventType.PAYMENT : EventType.CUSTOMS_LIST);
    label(AnomalyKind.MISMATCHED_DOCUMENTS, odd.eventTime(), odd.sendAt(), p, true, d);
  }

  void missingPayment(Instant at, Rand r) {
    Parcel p = normal(r, at, planner.flow(r));
    p.withPayment = false;
    ParcelStory.Written w = engine.place(p, r);
    Doc order = first(w.docs(), EventType.ORDER);
    label(
        AnomalyKind.MISSING_PAYMENT,
        at,
        order.sendAt(),
        p,
        true,
        details("acturalPaid", Money.text(p.acturalPaid), "currency", p.currency));
  }

  void payerNotBuyer(Instant at, Rand r) {
    Parcel p = normal(r, at, importFlow(r));
    p.payer = planner.people().resident();
    ParcelStory.Written w = engine.place(p, r);
    Doc payment = first(w.docs(), EventType.PAYMENT);
    label(
        AnomalyKind.PAYER_NOT_BUYER,
        payment.eventTime(),
        payment.sendAt(),
        p,
        false,
        details("payer", "another resident, not the buyer"));
  }

  void overSingleLimit(Instant at, Rand r) {
    boolean luxury = r.chance(0.5);
    BigDecimal max = luxury ? new BigDecimal("30000") : new BigDecimal("12000");
    Parcel p = bigImport(r, at, planner.buyers().fresh(), new BigDecimal("5200"), max, luxury);
    ParcelStory.Written w = engine.place(p, r);
    label(
        AnomalyKind.OVER_SINGLE_LIMIT,
        at,
        first(w.docs(), EventType.ORDER).sendAt(),
        p,
        false,
        details(
            "acturalPaid",
            Money.text(p.acturalPaid),
            "taxableValue",
            Money.text(p.taxableValue()),
            "limit",
            Money.text(Policy.SINGLE_LIMIT)));
  }

  void undervalued(Instant at, Rand r) {
    Parcel p = normal(r, at, importFlow(r));
    int i = 0;
    for (int k = 0; k < p.lines.size(); k++) {
      if (p.lines.get(k).goods().filedPrice().compareTo(p.lines.get(i).goods().filedPrice()) > 0)
        i = k;
    }
    Line l = p.lines.get(i);
    BigDecimal filed = l.goods().filedPrice();
    double ratio = r.between(0.15, 0.4);
    BigDecimal price = Money.times(filed, ratio).max(new BigDecimal("0.01"));
    List<Line> lines = new ArrayList<>(p.lines);
    lines.set(i, Line.of(l.goods(), l.qty().intValue(), price));
    p.lines = lines;
    ParcelPlanner.amounts(p);
    ParcelStory.Written w = engine.place(p, r);
    label(
        AnomalyKind.UNDERVALUED,
        at,
        first(w.docs(), EventType.ORDER).sendAt(),
        p,
        false,
        details(
            "itemNo",
            l.goods().itemNo(),
            "itemRecordNo",
            l.goods().itemRecordNo(),
            "declaredPrice",
            Money.text(price),
            "filedPrice",
            Money.text(filed),
            "ratio",
            String.format(
                java.util.Locale.ROOT, "%.2f", price.doubleValue() / filed.doubleValue())));
  }

  void taxBelowComputed(Instant at, Rand r) {
    Parcel p;
    do {
      p = normal(r, at, importFlow(r));
    } while (p.taxTotal.compareTo(new BigDecimal("2")) < 0);
    BigDecimal computed = p.taxTotal;
    BigDecimal declared = Money.times(computed, r.chance(0.2) ? 0 : r.between(0.1, 0.6));
    p.taxTotal = declared;
    p.acturalPaid = p.goodsValue.add(p.freight).add(declared);
    p.amountPaid = p.acturalPaid;
    ParcelStory.Written w = engine.place(p, r);
    label(
        AnomalyKind.TAX_BELOW_COMPUTED,
        at,
        first(w.docs(), EventType.ORDER).sendAt(),
        p,
        false,
        details(
            "taxTotal",
            Money.text(declared),
            "computedTax",
            Money.text(computed),
            "taxableValue",
            Money.text(p.taxableValue())));
  }

  void paidNotShipped(Instant at, Rand r) {
    Parcel p = normal(r, at, exportFlow(r));
    p.shipping = r.chance(0.5) ? Parcel.Shipping.NONE : Parcel.Shipping.DECLARED_ONLY;
    p.allowEvaluation = false;
    ParcelStory.Written w = engine.place(p, r);
    Doc payment = first(w.docs(), EventType.PAYMENT);
    label(
        AnomalyKind.EXPORT_PAID_NOT_SHIPPED,
        payment.eventTime(),
        payment.sendAt(),
        p,
        p.shipping == Parcel.Shipping.DECLARED_ONLY,
        details(
            "variant",
            p.shipping == Parcel.Shipping.NONE ? "no waybill" : "declared, never moved",
            "amountPaid",
            Money.text(p.amountPaid),
            "currency",
            p.currency));
  }

  void noFxReceipt(Instant at, Rand r) {
    Parcel p = normal(r, at, exportFlow(r));
    p.withFxReceipt = false;
    ParcelStory.Written w = engine.place(p, r);
    Doc payment = first(w.docs(), EventType.PAYMENT);
    label(
        AnomalyKind.EXPORT_NO_FX_RECEIPT,
        payment.eventTime(),
        payment.sendAt(),
        p,
        false,
        details("amountPaid", Money.text(p.amountPaid), "currency", p.currency));
  }

  void domesticPayer(Instant at, Rand r) {
    Parcel p = normal(r, at, Flow.DIRECT_EXPORT);
    p.payer = planner.people().resident();
    ParcelStory.Written w = engine.place(p, r);
    Doc payment = first(w.docs(), EventType.PAYMENT);
    label(
        AnomalyKind.EXPORT_DOMESTIC_PAYER,
        payment.eventTime(),
        payment.sendAt(),
        p,
        false,
        details("payerIdType", "1", "destination", p.partnerCountry));
  }

  void weightMismatch(Instant at, Rand r) {
    Parcel p = normal(r, at, planner.flow(r));
    double factor = r.chance(0.5) ? r.between(2.5, 8) : r.between(0.1, 0.4);
    p.waybillWeight =
        p.grossWeight
            .multiply(BigDecimal.valueOf(factor))
            .setScale(3, RoundingMode.HALF_UP)
            .max(new BigDecimal("0.001"));
    ParcelStory.Written w = engine.place(p, r);
    Doc waybill = first(w.docs(), EventType.WAYBILL);
    label(
        AnomalyKind.WEIGHT_MISMATCH,
        waybill.eventTime(),
        waybill.sendAt(),
        p,
        true,
        details(
            "waybillWeight",
            p.waybillWeight.toPlainString(),
            "grossWeight",
            p.grossWeight.toPlainString(),
            "ratio",
            String.format(
                java.util.Locale.ROOT,
                "%.2f",
                p.waybillWeight.doubleValue() / p.grossWeight.doubleValue())));
  }

  void stalled(Instant at, Rand r) {
    for (int attempt = 0; attempt < 10; attempt++) {
      Parcel p = normal(r, at, planner.flow(r));
      p.stall = true;
      ParcelStory.Written w = engine.story().write(p, r);
      if (w.silentAfter() == null) continue;
      engine.queue(w.docs());
      label(
          AnomalyKind.STALLED_PARCEL,
          w.silentAfter(),
          w.silentAfter(),
          p,
          true,
          details(
              "lastStatus",
              w.lastStatus().name(),
              "normalMaxGapMinutes",
              Long.toString(
                  engine
                      .clock()
                      .eventDuration(Duration.ofHours((long) Policy.MAX_TRACKING_GAP_HOURS))
                      .toMinutes())));
      return;
    }
  }

  void negativeListed(Instant at, Rand r) {
    List<NegativeSubject> subjects = engine.zone().negativeSubjects();
    NegativeSubject s = r.pick(subjects);
    Enterprise e = s.enterprise();
    Flow flow = r.pick(e.flows());
    Parcel p;
    if (s.subject() == Subject.ENTERPRISE) {
      p = planner.normal(r, at, flow, e);
    } else {
      p = planner.normalWith(r, at, flow, e, List.of(s.goods()));
    }
    ParcelStory.Written w = engine.place(p, r);
    String entry = "NL-" + e.code() + (s.goods() == null ? "" : "-" + s.goods().itemRecordNo());
    label(
        AnomalyKind.NEGATIVE_LISTED,
        at,
        first(w.docs(), EventType.ORDER).sendAt(),
        p,
        false,
        details("entryId", entry, "subject", s.subject().name()));
  }
}
