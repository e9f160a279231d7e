package io.sanliu.jobs.risk.enterprise;

import java.util.Arrays;

/**
 * An enterprise's order counts per event-time bucket for one rule definition, sparse (only buckets
 * with orders), and the start of the bucket of its first order, from which its history is counted.
 * Buckets are aligned on the epoch. What is kept is bounded by event time, not by the newest order:
 * the engine forgets buckets its watermark has left behind ({@link #forgetBefore}), so orders
 * running ahead of the watermark never push out the history a window still closing needs.
 * Immutable: {@link #add} gives a new one.
 *
 * @param bucketMillis the bucket length
 * @param firstStart start of the bucket from which its history counts: that of its first order, or
 *     earlier when the engine was watching before it ({@link #since})
 * @param keptFrom the earliest bucket still known; buckets before it were forgotten
 * @param starts the starts of the buckets with orders, ascending
 * @param counts the orders in each of those buckets
 * @param raised the starts of the windows an alert was raised for, ascending: a spike is one alert
 *     however its windows cross, in whatever order its orders arrive
 */
public record BucketCounts(
    long bucketMillis,
    long firstStart,
    long keptFrom,
    long[] starts,
    long[] counts,
    long[] raised) {

  /** Nothing counted yet. */
  static BucketCounts empty(long bucketMillis) {
    return new BucketCounts(
        bucketMillis, Long.MAX_VALUE, Long.MIN_VALUE, new long[0], new long[0], new long[0]);
  }

  /**
   * With its history starting no later than the step of {@code time} (the engine watched from then,
   * so empty steps since count as zero); unchanged for {@code Long.MAX_VALUE}.
   */
  BucketCounts since(long time) {
    if (time == Long.MAX_VALUE) return this;
    return new BucketCounts(
        bucketMillis, Math.min(firstStart, startOf(time)), keptFrom, starts, counts, raised);
  }

  long startOf(long time) {
    return Math.floorDiv(time, bucketMillis) * bucketMillis;
  }

  /** With one more order at {@code time}; one in a bucket already forgotten is dropped. */
  BucketCounts add(long time) {
    long start = startOf(time);
    if (start < keptFrom) return this;
    int i = Arrays.binarySearch(starts, start);
    long[] s;
    long[] c;
    if (i >= 0) {
      s = starts;
      c = counts.clone();
      c[i]++;
    } else {
      int at = -i - 1;
      s = insert(starts, at, start);
      c = insert(counts, at, 1);
    }
    return new BucketCounts(bucketMillis, Math.min(firstStart, start), keptFrom, s, c, raised);
  }

  /**
   * Without the buckets that start before the bucket of {@code time}: none will be judged again.
   */
  BucketCounts forgetBefore(long time) {
    long from = startOf(time);
    if (from <= keptFrom) return this;
    int i = Arrays.binarySearch(starts, from);
    int first = i >= 0 ? i : -i - 1;
    int r = Arrays.binarySearch(raised, from);
    int firstRaised = r >= 0 ? r : -r - 1;
    return new BucketCounts(
        bucketMillis,
        firstStart,
        from,
        Arrays.copyOfRange(starts, first, starts.length),
        Arrays.copyOfRange(counts, first, counts.length),
        Arrays.copyOfRange(raised, firstRaised, raised.length));
  }

  /** With an alert raised for the window from {@code start}. */
  BucketCounts withRaised(long start) {
    int i = Arrays.binarySearch(raised, start);
    if (i >= 0) return this;
    return new BucketCounts(
        bucketMillis, firstStart, keptFrom, starts, counts, insert(raised, -i - 1, start));
  }

  /** Whether an alert was raised for the window from {@code start}. */
  boolean raised(long start) {
    return Arrays.binarySearch(raised, start) >= 0;
  }

  /** Whether an alert was raised for a window of {@code length} overlapping the one from it. */
  boolean raisedOverlapping(long start, long length) {
    for (long r : raised) {
      if (Math.abs(r - start) < length) return true;
    }
    return false;
  }

  /** Whether the bucket starting at {@code start} is still known (not forgotten). */
  boolean holds(long start) {
    return start >= keptFrom;
  }

  /** The orders counted in the bucket starting at {@code start}; 0 when none or forgotten. */
  long count(long start) {
    int i = Arrays.binarySearch(starts, start);
    return i >= 0 ? counts[i] : 0;
  }

  /** The buckets with orders. */
  int size() {
    return starts.length;
  }

  private static long[] insert(long[] a, int at, long value) {
    long[] out = new long[a.length + 1];
    System.arraycopy(a, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(a, at, out, at + 1, a.length - at);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BucketCounts b
        && bucketMillis == b.bucketMillis
        && firstStart == b.firstStart
        && keptFrom == b.keptFrom
        && Arrays.equals(starts, b.starts)
        && Arrays.equals(counts, b.counts)
        && Arrays.equals(raised, b.raised);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(starts) * 31 + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder b =
        new StringBuilder("BucketCounts[")
            .append(bucketMillis)
            .append("ms, first ")
            .append(firstStart)
            .append(", kept from ")
            .append(keptFrom)
            .append(",");
    for (int i = 0; i < starts.length; i++)
      b.append(' ').append(starts[i]).append('=').append(counts[i]);
    return b.append(", raised ").append(Arrays.toString(raised)).append(']').toString();
  }
}
