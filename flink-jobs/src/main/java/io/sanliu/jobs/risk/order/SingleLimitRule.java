package io.sanliu.jobs.risk.order;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.Money;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.util.List;

/** 单笔交易超限: a retail import order's taxable value (goods + freight) over the single limit. */
public final class SingleLimitRule implements RiskRule<OrderContext> {
  @Override
  public RuleType type() {
    return RuleType.SINGLE_LIMIT;
  }

  @Override
  public List<Finding> evaluate(OrderContext c, RuleDefinition rule) {
    if (!c.retailImport()) return List.of();
    BigDecimal limit = rule.decimal("limit");
    BigDecimal value = c.taxableValue();
    if (value.compareTo(limit) <= 0) return List.of();
    return List.of(
        Finding.about(c.orderKey())
            .order(c.orderKey())
            .enterprise(c.order().ebcCode())
            .entity("buyer", c.order().buyerId() == null ? null : c.order().buyerId().hash())
            .explain(
                "订单完税价格 " + Money.cny(value) + " 元，超过单笔限值 " + Money.cny(limit) + " 元",
                "taxable value " + Money.cny(value) + " CNY > single limit " + Money.cny(limit))
            .evidence("taxableValue", value.toPlainString())
            .evidence("goodsValue", c.order().goodsValue())
            .evidence("freight", c.order().freight())
            .evidence("acturalPaid", c.order().acturalPaid())
            .evidence("limit", limit.toPlainString())
            .score(Finding.excessScore(value.doubleValue(), limit.doubleValue(), false))
            .at(c.order().eventTime())
            .ingestedAt(c.envelope().ingestTime())
            .build());
  }
}
