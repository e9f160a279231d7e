package io.sanliu.model.credit;

import java.time.Duration;

/**
 * Exponential decay of old behaviour: an event {@code halfLife} old weighs half as much as one of
 * now, two half-lives old a quarter. Applied to event time, so a replay gives the same weights.
 */
public record Decay(Duration halfLife) {

  public Decay {
    if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be a positive duration, not " + halfLife);
    }
  }

  /**
   * The weight of an event {@code ageMillis} old: 1 when new (or from the future), 0.5 at a
   * half-life.
   */
  public double weight(long ageMillis) {
    if (ageMillis <= 0) return 1.0;
    return Math.pow(0.5, (double) ageMillis / halfLife.toMillis());
  }
}
