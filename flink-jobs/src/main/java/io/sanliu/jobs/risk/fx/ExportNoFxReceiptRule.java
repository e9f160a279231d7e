package io.sanliu.jobs.risk.fx;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.jobs.risk.Spans;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * 出口未收汇: an export paid abroad whose proceeds received in the payment's currency are still short of
 * the amount paid (less {@code tolerance}, a share for bank fees) {@code within} after the payment.
 * Judged once, when that time comes; receipts in another currency do not count (they are listed in
 * the evidence).
 */
public final class ExportNoFxReceiptRule implements RiskRule<FxContext> {
  @Override
  public RuleType type() {
    return RuleType.EXPORT_NO_FX_RECEIPT;
  }

  @Override
  public List<Finding> evaluate(FxContext c, RuleDefinition rule) {
    FxSignal paid = c.account().payment;
    if (paid == null) return List.of();
    Duration within = rule.duration("within");
    Instant due = paid.at().plus(within);
    if (!due.equals(c.due())) return List.of(); // another definition's deadline
    BigDecimal received = c.account().receivedIn(paid.currency());
    BigDecimal needed =
        paid.amount()
            .multiply(BigDecimal.ONE.subtract(rule.decimal("tolerance")))
            .setScale(2, RoundingMode.HALF_UP);
    if (received.compareTo(needed) >= 0) return List.of();
    String amount = paid.amount().toPlainString();
    String got = received.toPlainString();
    List<String> other =
        c.account().receipts.values().stream()
            .filter(r -> !r.currency().equals(paid.currency()))
            .map(r -> r.id() + " " + r.amount().toPlainString() + " (" + r.currency() + ")")
            .toList();
    boolean none = c.account().receipts.isEmpty();
    Finding.Builder f =
        Finding.about(c.orderKey())
            .order(c.orderKey())
            .enterprise(paid.ebcCode())
            .explain(
                "出口订单 "
                    + c.orderKey()
                    + " 已付款 "
                    + amount
                    + "（币制 "
                    + paid.currency()
                    + "），付款后 "
                    + Spans.zh(within)
                    + (none ? "内未收汇" : "内仅收汇 " + got),
                "export "
                    + c.orderKey()
                    + " paid "
                    + amount
                    + " (currency "
                    + paid.currency()
                    + "): "
                    + (none ? "no proceeds received" : "only " + got + " received")
                    + " within "
                    + Spans.en(within)
                    + " of the payment")
            .evidence("amountPaid", amount)
            .evidence("currency", paid.currency())
            .evidence("received", got)
            .evidence("receipts", c.account().receipts.size())
            .evidence("receiptIds", String.join(",", c.account().receipts.keySet()))
            .evidence("paidAt", paid.at())
            .evidence("due", due)
            .evidence("within", within)
            .score(none ? 80 : 60)
            .at(due);
    if (!other.isEmpty()) f.evidence("otherCurrencies", String.join("; ", other));
    return List.of(f.build());
  }
}
