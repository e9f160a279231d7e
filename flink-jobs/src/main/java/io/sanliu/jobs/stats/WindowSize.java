package io.sanliu.jobs.stats;

import java.time.Duration;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/** The event-time windows the statistics are kept in. */
public enum WindowSize {
  MINUTE("1m", Duration.ofMinutes(1), Duration.ZERO),
  HOUR("1h", Duration.ofHours(1), Duration.ZERO),
  /**
   * The zone's calendar day, midnight to midnight in Asia/Shanghai. China has kept UTC+8 without
   * daylight saving since 1991, so every day is 24 hours starting at 16:00 UTC: a tumbling window
   * shifted by eight hours, no calendar arithmetic needed.
   */
  DAY("1d", Duration.ofDays(1), Duration.ofHours(-8));

  private final String label;
  private final Duration length;
  private final Duration offset;

  WindowSize(String label, Duration length, Duration offset) {
    this.label = label;
    this.length = length;
    this.offset = offset;
  }

  /** How documents name it: {@code 1m}, {@code 1h}, {@code 1d}. */
  public String label() {
    return label;
  }

  public Duration length() {
    return length;
  }

  public TumblingEventTimeWindows assigner() {
    return TumblingEventTimeWindows.of(length, offset);
  }

  /** The window of this size holding {@code millis} (event time): its start. */
  public long startOf(long millis) {
    return TimeWindow.getWindowStartWithOffset(millis, offset.toMillis(), length.toMillis());
  }

  public static WindowSize ofLabel(String label) {
    for (WindowSize s : values()) if (s.label.equals(label)) return s;
    throw new IllegalArgumentException("no window size '" + label + "'");
  }
}
