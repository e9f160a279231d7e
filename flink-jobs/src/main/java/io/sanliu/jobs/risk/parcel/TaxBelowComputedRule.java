package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.Money;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.Order;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import io.sanliu.model.tax.ComprehensiveTax;
import java.math.BigDecimal;
import java.util.List;

/**
 * 税款少报: a retail import whose declared {@code taxTotal} is below the comprehensive tax computed
 * from goods, freight and insurance. Insurance is on the list (or the waybill), not the order: an
 * outcome without either is judged only when it is the matcher's last word, so that a parcel is not
 * judged on a partial value.
 */
public final class TaxBelowComputedRule implements RiskRule<ParcelContext> {
  @Override
  public RuleType type() {
    return RuleType.TAX_BELOW_COMPUTED;
  }

  @Override
  public List<Finding> evaluate(ParcelContext c, RuleDefinition rule) {
    if (!c.retailImport() || c.order() == null || c.order().taxTotal() == null) return List.of();
    if (c.list() == null && c.waybill() == null && !c.incomplete()) return List.of();
    Order o = c.order();
    BigDecimal rate = rule.decimal("rate");
    BigDecimal tolerance = rule.decimal("tolerance");
    BigDecimal goods = ParcelContext.orZero(o.goodsValue());
    BigDecimal freight = ParcelContext.orZero(o.freight());
    BigDecimal insured = c.insuredFee();
    // The same computation as the verified-trade ledger's tax figures.
    BigDecimal taxable = ComprehensiveTax.taxableValue(goods, freight, insured);
    BigDecimal computed = new ComprehensiveTax(rate).on(taxable);
    BigDecimal declared = o.taxTotal();
    if (declared.compareTo(computed.subtract(tolerance)) >= 0) return List.of();
    BigDecimal shortfall = computed.subtract(declared);
    return List.of(
        Finding.about(c.orderKey())
            .order(c.orderKey())
            .waybill(c.waybillKey())
            .enterprise(c.enterpriseCode())
            .entity("buyer", c.buyerHash())
            .explain(
                "申报税款 "
                    + Money.cny(declared)
                    + " 元，低于按完税价格 "
                    + Money.cny(taxable)
                    + " 元 × "
                    + rate.toPlainString()
                    + " 计算的 "
                    + Money.cny(computed)
                    + " 元（少 "
                    + Money.cny(shortfall)
                    + " 元）",
                "declared tax "
                    + Money.cny(declared)
                    + " CNY < computed "
                    + Money.cny(computed)
                    + " ("
                    + rate.toPlainString()
                    + " x "
                    + Money.cny(taxable)
                    + "), short by "
                    + Money.cny(shortfall))
            .evidence("taxTotal", declared.toPlainString())
            .evidence("computedTax", computed.toPlainString())
            .evidence("taxableValue", taxable.toPlainString())
            .evidence("goodsValue", goods.toPlainString())
            .evidence("freight", freight.toPlainString())
            .evidence("insuredFee", insured.toPlainString())
            .evidence(
                "insuredFeeFrom",
                c.list() != null ? "list" : c.waybill() != null ? "waybill" : "none")
            .evidence("rate", rate.toPlainString())
            .evidence("tolerance", tolerance.toPlainString())
            .score(
                Finding.excessScore(
                    declared.doubleValue(), computed.subtract(tolerance).doubleValue(), true))
            .at(o.eventTime())
            .build());
  }
}
