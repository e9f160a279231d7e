package io.sanliu.model.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ComprehensiveTaxTest {
  @Test
  void theDefaultRateIsThirteenPercentVatAtSeventyPercent() {
    assertEquals(
        0,
        new BigDecimal("0.13")
            .multiply(new BigDecimal("0.7"))
            .compareTo(ComprehensiveTax.DEFAULT.rate()));
  }

  @Test
  void theTaxIsRoundedHalfUpToTheCent() {
    // 50.00 x 0.091 = 4.55 exactly; 5.50 -> 0.5005 -> 0.50; 0.55 -> 0.05005 -> 0.05;
    // 1.50 -> 0.1365 -> 0.14 (the half rounds up).
    assertEquals(new BigDecimal("4.55"), ComprehensiveTax.DEFAULT.on(new BigDecimal("50.00")));
    assertEquals(new BigDecimal("0.50"), ComprehensiveTax.DEFAULT.on(new BigDecimal("5.50")));
    assertEquals(new BigDecimal("0.05"), ComprehensiveTax.DEFAULT.on(new BigDecimal("0.55")));
    assertEquals(new BigDecimal("0.14"), ComprehensiveTax.DEFAULT.on(new BigDecimal("1.50")));
  }

  @Test
  void missingPartsOfTheTaxableValueCountAsZero() {
    assertEquals(
        new BigDecimal("12.30"),
        ComprehensiveTax.taxableValue(new BigDecimal("12.30"), null, null));
  }

  @Test
  void aNegativeRateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ComprehensiveTax(new BigDecimal("-1")));
  }
}
