package io.sanliu.simulator.zone;

import io.sanliu.model.codes.Country;
import io.sanliu.model.codes.CurrencyCode;
import io.sanliu.model.fx.DefaultFxRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The zone's export markets (customs country codes) with the currency their orders are priced in,
 * and how the simulator prices exports in them.
 */
public final class Markets {
  private Markets() {}

  /** Export destination → currency of its orders. */
  public static final Map<String, CurrencyCode> CURRENCY =
      Map.ofEntries(
          Map.entry("502", CurrencyCode.USD),
          Map.entry("303", CurrencyCode.GBP),
          Map.entry("304", CurrencyCode.EUR),
          Map.entry("305", CurrencyCode.EUR),
          Map.entry("307", CurrencyCode.EUR),
          Map.entry("312", CurrencyCode.EUR),
          Map.entry("309", CurrencyCode.EUR),
          Map.entry("116", CurrencyCode.JPY),
          Map.entry("601", CurrencyCode.AUD),
          Map.entry("501", CurrencyCode.CAD),
          Map.entry("132", CurrencyCode.SGD),
          Map.entry("344", CurrencyCode.USD),
          Map.entry("410", CurrencyCode.USD),
          Map.entry("429", CurrencyCode.USD),
          Map.entry("138", CurrencyCode.USD),
          Map.entry("131", CurrencyCode.USD),
          Map.entry("136", CurrencyCode.USD),
          Map.entry("122", CurrencyCode.USD),
          Map.entry("141", CurrencyCode.USD),
          Map.entry("133", CurrencyCode.USD));

  /** Destinations, the most frequent first. */
  public static final List<String> DESTINATIONS =
      List.of(
          "502", "303", "304", "116", "601", "305", "501", "344", "410", "429", "307", "312", "309",
          "138", "131", "136", "122", "132", "141", "133");

  /**
   * An amount in yuan converted to a currency (customs code), to the cent, at the platform's
   * default rate: the rate the FX feed opens with.
   */
  public static BigDecimal fromYuan(BigDecimal yuan, String currency) {
    BigDecimal rate = DefaultFxRates.cnyPerUnit(CurrencyCode.fromCode(currency));
    return yuan.divide(rate, 2, RoundingMode.HALF_UP);
  }

  /** ISO alpha-2 of a customs country code (for passport numbers). */
  public static String iso2(String country) {
    return Country.find(country).map(Country::iso2).orElse("XX");
  }

  /** English name of a customs country code. */
  public static String nameEn(String country) {
    return Country.find(country).map(Country::nameEn).orElse("Unknown");
  }
}
