package io.sanliu.simulator.traffic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.simulator.traffic.Doc.Intent;
import io.sanliu.simulator.zone.Rand;
import io.sanliu.simulator.zone.Zone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes the documents of one parcel with their times: the order, its payment (minutes later; now
 * and then the order reaches the gateway after its payment), the customs list and its statuses, the
 * waybill, the receipts, the tracking events and sometimes an evaluation. Honours the deviations an
 * anomaly set on the parcel. Guids and times are drawn at once; the JSON forms are made when the
 * documents are sent.
 */
final class ParcelStory {
  /** Share of parcels whose order is pushed after its payment. */
  static final double REORDERED = 0.04;

  private final ZoneClock clock;
  private final Identifiers ids;
  private final double xmlShare;
  private final double gbkShare;

  ParcelStory(ZoneClock clock, Identifiers ids, double xmlShare, double gbkShare) {
    this.clock = clock;
    this.ids = ids;
    this.xmlShare = xmlShare;
    this.gbkShare = gbkShare;
  }

  /** What was written: the documents, and for a stalled parcel when it went silent. */
  record Written(List<Doc> docs, Instant silentAfter, LogisticsStatus lastStatus) {}

  Written write(Parcel p, Rand r) {
    List<Doc> docs = new ArrayList<>();
    Instant t0 = p.orderedAt;

    // Order and payment, sometimes reaching the gateway in the opposite order.
    boolean reorder = p.withPayment && r.chance(REORDERED);
    Instant payTime;
    Instant payApp;
    Instant orderSent = lag(r, t0);
    Instant paymentSent;
    if (reorder) {
      // Paid at once; the platform's order push lags behind the payment firm's slip.
      payTime = ZoneClock.afterSeconds(t0, r.between(0.5, 1.5));
      payApp = ZoneClock.afterSeconds(payTime, r.between(0.1, 0.3));
      paymentSent = ZoneClock.afterSeconds(payApp, r.between(0.05, 0.5));
      orderSent = ZoneClock.afterSeconds(paymentSent, r.between(0.1, 0.5));
    } else {
      payTime = clock.afterMinutes(t0, r.between(0.5, 15));
      payApp = clock.afterMinutes(payTime, r.between(0.2, 5));
      paymentSent = lag(r, payApp);
    }
    docs.add(doc(r, orderSent, t0, EventType.ORDER, p.platform, g -> DocumentForms.order(p, g)));
    Instant orderReceipt = clock.afterMinutes(t0, r.between(0.3, 3));
    docs.add(receipt(r, orderReceipt, g -> DocumentForms.orderReceipt(p, g, orderReceipt)));
    if (p.withPayment) {
      Instant app = payApp;
      Instant paid = payTime;
      docs.add(
          doc(
              r,
              paymentSent,
              payTime,
              EventType.PAYMENT,
              Zone.PAYMENT_FIRM,
              g -> DocumentForms.payment(p, g, app, paid)));
      Instant payReceipt = clock.afterMinutes(payApp, r.between(0.3, 3));
      docs.add(receipt(r, payReceipt, g -> DocumentForms.paymentReceipt(p, g, payReceipt)));
    }
    // An export's proceeds reach the exporter's bank half a day to three days after the payment.
    if (p.withPayment && !p.flow.isImport() && p.withFxReceipt) {
      docs.add(fxReceipt(r, p, clock.afterHours(payTime, r.between(12, 72))));
    }

    Journey j = Journey.plan(p, r, clock);
    boolean declared = p.shipping != Parcel.Shipping.NONE;
    boolean moves = p.shipping == Parcel.Shipping.FULL;
    List<Journey.Step> steps = moves ? j.steps : List.of();
    Instant silentAfter = null;
    LogisticsStatus lastStatus = null;
    if (moves && p.stall && steps.size() >= 3) {
      steps = steps.subList(0, r.between(1, steps.size() - 2));
      silentAfter = steps.get(steps.size() - 1).at();
      lastStatus = steps.get(steps.size() - 1).status();
    }
    Instant until = silentAfter;

    if (declared) {
      String billNo = billNo(p, j.waybillAt);
      Instant waybillAt = j.waybillAt;
      Instant listAt = j.listAt;
      docs.add(
          doc(
              r,
              lag(r, waybillAt),
              waybillAt,
              EventType.WAYBILL,
              Zone.LOGISTICS_FIRM,
              g -> DocumentForms.waybill(p, g, waybillAt, billNo)));
      Instant waybillReceipt = clock.afterMinutes(waybillAt, r.between(1, 10));
      docs.add(receipt(r, waybillReceipt, g -> DocumentForms.waybillReceipt(p, g, waybillReceipt)));
      docs.add(
          doc(
              r,
              lag(r, listAt),
              listAt,
              EventType.CUSTOMS_LIST,
              Zone.CUSTOMS,
              g -> DocumentForms.customsList(p, g, listAt)));
      for (Journey.Status s : j.listStatuses) {
        if (!moves && !s.code().equals("120")) continue;
        if (until != null && s.at().isAfter(until)) continue;
        docs.add(receipt(r, s.at(), g -> DocumentForms.listReceipt(p, g, s.at(), s.code())));
      }
    }
    int n = 0;
    for (Journey.Step s : steps) {
      int number = ++n;
      String guid = ids.guid();
      docs.add(
          new Doc(
              lag(r, s.at()),
              s.at(),
              EventType.LOGISTICS_EVENT,
              Zone.LOGISTICS_FIRM,
              ids.guid(),
              guid,
              () ->
                  DocumentForms.trackingEvent(
                      guid,
                      p.logisticsNo,
                      number,
                      s.status(),
                      s.at(),
                      s.location(),
                      s.country(),
                      s.mode(),
                      s.note()),
              DocFormat.JSON,
              Intent.NORMAL,
              null));
    }
    if (moves
        && until == null
        && p.allowEvaluation
        && j.deliveredAt != null
        && p.flow.retail()
        && r.chance(p.flow.isImport() ? 0.3 : 0.15)) {
      docs.add(evaluation(r, p, clock.afterHours(j.deliveredAt, r.between(6, 120))));
    }
    return new Written(docs, silentAfter, lastStatus);
  }

