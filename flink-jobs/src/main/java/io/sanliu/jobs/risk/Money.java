package io.sanliu.jobs.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as explanations show them: thousands separated, cents when there are any. */
public final class Money {
  private Money() {}

  public static String cny(BigDecimal amount) {
    BigDecimal v = amount.setScale(2, RoundingMode.HALF_UP);
    String pattern = v.stripTrailingZeros().scale() <= 0 ? "#,##0" : "#,##0.00";
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }
}
