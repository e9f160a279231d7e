package io.sanliu.jobs.risk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Durations as explanations show them, the two largest units: "4 d 2 h" / "4天2小时". Scoring runs
 * compress time, so the same rule may speak of days or of seconds.
 */
public final class Spans {
  private Spans() {}

  public static String en(Duration d) {
    return text(d, new String[] {" d", " h", " min", " s"}, " ", " ms");
  }

  public static String zh(Duration d) {
    return text(d, new String[] {"天", "小时", "分钟", "秒"}, "", "毫秒");
  }

  private static String text(Duration d, String[] units, String sep, String millis) {
    Duration a = d.abs();
    long[] parts = {a.toDaysPart(), a.toHoursPart(), a.toMinutesPart(), a.toSecondsPart()};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts.length && out.size() < 2; i++) {
      if (parts[i] != 0) out.add(parts[i] + units[i]);
    }
    if (out.isEmpty()) return a.toMillis() + millis;
    return (d.isNegative() ? "-" : "") + String.join(sep, out);
  }
}
