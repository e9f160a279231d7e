package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.Money;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.util.List;

/**
 * 无订单单证: a payment whose order never came, or a waybill no customs list named (the linker's
 * unlinked outcome), once the matcher reports it incomplete. Keyed by the document's own key: the
 * payment's order key, or the waybill key.
 */
public final class OrphanDocumentRule implements RiskRule<ParcelContext> {
  @Override
  public RuleType type() {
    return RuleType.ORPHAN_DOCUMENT;
  }

  @Override
  public List<Finding> evaluate(ParcelContext c, RuleDefinition rule) {
    if (!c.incomplete() || c.order() != null) return List.of();
    if (c.payment() != null) return List.of(payment(c, c.payment()));
    // A waybill a list names has its parcel, whatever else is missing: not an orphan.
    if (c.waybill() != null && c.list() == null) return List.of(waybill(c.waybill()));
    return List.of();
  }

  private static Finding payment(ParcelContext c, Payment p) {
    String key = p.businessKey();
    String amount = p.amountPaid() == null ? "?" : Money.cny(p.amountPaid());
    return Finding.about(key)
        .order(key)
        .waybill(c.waybillKey())
        .enterprise(p.payCode())
        .messageGuid(p.guid())
        .entity("payer", p.payerId() == null ? null : p.payerId().hash())
        .explain(
            "支付单 "
                + p.payTransactionId()
                + "（"
                + amount
                + " "
                + p.currency()
                + "）所付订单 "
                + p.orderNo()
                + " 到期仍未申报",
            "payment "
                + p.payTransactionId()
                + " ("
                + amount
                + " "
                + p.currency()
                + ") is for order "
                + p.orderNo()
                + ", never declared by the deadline")
        .evidence("document", "payment")
        .evidence("recordGuid", p.guid())
        .evidence("orderKey", key)
        .evidence("payCode", p.payCode())
        .evidence("payTransactionId", p.payTransactionId())
        .evidence("amountPaid", p.amountPaid() == null ? null : p.amountPaid().toPlainString())
        .evidence("currency", p.currency())
        .evidence("payTime", p.eventTime())
        .score(70)
        .at(p.eventTime())
        .build();
  }

  private static Finding waybill(Waybill w) {
    String key = w.businessKey();
    return Finding.about(key)
        .waybill(key)
        .enterprise(w.logisticsCode())
        .messageGuid(w.guid())
        .explain(
            "运单 " + w.logisticsNo() + "（" + w.appTime() + " 申报，重量 " + plain(w) + " kg）到期仍无清单引用",
            "waybill "
                + w.logisticsNo()
                + " (declared "
                + w.appTime()
                + ", "
                + plain(w)
                + " kg) is named by no customs list by the deadline")
        .evidence("document", "waybill")
        .evidence("recordGuid", w.guid())
        .evidence("waybillKey", key)
        .evidence("billNo", w.billNo())
        .evidence("weight", w.weight() == null ? null : w.weight().toPlainString())
        .evidence("waybillTime", w.eventTime())
        .score(60)
        .at(w.eventTime())
        .build();
  }

  private static String plain(Waybill w) {
    return w.weight() == null ? "?" : w.weight().toPlainString();
  }
}
