package io.sanliu.model.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.codes.CurrencyCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefaultFxRatesTest {

  @ParameterizedTest
  @EnumSource(CurrencyCode.class)
  void everyCurrencyADocumentMayCarryHasAPositiveRate(CurrencyCode currency) {
    BigDecimal rate = DefaultFxRates.cnyPerUnit(currency);

    assertTrue(rate != null && rate.signum() > 0, currency + ": " + rate);
    assertEquals(Optional.of(rate), DefaultFxRates.find(currency.code()));
  }

  @Test
  void theYuanIsWorthOneYuanAndUnknownCodesHaveNoRate() {
    assertEquals(0, BigDecimal.ONE.compareTo(DefaultFxRates.cnyPerUnit(CurrencyCode.CNY)));
    assertEquals(Optional.empty(), DefaultFxRates.find("999"));
    assertEquals(Optional.empty(), DefaultFxRates.find(null));
  }

  @Test
  void theTableAsRatesCoversEveryCurrencyFromOneMoment() {
    Instant from = Instant.parse("2026-11-22T00:00:00Z");

    List<FxRate> rates = DefaultFxRates.asRates(from);

    assertEquals(CurrencyCode.values().length, rates.size());
    assertTrue(rates.stream().allMatch(r -> r.validFrom().equals(from)));
    assertEquals(
        new FxRate("502", new BigDecimal("7.10"), from),
        rates.stream().filter(r -> r.currency().equals("502")).findFirst().orElseThrow());
  }
}
