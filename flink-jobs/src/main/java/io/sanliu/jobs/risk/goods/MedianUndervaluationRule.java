package io.sanliu.jobs.risk.goods;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * 低报价格 for goods without a filing: a list line priced below {@code minRatio} of the rolling median
 * of its HS code (same currency), once {@code minSamples} prices make the median.
 */
public final class MedianUndervaluationRule implements RiskRule<PriceContext> {
  @Override
  public RuleType type() {
    return RuleType.UNDERVALUATION;
  }

  @Override
  public List<Finding> evaluate(PriceContext c, RuleDefinition rule) {
    if (c.median() == null || c.samples() < rule.count("minSamples")) return List.of();
    BigDecimal minRatio = rule.decimal("minRatio");
    BigDecimal ratio = c.line().price().divide(c.median(), 4, RoundingMode.HALF_UP);
    if (ratio.compareTo(minRatio) >= 0) return List.of();
    PricedLine l = c.line();
    String pct = ratio.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString();
    return List.of(
        Finding.about(l.orderKey())
            .order(l.orderKey())
            .enterprise(l.ebcCode())
            .explain(
                "未备案商品 "
                    + l.gcode()
                    + " 申报单价 "
                    + l.price().toPlainString()
                    + "，仅为同税号近期中位价 "
                    + c.median().toPlainString()
                    + " 的 "
                    + pct
                    + "%",
                "unfiled goods "
                    + l.gcode()
                    + " declared at "
                    + l.price().toPlainString()
                    + ", "
                    + pct
                    + "% of the HS code's recent median "
                    + c.median().toPlainString())
            .evidence("gcode", l.gcode())
            .evidence("itemNo", l.itemNo())
            .evidence("currency", l.currency())
            .evidence("declaredPrice", l.price().toPlainString())
            .evidence("medianPrice", c.median().toPlainString())
            .evidence("samples", c.samples())
            .evidence("ratio", ratio.toPlainString())
            .evidence("minRatio", minRatio.toPlainString())
            .evidence("reference", "rolling median of the HS code")
            .score(Finding.excessScore(ratio.doubleValue(), minRatio.doubleValue(), true))
            .at(l.eventTime())
            .ingestedAt(l.ingestTime())
            .build());
  }
}
