package io.sanliu.jobs.index;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;

/**
 * The composite index's formula (docs/composite-index.md). Every minute, each component's level
 * over the trailing hour is compared with its level in the base period (= 100), and the composite
 * is the weighted sum of the sub-indices. Stable by construction:
 *
 * <ul>
 *   <li>levels are over the trailing hour, so one minute moves them by a sixtieth;
 *   <li>a component has no base until a full hour with at least {@link #MIN_BASE_SAMPLE} events has
 *       been seen; until then its sub-index is 100;
 *   <li>a mean or rate over a small sample (a few releases, deliveries or orders) is pulled toward
 *       100: {@code 100 x (1 + (r - 1) x n / (n + SHRINK))};
 *   <li>no division by the level: "more is better" is {@code 100 x level / base} (held within [0,
 *       {@link #MAX}]); "less is better" is {@code 100 x (2 - level / base)} (held within [0, 200]:
 *       half the base's clearance time or risk rate is 150, none at all 200, twice the base 0).
 * </ul>
 */
public final class CompositeIndexFormula {
  /** Minutes in the trailing window. */
  public static final int WINDOW_MINUTES = 60;

  /** Events a component's base must rest on. */
  public static final long MIN_BASE_SAMPLE = 30;

  /** Sample size at which a sampled component moves halfway to its raw ratio. */
  public static final double SHRINK = 50;

  /** Highest value of a sub-index (five times the base period). */
  public static final double MAX = 500;

  /** The risk base is at least one weighted alert per 10,000 orders: a clean base hour is no 0. */
  public static final double MIN_RISK_BASE = 1.0;

  private CompositeIndexFormula() {}

  /**
   * The point for the hour ending with the minute starting at {@code last}, setting the bases of
   * components that have none yet and qualify (the map of bases is updated in place).
   *
   * @param minutes measures by minute start (epoch millis); minutes without any are absent
   * @param last start of the minute published (epoch millis, on a minute)
   * @param firstMinute the first minute the job saw: the window is full only an hour after it
   * @param bases the base level per component, set once
   */
  public static CompositeIndexPoint point(
      NavigableMap<Long, MinuteMeasures> minutes,
      long last,
      long firstMinute,
      Map<SubIndex, Double> bases) {
    long from = last - (WINDOW_MINUTES - 1) * 60_000L;
    MinuteMeasures hour = new MinuteMeasures();
    minutes.subMap(from, true, last, true).values().forEach(hour::merge);
    boolean full = from >= firstMinute;
    Map<SubIndex, CompositeIndexPoint.Component> components = new EnumMap<>(SubIndex.class);
    double composite = 0;
    for (SubIndex s : SubIndex.values()) {
      MinuteMeasures.Level level = hour.level(s);
      if (!bases.containsKey(s) && full && level.sample() >= MIN_BASE_SAMPLE) {
        double base = s == SubIndex.RISK ? Math.max(MIN_RISK_BASE, level.value()) : level.value();
        if (base > 0) bases.put(s, base);
      }
      Double base = bases.get(s);
      double value = subIndex(s, level, base);
      components.put(
          s, new CompositeIndexPoint.Component(value, level.value(), level.sample(), base));
      composite += s.weight() * value;
    }
    return new CompositeIndexPoint(
        Instant.ofEpochMilli(last),
        Instant.ofEpochMilli(last + 60_000),
        round(composite),
        components);
  }

  /** One component's sub-index: 100 at its base level, higher when it does better. */
  public static double subIndex(SubIndex s, MinuteMeasures.Level level, Double base) {
    if (base == null || !(base > 0)) return 100; // no base period yet: neutral
    double ratio;
    if (s.sampled() && level.sample() == 0) {
      ratio = 1; // nothing observed this hour: no news
    } else if (s.moreIsBetter()) {
      ratio = level.value() / base;
    } else {
      ratio = Math.max(0, 2 - level.value() / base);
    }
    if (s.sampled()) ratio = 1 + (ratio - 1) * level.sample() / (level.sample() + SHRINK);
    return round(Math.min(MAX, Math.max(0, 100 * ratio)));
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
