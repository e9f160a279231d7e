package io.sanliu.bench;

/**
 * One timed run of a benchmark.
 *
 * @param count events or documents handled
 * @param bytes payload bytes handled (serialised values, document sources), or -1 if not counted
 * @param nanos wall-clock time taken
 */
public record Repetition(long count, long bytes, long nanos) {
  public Repetition {
    if (count < 0) throw new IllegalArgumentException("count " + count);
    if (nanos <= 0) throw new IllegalArgumentException("nanos " + nanos);
  }

  public double seconds() {
    return nanos / 1e9;
  }

  public double perSecond() {
    return count / seconds();
  }

  /** Megabytes (10^6 bytes) per second, or null when bytes were not counted. */
  public Double mbPerSecond() {
    return bytes < 0 ? null : bytes / 1e6 / seconds();
  }
}
