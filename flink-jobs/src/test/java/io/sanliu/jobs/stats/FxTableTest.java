package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanliu.model.fx.FxRate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FxTableTest {
  static final Instant MON = Instant.parse("2026-11-22T16:00:00Z");
  static final Instant TUE = MON.plusSeconds(86_400);

  static FxTable usdMondayAndTuesday() {
    return FxTable.of(
        List.of(
            new FxRate("502", new BigDecimal("7.1000"), MON),
            new FxRate("502", new BigDecimal("7.2000"), TUE)));
  }

  @Test
  void anAmountIsConvertedWithTheLatestRateValidAtItsTime() {
    FxTable fx = usdMondayAndTuesday();

    assertEquals(Optional.of(new BigDecimal("7.1000")), fx.cnyPerUnit("502", MON));
    assertEquals(Optional.of(new BigDecimal("7.1000")), fx.cnyPerUnit("502", TUE.minusMillis(1)));
    assertEquals(Optional.of(new BigDecimal("7.2000")), fx.cnyPerUnit("502", TUE.plusSeconds(9)));
  }

  @Test
  void beforeAnyPublishedRateAndForUnpublishedCurrenciesTheDefaultTableApplies() {
    FxTable fx = usdMondayAndTuesday();

    assertEquals(Optional.of(new BigDecimal("7.10")), fx.cnyPerUnit("502", MON.minusMillis(1)));
    assertEquals(Optional.of(new BigDecimal("7.75")), fx.cnyPerUnit("300", TUE));
  }

  @Test
  void theYuanIsOneAndADocumentWithoutCurrencyIsInYuan() {
    FxTable fx = FxTable.of(List.of());

    assertEquals(Optional.of(BigDecimal.ONE), fx.cnyPerUnit("142", MON));
    assertEquals(Optional.of(BigDecimal.ONE), fx.cnyPerUnit(null, MON));
    assertEquals(12345, fx.cents(new BigDecimal("123.45"), null, MON));
  }

  @Test
  void centsAreRoundedHalfUpOnceFromTheExactProduct() {
    FxTable fx = FxTable.of(List.of(new FxRate("116", new BigDecimal("0.047891"), MON)));

    // 1,234 yen x 0.047891 = 59.097494 yuan
    assertEquals(5910, fx.cents(new BigDecimal("1234"), "116", MON));
    // 12.50 x 7.1 = 88.750 exactly: half up
    assertEquals(8875, fx.cents(new BigDecimal("12.50"), "502", MON));
    // 0.125 x 1 = 0.125: half up to 0.13
    assertEquals(13, fx.cents(new BigDecimal("0.125"), "142", MON));
  }

  @Test
  void aCorrectionOfTheSameStartReplacesTheRate() {
    FxTable fx = usdMondayAndTuesday();

    fx.add(new FxRate("502", new BigDecimal("7.1500"), MON));

    assertEquals(Optional.of(new BigDecimal("7.1500")), fx.cnyPerUnit("502", MON));
  }

  @Test
  void aCurrencyWithNoRateAnywhereCannotBeConverted() {
    MissingRateException e =
        assertThrows(
            MissingRateException.class,
            () -> FxTable.of(List.of()).cents(BigDecimal.TEN, "999", MON));

    assertEquals("999", e.currency());
  }
}
