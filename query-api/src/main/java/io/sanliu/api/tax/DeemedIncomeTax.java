package io.sanliu.api.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Corporate income tax of retail exports in a pilot zone, deemed (核定征收) at a 4% taxable income rate
 * with the standard 25% rate applied to it (DOMAIN.md §4): 1% of the turnover. Both figures are
 * rounded half-up to the cent once, from the exact turnover in cents; the tax is taken from the
 * unrounded taxable income, so it is exactly 1% of the turnover rounded, never a rounding of a
 * rounding.
 */
public record DeemedIncomeTax(long taxableIncomeCents, long taxCents) {
  public static final BigDecimal TAXABLE_INCOME_RATE = new BigDecimal("0.04");
  public static final BigDecimal INCOME_TAX_RATE = new BigDecimal("0.25");

  public static DeemedIncomeTax of(long turnoverCents) {
    BigDecimal income = BigDecimal.valueOf(turnoverCents).multiply(TAXABLE_INCOME_RATE);
    return new DeemedIncomeTax(
        income.setScale(0, RoundingMode.HALF_UP).longValueExact(),
        income.multiply(INCOME_TAX_RATE).setScale(0, RoundingMode.HALF_UP).longValueExact());
  }
}
