package io.sanliu.model.fx;

import io.sanliu.model.codes.CurrencyCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An exchange rate: how many yuan one unit of a currency is worth from a moment on, e.g. the
 * People's Bank of China central parity of a day as the zone's FX feed relays it. Rates travel on
 * {@link io.sanliu.model.kafka.Topics#FX_RATES} (key {@link #key()}); the statistics convert a
 * foreign amount with the latest rate of its currency valid at the document's time, and with {@link
 * DefaultFxRates} when none is.
 *
 * @param currency customs currency code as CEB documents write it (e.g. {@code 502} for USD)
 * @param cnyPerUnit yuan per one unit of the currency (e.g. {@code 7.1052} for USD, {@code
 *     0.047891} for JPY), positive
 * @param validFrom the moment from which it applies
 */
public record FxRate(String currency, BigDecimal cnyPerUnit, Instant validFrom) {

  public FxRate {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(cnyPerUnit, "cnyPerUnit");
    Objects.requireNonNull(validFrom, "validFrom");
    // A rate for a currency the documents cannot carry would never be used: refuse it loudly.
    currency = CurrencyCode.fromCode(currency).code();
    if (cnyPerUnit.signum() <= 0) {
      throw new IllegalArgumentException(
          "cnyPerUnit must be positive, not " + cnyPerUnit.toPlainString());
    }
  }

  /**
   * The Kafka key: currency and start. The topic is compacted, and a key per start keeps every rate
   * of the past, so late documents and replays are priced as they were the first time.
   */
  public String key() {
    return currency + "@" + validFrom;
  }
}
