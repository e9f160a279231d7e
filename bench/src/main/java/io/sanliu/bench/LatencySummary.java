package io.sanliu.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Percentiles of a set of latencies, in milliseconds. Nearest rank: every figure is a latency that
 * was observed, not an interpolation between two.
 */
public record LatencySummary(int count, double p50, double p95, double p99, double max) {
  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);

  public static LatencySummary ofMillis(double[] millis) {
    if (millis.length == 0) return EMPTY;
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_1);
    percentile.setData(millis);
    return new LatencySummary(
        millis.length,
        percentile.evaluate(50),
        percentile.evaluate(95),
        percentile.evaluate(99),
        Arrays.stream(millis).max().orElseThrow());
  }

  /** For the JSON report. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", count);
    m.put("p50", round(p50));
    m.put("p95", round(p95));
    m.put("p99", round(p99));
    m.put("max", round(max));
    return m;
  }

  /** One line for the console, in seconds. */
  public String line() {
    if (count == 0) return "no alerts";
    return String.format(
        Locale.ROOT,
        "p50 %.2f s  p95 %.2f s  p99 %.2f s  max %.2f s  (%,d alerts)",
        p50 / 1000,
        p95 / 1000,
        p99 / 1000,
        max / 1000,
        count);
  }

  private static double round(double millis) {
    return Math.round(millis * 10) / 10.0;
  }
}
