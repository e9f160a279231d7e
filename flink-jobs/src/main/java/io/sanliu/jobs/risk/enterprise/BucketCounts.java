package io.sanliu.jobs.risk.enterprise;

import java.util.Arrays;

/**
 * An enterprise's order counts per event-time bucket for one rule definition: the newest buckets
 * only ({@code counts[i]} is the bucket {@code i} buckets before the newest), and the start of the
 * bucket of its first order, from which its history is counted. Buckets are aligned on the epoch.
 * Immutable: {@link #add} gives a new one.
 *
 * @param bucketMillis the bucket length
 * @param firstStart start of the bucket from which its history counts: that of its first order, or
 *     earlier when the engine was watching before it ({@link #since})
 * @param newestStart start of the newest bucket counted
 * @param counts the counts, newest first
 */
public record BucketCounts(long bucketMillis, long firstStart, long newestStart, long[] counts) {

  /** Nothing counted yet, {@code capacity} buckets kept. */
  static BucketCounts empty(long bucketMillis, int capacity) {
    return new BucketCounts(bucketMillis, Long.MAX_VALUE, Long.MIN_VALUE, new long[capacity]);
  }

  /**
   * With its history starting no later than the step of {@code time} (the engine watched from then,
   * so empty steps since count as zero); unchanged for {@code Long.MAX_VALUE}.
   */
  BucketCounts since(long time) {
    if (time == Long.MAX_VALUE) return this;
    return new BucketCounts(
        bucketMillis, Math.min(firstStart, startOf(time)), newestStart, counts.clone());
  }

  long startOf(long time) {
    return Math.floorDiv(time, bucketMillis) * bucketMillis;
  }

  /** With one more order at {@code time}, keeping {@code capacity} buckets; too old is dropped. */
  BucketCounts add(long time, int capacity) {
    long start = startOf(time);
    long newest = newestStart == Long.MIN_VALUE ? start : Math.max(newestStart, start);
    long[] moved = new long[capacity];
    if (newestStart != Long.MIN_VALUE) {
      long shift = (newest - newestStart) / bucketMillis;
      for (int i = 0; i + shift < capacity && i < counts.length; i++) {
        moved[(int) (i + shift)] = counts[i];
      }
    }
    long index = (newest - start) / bucketMillis;
    if (index >= capacity) return new BucketCounts(bucketMillis, firstStart, newest, moved);
    moved[(int) index]++;
    return new BucketCounts(bucketMillis, Math.min(firstStart, start), newest, moved);
  }

  /** Whether the bucket starting at {@code start} is still kept (or not yet begun). */
  boolean holds(long start) {
    return newestStart == Long.MIN_VALUE || (newestStart - start) / bucketMillis < counts.length;
  }

  /** The orders counted in the bucket starting at {@code start}; 0 when none or not kept. */
  long count(long start) {
    if (newestStart == Long.MIN_VALUE || start > newestStart) return 0;
    long index = (newestStart - start) / bucketMillis;
    return index < counts.length ? counts[(int) index] : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BucketCounts b
        && bucketMillis == b.bucketMillis
        && firstStart == b.firstStart
        && newestStart == b.newestStart
        && Arrays.equals(counts, b.counts);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(newestStart) * 31 + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "BucketCounts["
        + bucketMillis
        + "ms, first "
        + firstStart
        + ", newest "
        + newestStart
        + ", "
        + Arrays.toString(counts)
        + "]";
  }
}
