package io.sanliu.jobs.risk.parcel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.matching.MatchResult;
import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelDocuments;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.matching.ThreeDocumentMatcher;
import io.sanliu.model.Json;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Parcels for the rule tests: the sample documents made consistent as normal traffic is (taxTotal
 * exactly 9.1% of goods + freight + insurance, paid what the order says), an export variant as the
 * simulator sends it (no buyer or consignee on the order, a foreign payer), and outcomes as the
 * matcher reports them.
 */
public final class Parcels {
  static final String ORDER_KEY = DocumentKeys.order(SampleEvents.EBP_CODE, SampleEvents.ORDER_NO);
  static final String WAYBILL_KEY =
      DocumentKeys.waybill(SampleEvents.LOGISTICS_CODE, SampleEvents.LOGISTICS_NO);

  /** 9.1% of 1,234.50 goods + 10.00 freight + 0 insurance (the list's), HALF_UP. */
  static final BigDecimal TAX = new BigDecimal("113.25");

  static final BigDecimal PAID = new BigDecimal("1357.75");

  private static final ThreeDocumentMatcher MATCHER = new ThreeDocumentMatcher();

  private Parcels() {}

  /** A copy of a document with some fields changed, through its JSON form (remove = null). */
  static <T> T changed(T document, Consumer<ObjectNode> change) {
    return io.sanliu.jobs.risk.Documents.changed(document, change);
  }

  static Order order() {
    return changed(
        SampleEvents.order(),
        o -> {
          o.put("taxTotal", TAX);
          o.put("acturalPaid", PAID);
        });
  }

  static Payment payment() {
    return changed(SampleEvents.payment(), p -> p.put("amountPaid", PAID));
  }

  static Waybill waybill() {
    return SampleEvents.waybill();
  }

  static CustomsList list() {
    return SampleEvents.customsList();
  }

  static Order taxed(BigDecimal taxTotal) {
    return changed(order(), o -> o.put("taxTotal", taxTotal));
  }

  static Waybill weighing(String kg) {
    return changed(waybill(), w -> w.put("weight", new BigDecimal(kg)));
  }

  /** Paid by someone else than the buyer (another resident). */
  static Payment paidBy(String idNumber, String idType) {
    return changed(
        payment(),
        p -> {
          p.put("payerIdType", idType);
          p.set("payerId", Json.mapper().valueToTree(SampleEvents.HASHER.idNumber(idNumber)));
        });
  }

  /** A 9610 export order as CEB303 carries it: no buyer, no consignee, no tax. */
  public static Order exportOrder() {
    return changed(
        order(),
        o -> {
          o.put("direction", "E");
          o.put("currency", "502");
          o.remove("taxTotal");
          o.put("acturalPaid", new BigDecimal("1244.50"));
          for (String f :
              new String[] {
                "buyerRegNo",
                "buyerIdType",
                "buyerId",
                "buyerName",
                "buyerTelephone",
                "consignee",
                "consigneeTelephone",
                "consigneeAddress",
                "consigneeDistrict"
              }) {
            o.remove(f);
          }
          o.withArray("items").forEach(i -> ((ObjectNode) i).put("currency", "502"));
        });
  }

  /** The export's payment: a foreign payer with a passport ({@code payerIdType} 2). */
  public static Payment exportPayment() {
    return changed(
        paidBy("US12345678", "2"),
        p -> {
          p.put("amountPaid", new BigDecimal("1244.50"));
          p.put("currency", "502");
        });
  }

  static CustomsList exportList() {
    return changed(
        list(),
        l -> {
          l.put("direction", "E");
          l.put("currency", "502");
          l.put("country", "502");
          for (String f :
              new String[] {
                "buyerIdType", "buyerId", "buyerName", "buyerTelephone", "consigneeAddress"
              }) {
            l.remove(f);
          }
        });
  }

  static Waybill exportWaybill() {
    return changed(
        waybill(),
        w -> {
          w.put("direction", "E");
          w.put("currency", "502");
        });
  }

  /** The outcome the matcher reports for these documents as they stand. */
  static ParcelOutcome matched(Order order, Payment payment, Waybill waybill, CustomsList list) {
    ParcelDocuments docs = new ParcelDocuments(order, payment, waybill, list);
    return new ParcelOutcome(ORDER_KEY, MATCHER.match(docs), docs);
  }

  static ParcelOutcome complete() {
    return matched(order(), payment(), waybill(), list());
  }

  /**
   * The outcome at a deadline: incomplete, as the matcher reports it when nothing disagrees (or
   * would, for exports, once absent buyer fields are not counted as disagreement).
   */
  static ParcelOutcome atDeadline(Order order, Payment payment, Waybill waybill, CustomsList list) {
    ParcelOutcome m = matched(order, payment, waybill, list);
    MatchResult r = m.result();
    return new ParcelOutcome(
        m.parcelKey(),
        new MatchResult(r.ebpCode(), r.orderNo(), MatchStatus.INCOMPLETE, r.missing(), r.checks()),
        m.documents());
  }

  static ParcelContext context(ParcelOutcome outcome) {
    return new ParcelContext(outcome);
  }

  /** The shipped definition of a rule. */
  static RuleDefinition rule(String ruleId) {
    return DefaultRules.all().stream()
        .filter(d -> d.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }
}
