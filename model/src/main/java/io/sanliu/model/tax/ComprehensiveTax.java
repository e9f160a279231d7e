package io.sanliu.model.tax;

import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cross-border comprehensive tax of a retail import (跨境电商综合税, DOMAIN.md §4), computed the way
 * the {@link RuleType#TAX_BELOW_COMPUTED} rule computes it: the taxable value is goods, freight and
 * insurance; the tax is that value times the rate, half-up to the cent. The default rate is the
 * rule's default parameter (9.1%: 13% VAT × 70%), so the ledger and the rule agree unless a rule
 * definition on the control topic changes it.
 */
public record ComprehensiveTax(BigDecimal rate) {
  /** The rule's default rate, read from its parameter so there is one number to change. */
  public static final ComprehensiveTax DEFAULT =
      new ComprehensiveTax(
          new BigDecimal(
              RuleType.TAX_BELOW_COMPUTED.parameter("rate").orElseThrow().defaultValue()));

  public ComprehensiveTax {
    if (rate == null || rate.signum() < 0) {
      throw new IllegalArgumentException("rate must be a non-negative decimal, not " + rate);
    }
  }

  /** Goods plus freight plus insurance; a missing part counts as zero, as in the rule. */
  public static BigDecimal taxableValue(BigDecimal goods, BigDecimal freight, BigDecimal insured) {
    return orZero(goods).add(orZero(freight)).add(orZero(insured));
  }

  /** The tax on a taxable value, half-up to the cent. */
  public BigDecimal on(BigDecimal taxableValue) {
    return taxableValue.multiply(rate).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
