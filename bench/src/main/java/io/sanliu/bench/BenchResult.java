package io.sanliu.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One row of a benchmark report: the repetition with the median rate stands for the benchmark, the
 * others are kept for their spread.
 *
 * @param name short stable name, e.g. {@code kafka.produce}; other rows refer to it by this name
 * @param unit what was counted: {@code events}, {@code docs}
 * @param median the repetition with the median rate
 * @param repetitions every measured repetition, in the order run (warm-ups excluded)
 * @param notes what exactly was measured
 * @param baseline name of the row this one is compared with, or null
 * @param loadAverage one-minute system load average when the measurement started (negative if
 *     unknown): tells whether other work shared the machine
 */
public record BenchResult(
    String name,
    String unit,
    Repetition median,
    List<Repetition> repetitions,
    String notes,
    String baseline,
    double loadAverage) {

  public BenchResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(median, "median");
    repetitions = List.copyOf(repetitions);
    if (repetitions.isEmpty()) throw new IllegalArgumentException("no repetitions");
    notes = notes == null ? "" : notes;
  }

  /** The row for these repetitions: the one with the median rate (the lower middle if even). */
  public static BenchResult of(
      String name, String unit, List<Repetition> repetitions, String notes, double loadAverage) {
    return new BenchResult(name, unit, median(repetitions), repetitions, notes, null, loadAverage);
  }

  public static Repetition median(List<Repetition> repetitions) {
    if (repetitions.isEmpty()) throw new IllegalArgumentException("no repetitions");
    List<Repetition> sorted =
        repetitions.stream().sorted(Comparator.comparingDouble(Repetition::perSecond)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  /** The same row, compared with the row named {@code baselineName} in the report. */
  public BenchResult comparedWith(String baselineName) {
    return new BenchResult(name, unit, median, repetitions, notes, baselineName, loadAverage);
  }

  public long count() {
    return median.count();
  }

  public double seconds() {
    return median.seconds();
  }

  public double perSecond() {
    return median.perSecond();
  }

  public Double mbPerSecond() {
    return median.mbPerSecond();
  }

  public double minPerSecond() {
    return repetitions.stream().mapToDouble(Repetition::perSecond).min().orElseThrow();
  }

  public double maxPerSecond() {
    return repetitions.stream().mapToDouble(Repetition::perSecond).max().orElseThrow();
  }
}
