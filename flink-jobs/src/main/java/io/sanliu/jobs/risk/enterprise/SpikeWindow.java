package io.sanliu.jobs.risk.enterprise;

import io.sanliu.model.risk.RuleDefinition;

/**
 * How a volume-spike definition counts: windows of {@code bucket} length made of {@code slices}
 * equal steps, so the window slides by one step. A spike that straddles two fixed periods would be
 * halved in each; a sliding window finds it whole once a step boundary falls just before it.
 *
 * @param sliceMillis the step, the length of one counted slice
 * @param slices the slices in a window (1: fixed, non-overlapping windows)
 */
record SpikeWindow(long sliceMillis, int slices) {

  /** The definition's window; null when its bucket is not a positive length. */
  static SpikeWindow of(RuleDefinition rule) {
    long bucket = rule.duration("bucket").toMillis();
    if (bucket <= 0) return null;
    long step = Math.max(1, rule.duration("step").toMillis());
    // The bucket is split evenly, into the number of whole steps it holds (at least one).
    int slices = (int) Math.max(1, Math.min(bucket / step, 1_000));
    return new SpikeWindow(bucket / slices, slices);
  }

  long windowMillis() {
    return sliceMillis * slices;
  }

  /**
   * How far back of a closing window's end its counts are still needed: the baseline's windows, the
   * counted window, and the windows that overlap it from before (each judged against its own
   * baseline).
   */
  long memoryMillis(RuleDefinition rule) {
    return (rule.count("baselineBuckets") + 2) * windowMillis();
  }

  /** Whether a window still open after {@code now} holds an order at {@code time}. */
  boolean holdsAfter(long time, long now) {
    return Math.floorDiv(time, sliceMillis) * sliceMillis + windowMillis() > now;
  }
}
