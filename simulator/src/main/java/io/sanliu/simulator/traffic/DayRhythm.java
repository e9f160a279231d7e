package io.sanliu.simulator.traffic;

import java.time.ZonedDateTime;

/**
 * The day and night of online shopping in China, by hour of the zone's clock: quiet before dawn, a
 * morning rise, a lunch bump and the evening peak around nine. Normalised to an average of 1, so
 * the configured rate is the mean over a day; the peak is about 1.8 times it, the night trough
 * about a fifth.
 */
public final class DayRhythm {
  private static final double[] HOURLY = {
    0.55, 0.35, 0.22, 0.16, 0.15, 0.18, 0.3, 0.5, 0.8, 1.05, 1.2, 1.25, 1.3, 1.2, 1.15, 1.15, 1.2,
    1.2, 1.25, 1.45, 1.75, 1.95, 1.7, 1.0
  };
  private static final double MEAN;

  static {
    double sum = 0;
    for (double h : HOURLY) sum += h;
    MEAN = sum / HOURLY.length;
  }

  private DayRhythm() {}

  /** The arrival rate factor at a moment of the zone's day (interpolated between hours). */
  public static double factor(ZonedDateTime zoneTime) {
    double hour = zoneTime.getHour() + zoneTime.getMinute() / 60.0 + zoneTime.getSecond() / 3600.0;
    int h = (int) hour;
    double frac = hour - h;
    double value = HOURLY[h] * (1 - frac) + HOURLY[(h + 1) % 24] * frac;
    return value / MEAN;
  }
}
