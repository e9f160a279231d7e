package io.sanliu.jobs.stats;

import java.time.Instant;

/** A document in a currency that has no exchange rate: it cannot be counted in yuan. */
public final class MissingRateException extends RuntimeException {
  private final String currency;

  public MissingRateException(String currency, Instant at) {
    super(
        "no exchange rate for currency '"
            + currency
            + "' at "
            + at
            + ": neither published on sanliu.fx-rates nor in the default table");
    this.currency = currency;
  }

  public String currency() {
    return currency;
  }
}
