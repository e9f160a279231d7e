package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.Money;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.privacy.PersonalField;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.util.List;
import java.util.Objects;

/**
 * 支付人非订购人: a retail import paid with another person's ID than the buyer's (compared by keyed hash;
 * shown masked). Retail imports count against the buyer's own quota, so the buyer must pay.
 */
public final class PayerNotBuyerRule implements RiskRule<ParcelContext> {
  @Override
  public RuleType type() {
    return RuleType.PAYER_NOT_BUYER;
  }

  @Override
  public List<Finding> evaluate(ParcelContext c, RuleDefinition rule) {
    if (!c.retailImport() || c.order() == null || c.payment() == null) return List.of();
    Order o = c.order();
    Payment p = c.payment();
    PersonalField buyer = o.buyerId();
    PersonalField payer = p.payerId();
    // Without both IDs there is nothing to compare: the matcher's check reports the gap.
    if (buyer == null || payer == null || buyer.hash() == null || payer.hash() == null) {
      return List.of();
    }
    if (Objects.equals(buyer.hash(), payer.hash())) return List.of();
    String amount = p.amountPaid() == null ? "?" : Money.cny(p.amountPaid());
    return List.of(
        Finding.about(c.orderKey())
            .order(c.orderKey())
            .waybill(c.waybillKey())
            .enterprise(c.enterpriseCode())
            .entity("buyer", buyer.hash())
            .entity("payer", payer.hash())
            .explain(
                "进口订单 "
                    + o.orderNo()
                    + " 由 "
                    + payer.masked()
                    + " 支付 "
                    + amount
                    + " 元，订购人为 "
                    + buyer.masked(),
                "import order "
                    + o.orderNo()
                    + " paid "
                    + amount
                    + " by "
                    + payer.masked()
                    + ", not by the buyer "
                    + buyer.masked())
            .evidence("payerId", payer.masked())
            .evidence("buyerId", buyer.masked())
            .evidence("payerIdType", p.payerIdType())
            .evidence("buyerIdType", o.buyerIdType())
            .evidence("amountPaid", p.amountPaid() == null ? null : p.amountPaid().toPlainString())
            .evidence("payTransactionId", p.payTransactionId())
            .score(80)
            .at(p.eventTime())
            .build());
  }
}
