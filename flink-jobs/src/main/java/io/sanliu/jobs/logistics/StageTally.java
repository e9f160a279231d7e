package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Running statistics of one kind of stage: count, sum, extremes, where the parcels went next, and a
 * fixed histogram of durations for percentiles. Bounded (a few hundred bytes per key, whatever the
 * traffic) and exact in count and mean; percentiles are read from the histogram, whose buckets grow
 * by a quarter from one second up (the last one starts at about 14 months), interpolated linearly
 * within their bucket: off by less than the bucket's width, a quarter of the value. One second to
 * start with, because a compressed demo zone has stages of seconds.
 *
 * <p>Every sample counts the same, however old: usual durations change slowly, and the statistics
 * of a route live as long as the job's state.
 *
 * @param buckets counts per duration bucket (see {@link #upperSeconds})
 * @param next counts per next state, by {@link ShipmentState#ordinal()}
 * @param updatedAt event time of the latest sample
 */
public record StageTally(
    long count,
    double sumMinutes,
    double minMinutes,
    double maxMinutes,
    long[] buckets,
    long[] next,
    Instant updatedAt) {

  static final int BUCKETS = 80;
  static final double GROWTH = 1.25;

  public static StageTally empty() {
    return new StageTally(
        0, 0, 0, 0, new long[BUCKETS], new long[ShipmentState.values().length], null);
  }

  /** Upper bound (exclusive) of bucket {@code i} in seconds; the last bucket has none. */
  static double upperSeconds(int i) {
    return Math.pow(GROWTH, i);
  }

  static int bucketOf(double seconds) {
    if (seconds < 1) return 0;
    int i = (int) Math.floor(Math.log(seconds) / Math.log(GROWTH)) + 1;
    return Math.min(i, BUCKETS - 1);
  }

  /** With one more sample (negative durations, from a clock error, count as zero). */
  public StageTally add(double minutes, ShipmentState nextState, Instant at) {
    double m = Math.max(0, minutes);
    long[] b = buckets.clone();
    b[bucketOf(m * 60)]++;
    long[] n = next.clone();
    if (nextState != null) n[nextState.ordinal()]++;
    return new StageTally(
        count + 1,
        sumMinutes + m,
        count == 0 ? m : Math.min(minMinutes, m),
        count == 0 ? m : Math.max(maxMinutes, m),
        b,
        n,
        updatedAt == null || (at != null && at.isAfter(updatedAt)) ? at : updatedAt);
  }

  public double meanMinutes() {
    return count == 0 ? 0 : sumMinutes / count;
  }

  /**
   * The {@code q}-quantile in minutes (0 &lt; q &le; 1), interpolated linearly inside its bucket
   * and kept within the smallest and largest sample.
   */
  public double percentileMinutes(double q) {
    if (count == 0) return 0;
    double rank = q * count;
    long below = 0;
    for (int i = 0; i < BUCKETS; i++) {
      long inBucket = buckets[i];
      if (inBucket > 0 && below + inBucket >= rank) {
        double lower = i == 0 ? 0 : upperSeconds(i - 1);
        double upper = i == BUCKETS - 1 ? maxMinutes * 60 : upperSeconds(i);
        double share = (rank - below) / inBucket;
        double seconds = lower + (upper - lower) * share;
        return Math.min(maxMinutes, Math.max(minMinutes, seconds / 60));
      }
      below += inBucket;
    }
    return maxMinutes;
  }

  /** Where most parcels went from this stage; null before any sample. */
  public ShipmentState usualNext() {
    ShipmentState best = null;
    long most = 0;
    for (ShipmentState s : ShipmentState.values()) {
      if (next[s.ordinal()] > most) {
        most = next[s.ordinal()];
        best = s;
      }
    }
    return best;
  }

  /** Counts per next state, by name, in the order of the states; states never seen left out. */
  public Map<String, Long> nextCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (ShipmentState s : ShipmentState.values()) {
      if (next[s.ordinal()] > 0) out.put(s.name(), next[s.ordinal()]);
    }
    return out;
  }

  public StageSummary summary(StageKey key) {
    return new StageSummary(
        key.id(),
        key.stage(),
        key.stage().nameZh(),
        key.route(),
        key.transportMode(),
        key.carrier(),
        key.isOverall(),
        count,
        ShipmentDocument.round(meanMinutes()),
        ShipmentDocument.round(percentileMinutes(0.5)),
        ShipmentDocument.round(percentileMinutes(0.9)),
        ShipmentDocument.round(minMinutes),
        ShipmentDocument.round(maxMinutes),
        usualNext(),
        nextCounts(),
        updatedAt);
  }
}