  private Doc fxReceipt(Rand r, Parcel p, Instant at) {
    String guid = ids.guid();
    String receiptId = ids.fxReceiptId();
    return new Doc(
        lag(r, at),
        at,
        EventType.FX_RECEIPT,
        Zone.PAYMENT_FIRM,
        ids.guid(),
        guid,
        () -> DocumentForms.fxReceipt(p, guid, receiptId, Zone.PAYMENT_FIRM, at),
        DocFormat.JSON,
        Intent.NORMAL,
        null);
  }

  private Doc evaluation(Rand r, Parcel p, Instant at) {
    double u = r.unit();
    int score = u < 0.6 ? 5 : u < 0.85 ? 4 : u < 0.93 ? 3 : u < 0.97 ? 2 : 1;
    boolean complaint = score <= 2 && r.chance(0.5);
    String category = r.pick(new String[] {"物流", "商品质量", "服务", "描述相符"});
    String comment =
        switch (score) {
          case 5 -> r.pick(new String[] {"正品，物流很快，好评", "包装完好，和描述一致", "回购多次了，放心"});
          case 4 -> r.pick(new String[] {"不错，就是物流慢了点", "质量可以"});
          case 3 -> "一般";
          default -> r.pick(new String[] {"包装破损", "等了太久", "和描述不符，申请退货"});
        };
    String guid = ids.guid();
    String evaluationId = ids.evaluationId();
    return new Doc(
        lag(r, at),
        at,
        EventType.EVALUATION,
        p.platform,
        ids.guid(),
        guid,
        () ->
            DocumentForms.evaluation(
                p, guid, evaluationId, at, score, complaint, category, comment),
        DocFormat.JSON,
        Intent.NORMAL,
        null);
  }

  /** The master bill: one per flight or voyage, shared by the parcels of an hour. */
  private static String billNo(Parcel p, Instant at) {
    long hour = at.getEpochSecond() / 3600;
    return switch (p.transport) {
      case SEA -> String.format("COSU%010d", hour % 10_000_000_000L);
      case RAIL -> String.format("CRE%09d", hour % 1_000_000_000L);
      case ROAD -> String.format("TR%010d", hour % 10_000_000_000L);
      case AIR -> String.format("784-%08d", hour % 100_000_000L);
    };
  }

  private Doc receipt(Rand r, Instant at, Function<String, ObjectNode> form) {
    return doc(r, lag(r, at), at, EventType.CUSTOMS_RECEIPT, Zone.CUSTOMS, form);
  }

  /** A document in the JSON form or, for CEB types, now and then as CEB XML (UTF-8 or GBK). */
  private Doc doc(
      Rand r,
      Instant sendAt,
      Instant eventTime,
      EventType type,
      String sender,
      Function<String, ObjectNode> form) {
    DocFormat format = DocFormat.JSON;
    if (r.chance(xmlShare)) format = r.chance(gbkShare) ? DocFormat.XML_GBK : DocFormat.XML_UTF8;
    String guid = ids.guid();
    return new Doc(
        sendAt,
        eventTime,
        type,
        sender,
        ids.guid(),
        guid,
        () -> form.apply(guid),
        format,
        Intent.NORMAL,
        null);
  }

  /** Network and processing lag before a document reaches the gateway (not compressed). */
  static Instant lag(Rand r, Instant t) {
    return ZoneClock.afterSeconds(t, r.between(0.05, 1.5));
  }
}
