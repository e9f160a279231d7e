package io.sanliu.api.screens;

import io.sanliu.api.Params;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The window sizes the statistics are stored in ({@code windowSize} of {@code sanliu-trade-stats}):
 * minutes and hours as in UTC, days as the zone's calendar days (Asia/Shanghai, midnight at 16:00
 * UTC). Also the intervals of the series, each with the longest range one request may ask for.
 */
enum StatsWindow {
  MINUTE("1m", Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofHours(1)),
  HOUR("1h", Duration.ofHours(1), Duration.ofDays(31), Duration.ofDays(1)),
  DAY("1d", Duration.ofDays(1), Duration.ofDays(366), Duration.ofDays(30));

  /** The zone's calendar: China keeps UTC+8 without daylight saving. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final String label;
  private final Duration length;
  private final Duration maxRange;
  private final Duration defaultRange;

  StatsWindow(String label, Duration length, Duration maxRange, Duration defaultRange) {
    this.label = label;
    this.length = length;
    this.maxRange = maxRange;
    this.defaultRange = defaultRange;
  }

  String label() {
    return label;
  }

  Duration length() {
    return length;
  }

  /** The longest from-to range of a series at this interval (bounds the answer's size). */
  Duration maxRange() {
    return maxRange;
  }

  /** The range of a series when the request gives no {@code from}. */
  Duration defaultRange() {
    return defaultRange;
  }

  /** The start of the window holding {@code t}. */
  Instant floor(Instant t) {
    return switch (this) {
      case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY -> t.atZone(ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();
    };
  }

  /** The first window start at or after {@code t}. */
  Instant ceil(Instant t) {
    Instant f = floor(t);
    return f.equals(t) ? t : f.plus(length);
  }

  boolean aligned(Instant t) {
    return floor(t).equals(t);
  }

  static StatsWindow of(String param, String label) {
    for (StatsWindow w : values()) {
      if (w.label.equals(label)) return w;
    }
    throw Params.invalid(param, "must be one of 1m, 1h, 1d, not '" + label + "'");
  }
}
