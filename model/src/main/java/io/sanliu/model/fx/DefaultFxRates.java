package io.sanliu.model.fx;

import io.sanliu.model.codes.CurrencyCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Yuan per unit of every currency of {@link CurrencyCode}: the rates used for a document's time
 * when no rate on {@code sanliu.fx-rates} is valid then (the feed is down, or the zone has none).
 * Indicative mid rates of 2025, rounded; they keep the statistics in the right order of magnitude,
 * not exact. A zone publishes the day's central parity on the topic, which always wins.
 *
 * <p>The simulator prices exports with these numbers and opens its FX feed with them, so the
 * simulated statistics do not depend on whether its rates reached a job before its documents.
 */
public final class DefaultFxRates {
  private static final Map<CurrencyCode, BigDecimal> TABLE = new EnumMap<>(CurrencyCode.class);

  static {
    put(CurrencyCode.CNY, "1");
    put(CurrencyCode.HKD, "0.91");
    put(CurrencyCode.JPY, "0.048");
    put(CurrencyCode.MOP, "0.88");
    put(CurrencyCode.PHP, "0.125");
    put(CurrencyCode.SGD, "5.30");
    put(CurrencyCode.KRW, "0.0052");
    put(CurrencyCode.THB, "0.20");
    put(CurrencyCode.EUR, "7.75");
    put(CurrencyCode.DKK, "1.04");
    put(CurrencyCode.GBP, "9.05");
    put(CurrencyCode.NOK, "0.66");
    put(CurrencyCode.SEK, "0.67");
    put(CurrencyCode.CHF, "8.10");
    put(CurrencyCode.CAD, "5.20");
    put(CurrencyCode.USD, "7.10");
    put(CurrencyCode.AUD, "4.65");
    put(CurrencyCode.NZD, "4.25");
  }

  private DefaultFxRates() {}

  private static void put(CurrencyCode currency, String cnyPerUnit) {
    TABLE.put(currency, new BigDecimal(cnyPerUnit));
  }

  /** Yuan per unit of a currency. */
  public static BigDecimal cnyPerUnit(CurrencyCode currency) {
    return TABLE.get(currency);
  }

  /** Yuan per unit of a customs currency code, if the code is known. */
  public static Optional<BigDecimal> find(String customsCode) {
    return CurrencyCode.find(customsCode).map(TABLE::get);
  }

  /**
   * The whole table as rates valid from {@code validFrom}, in the order of {@link CurrencyCode}.
   */
  public static List<FxRate> asRates(Instant validFrom) {
    return Arrays.stream(CurrencyCode.values())
        .map(c -> new FxRate(c.code(), TABLE.get(c), validFrom))
        .toList();
  }
}
