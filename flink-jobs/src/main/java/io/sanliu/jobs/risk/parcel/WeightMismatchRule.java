package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * 重量不符: the waybill's weight far from the customs list's gross weight (relative difference over
 * {@code maxDeviation}): goods swapped, added or left out between declaration and carriage.
 */
public final class WeightMismatchRule implements RiskRule<ParcelContext> {
  @Override
  public RuleType type() {
    return RuleType.WEIGHT_MISMATCH;
  }

  @Override
  public List<Finding> evaluate(ParcelContext c, RuleDefinition rule) {
    Waybill w = c.waybill();
    CustomsList l = c.list();
    if (w == null || l == null || w.weight() == null || l.grossWeight() == null) return List.of();
    if (l.grossWeight().signum() <= 0) return List.of();
    BigDecimal maxDeviation = rule.decimal("maxDeviation");
    BigDecimal ratio = w.weight().divide(l.grossWeight(), 4, RoundingMode.HALF_UP);
    BigDecimal deviation = ratio.subtract(BigDecimal.ONE).abs();
    if (deviation.compareTo(maxDeviation) <= 0) return List.of();
    String pct = deviation.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    String maxPct = maxDeviation.movePointRight(2).stripTrailingZeros().toPlainString();
    String waybill = w.weight().toPlainString();
    String gross = l.grossWeight().toPlainString();
    return List.of(
        Finding.about(c.waybillKey())
            .order(c.orderKey())
            .waybill(c.waybillKey())
            .enterprise(c.enterpriseCode())
            .explain(
                "运单重量 "
                    + waybill
                    + " kg，清单毛重 "
                    + gross
                    + " kg，相差 "
                    + pct
                    + "%，超过允许的 "
                    + maxPct
                    + "%",
                "waybill weight "
                    + waybill
                    + " kg vs list gross weight "
                    + gross
                    + " kg: "
                    + pct
                    + "% off, more than "
                    + maxPct
                    + "%")
            .evidence("waybillWeight", waybill)
            .evidence("grossWeight", gross)
            .evidence("netWeight", l.netWeight() == null ? null : l.netWeight().toPlainString())
            .evidence("ratio", ratio.toPlainString())
            .evidence("maxDeviation", maxDeviation.toPlainString())
            .score(Finding.excessScore(deviation.doubleValue(), maxDeviation.doubleValue(), false))
            .at(w.eventTime())
            .build());
  }
}
