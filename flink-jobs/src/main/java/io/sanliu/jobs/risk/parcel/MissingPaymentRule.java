package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.Money;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.Order;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.util.List;

/**
 * 支付单缺失: an order reported incomplete (at the payment deadline or the last one) with no payment
 * slip. The matcher owns the deadline, so the rule has no duration of its own.
 */
public final class MissingPaymentRule implements RiskRule<ParcelContext> {
  @Override
  public RuleType type() {
    return RuleType.MISSING_PAYMENT;
  }

  @Override
  public List<Finding> evaluate(ParcelContext c, RuleDefinition rule) {
    if (!c.incomplete() || c.order() == null || c.payment() != null) return List.of();
    Order o = c.order();
    String paid = o.acturalPaid() == null ? "?" : Money.cny(o.acturalPaid());
    return List.of(
        Finding.about(c.orderKey())
            .order(c.orderKey())
            .waybill(c.waybillKey())
            .enterprise(c.enterpriseCode())
            .entity("buyer", c.buyerHash())
            .explain(
                "订单 "
                    + o.orderNo()
                    + "（实付 "
                    + paid
                    + " "
                    + o.currency()
                    + "，"
                    + o.eventTime()
                    + " 下单）到期仍无支付单",
                "order "
                    + o.orderNo()
                    + " (paid "
                    + paid
                    + " "
                    + o.currency()
                    + ", placed "
                    + o.eventTime()
                    + ") has no payment slip by the deadline")
            .evidence("orderTime", o.eventTime())
            .evidence(
                "acturalPaid", o.acturalPaid() == null ? null : o.acturalPaid().toPlainString())
            .evidence("currency", o.currency())
            .evidence("payTransactionId", o.payTransactionId())
            .evidence("missing", String.join(",", c.result().missing()))
            .score(70)
            .at(o.eventTime())
            .build());
  }
}
