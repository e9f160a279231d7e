package io.sanliu.jobs.stats;

import io.sanliu.model.codes.CurrencyCode;
import io.sanliu.model.fx.DefaultFxRates;
import io.sanliu.model.fx.FxRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exchange rates a job knows: every rate published so far, by currency and start, over the
 * default table. An amount is converted with the latest published rate of its currency valid at the
 * document's time, else with the default rate; yuan are worth one yuan whatever is published.
 */
public final class FxTable {
  private final Map<String, NavigableMap<Instant, BigDecimal>> published = new HashMap<>();

  /** A table of the given published rates. */
  public static FxTable of(Iterable<FxRate> rates) {
    FxTable table = new FxTable();
    for (FxRate r : rates) table.add(r);
    return table;
  }

  /** Adds a published rate; one of the same currency and start replaces it (a correction). */
  public void add(FxRate rate) {
    published
        .computeIfAbsent(rate.currency(), c -> new TreeMap<>())
        .put(rate.validFrom(), rate.cnyPerUnit());
  }

  /**
   * Yuan per unit of a customs currency code at {@code at}; a document without a currency is in
   * yuan (CEB amounts default to the yuan).
   */
  public Optional<BigDecimal> cnyPerUnit(String currency, Instant at) {
    String code =
        currency == null || currency.isBlank() ? CurrencyCode.CNY.code() : currency.trim();
    if (code.equals(CurrencyCode.CNY.code())) return Optional.of(BigDecimal.ONE);
    NavigableMap<Instant, BigDecimal> history = published.get(code);
    Entry<Instant, BigDecimal> valid = history == null ? null : history.floorEntry(at);
    return valid != null ? Optional.of(valid.getValue()) : DefaultFxRates.find(code);
  }

  /**
   * An amount in yuan cents: amount times rate, rounded half up to the cent once, so that sums of
   * these cents are exact.
   *
   * @throws MissingRateException when the currency is in neither the published rates nor the table
   */
  public long cents(BigDecimal amount, String currency, Instant at) {
    BigDecimal rate =
        cnyPerUnit(currency, at).orElseThrow(() -> new MissingRateException(currency, at));
    return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
  }
}
