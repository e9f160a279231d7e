package io.sanliu.api.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeemedIncomeTaxTest {
  @Test
  void theTaxIsOnePercentOfTheTurnoverRoundedOnceHalfUp() {
    // 10,000.50 yuan: income 400.02, tax 100.005 -> 100.01.
    assertEquals(new DeemedIncomeTax(40_002, 10_001), DeemedIncomeTax.of(1_000_050));
    // 1,000.49 yuan: income 40.0196 -> 40.02; tax 10.0049 -> 10.00, where 25% of the rounded
    // income (10.005) would have rounded to 10.01.
    assertEquals(new DeemedIncomeTax(4_002, 1_000), DeemedIncomeTax.of(100_049));
  }

  @Test
  void noTurnoverNoTax() {
    assertEquals(new DeemedIncomeTax(0, 0), DeemedIncomeTax.of(0));
  }
}
