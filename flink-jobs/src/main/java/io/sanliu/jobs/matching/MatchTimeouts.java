package io.sanliu.jobs.matching;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long, in event time after the order, each document may take before the parcel is reported
 * incomplete: the payment (e.g. 30 minutes) and everything else (e.g. 24 hours).
 */
public record MatchTimeouts(Duration payment, Duration complete) implements Serializable {
  public static final MatchTimeouts DEFAULT =
      new MatchTimeouts(Duration.ofMinutes(30), Duration.ofHours(24));

  /** The timeouts {@code SANLIU_MATCH_PAYMENT_WAIT} and {@code SANLIU_MATCH_DOCUMENTS_WAIT} set. */
  public static MatchTimeouts from(io.sanliu.model.config.Config config) {
    return new MatchTimeouts(
        config.getDuration(io.sanliu.model.config.ConfigKey.MATCH_PAYMENT_WAIT),
        config.getDuration(io.sanliu.model.config.ConfigKey.MATCH_DOCUMENTS_WAIT));
  }
}
