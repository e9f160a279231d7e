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
}
