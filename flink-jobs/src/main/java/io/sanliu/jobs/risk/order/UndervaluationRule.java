package io.sanliu.jobs.risk.order;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * 低报价格: an order line priced below {@code minRatio} of its goods filing's price (same currency).
 * Lines without a filing are judged against their HS code's rolling median by the customs-list
 * stream ({@code HsMedianPrices}), which knows the HS code.
 */
public final class UndervaluationRule implements RiskRule<OrderContext> {
  @Override
  public RuleType type() {
    return RuleType.UNDERVALUATION;
  }

  @Override
  public List<Finding> evaluate(OrderContext c, RuleDefinition rule) {
    if (c.order().items() == null) return List.of();
    BigDecimal minRatio = rule.decimal("minRatio");
    OrderItem worst = null;
    BigDecimal worstRatio = null;
    GoodsFiling worstFiling = null;
    for (OrderItem item : c.order().items()) {
      GoodsFiling filing = c.filingsByItemNo().get(item.itemNo());
      if (filing == null || item.price() == null || filing.filedPrice() == null) continue;
      if (filing.filedPrice().signum() <= 0) continue;
      if (filing.currency() != null
          && item.currency() != null
          && !Objects.equals(filing.currency(), item.currency())) continue;
      BigDecimal ratio = item.price().divide(filing.filedPrice(), 4, RoundingMode.HALF_UP);
      if (ratio.compareTo(minRatio) < 0
          && (worstRatio == null || ratio.compareTo(worstRatio) < 0)) {
        worst = item;
        worstRatio = ratio;
        worstFiling = filing;
      }
    }
    if (worst == null) return List.of();
    String pct = worstRatio.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString();
    return List.of(
        Finding.about(c.orderKey())
            .order(c.orderKey())
            .enterprise(c.order().ebcCode())
            .explain(
                "商品 "
                    + worst.itemNo()
                    + " 申报单价 "
                    + worst.price().toPlainString()
                    + "，仅为备案价格 "
                    + worstFiling.filedPrice().toPlainString()
                    + " 的 "
                    + pct
                    + "%",
                "item "
                    + worst.itemNo()
                    + " declared at "
                    + worst.price().toPlainString()
                    + ", "
                    + pct
                    + "% of its filed price "
                    + worstFiling.filedPrice().toPlainString())
            .evidence("itemNo", worst.itemNo())
            .evidence("itemRecordNo", worstFiling.itemRecordNo())
            .evidence("declaredPrice", worst.price().toPlainString())
            .evidence("filedPrice", worstFiling.filedPrice().toPlainString())
            .evidence("ratio", worstRatio.toPlainString())
            .evidence("minRatio", minRatio.toPlainString())
            .evidence("reference", "goods filing")
            .score(Finding.excessScore(worstRatio.doubleValue(), minRatio.doubleValue(), true))
            .at(c.order().eventTime())
            .ingestedAt(c.envelope().ingestTime())
            .build());
  }
}
