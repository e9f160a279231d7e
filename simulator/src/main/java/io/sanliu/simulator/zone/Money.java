package io.sanliu.simulator.zone;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as CEB documents carry them: decimals to the cent, written without exponent. */
public final class Money {
  public static final BigDecimal ZERO = new BigDecimal("0.00");

  private Money() {}

  public static BigDecimal cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  public static BigDecimal of(double value) {
    return cents(BigDecimal.valueOf(value));
  }

  public static BigDecimal times(BigDecimal a, double factor) {
    return cents(a.multiply(BigDecimal.valueOf(factor)));
  }

  public static BigDecimal times(BigDecimal a, BigDecimal b) {
    return cents(a.multiply(b));
  }

  public static String text(BigDecimal value) {
    return value.toPlainString();
  }
}
