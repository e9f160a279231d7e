package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.Money;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.util.List;

/**
 * 出口已付未发, the half the parcel sees: an export order paid, still without customs list and waybill
 * when the matcher gives up on the parcel (its last deadline). The other half, declared but never
 * moving, is the shipment stream's; its {@code within} parameter is that stream's, as the deadline
 * here is the matcher's.
 */
public final class ExportNeverDeclaredRule implements RiskRule<ParcelContext> {
  @Override
  public RuleType type() {
    return RuleType.EXPORT_NOT_SHIPPED;
  }

  @Override
  public List<Finding> evaluate(ParcelContext c, RuleDefinition rule) {
    // Incomplete with the payment there: only the last deadline reports that (the payment
    // deadline reports parcels whose payment is missing).
    if (!c.incomplete() || !c.export() || c.order() == null || c.payment() == null) {
      return List.of();
    }
    if (c.list() != null || c.waybill() != null) return List.of();
    Order o = c.order();
    Payment p = c.payment();
    String amount = p.amountPaid() == null ? "?" : Money.cny(p.amountPaid());
    return List.of(
        Finding.about(c.orderKey())
            .order(c.orderKey())
            .enterprise(c.enterpriseCode())
            .explain(
                "出口订单 "
                    + o.orderNo()
                    + " 已于 "
                    + p.eventTime()
                    + " 支付 "
                    + amount
                    + " "
                    + p.currency()
                    + "，到期仍无清单和运单",
                "export order "
                    + o.orderNo()
                    + " paid "
                    + amount
                    + " "
                    + p.currency()
                    + " at "
                    + p.eventTime()
                    + ", no customs list nor waybill by the deadline")
            .evidence("orderTime", o.eventTime())
            .evidence("payTime", p.eventTime())
            .evidence("amountPaid", p.amountPaid() == null ? null : p.amountPaid().toPlainString())
            .evidence("currency", p.currency())
            .evidence("tradeMode", c.tradeMode() == null ? null : c.tradeMode().code())
            .evidence("missing", String.join(",", c.result().missing()))
            .score(75)
            .at(p.eventTime())
            .build());
  }
}
