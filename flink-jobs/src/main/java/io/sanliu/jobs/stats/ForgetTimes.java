package io.sanliu.jobs.stats;

import org.apache.flink.streaming.api.TimerService;

/**
 * When a key of the release join or of its list-number links is forgotten: {@code wait} (event
 * time) after the latest time it saw.
 */
final class ForgetTimes {
  private ForgetTimes() {}

  /**
   * The forget time after seeing {@code millis}: {@code held} if that is later, else {@code millis
   * + wait} with a timer for it. Earlier timers are left to fire: they find a later moment stored
   * and do nothing, and deleting one could delete another timer of the key on the same millisecond
   * (a release's).
   *
   * @param held the forget time the key holds; null when it holds nothing
   */
  static long after(TimerService timers, Long held, long millis, long waitMillis) {
    long at = millis + waitMillis;
    if (held != null && held >= at) return held;
    timers.registerEventTimeTimer(at);
    return at;
  }
}
