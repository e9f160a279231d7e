package io.sanliu.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs benchmarks: an uncounted warm-up, then the measured repetitions, with progress on the
 * console. Benchmarks that are to be compared with each other run their repetitions in turns (A B A
 * B ...), so that a drift of the machine (JIT still compiling, another process starting) falls on
 * both alike.
 */
public final class Trials {
  /** One timed run; {@code rep} is 0 for the warm-up and 1.. for the measured repetitions. */
  @FunctionalInterface
  public interface Trial {
    Repetition run(int rep) throws Exception;
  }

  /**
   * A benchmark to run.
   *
   * @param warmup the smaller run not counted, or null for none
   */
  public record Spec(String name, String unit, Trial warmup, Trial measured, String notes) {}

  private final PrintStream progress;

  public Trials(PrintStream progress) {
    this.progress = progress;
  }

  public BenchResult measure(
      String name, String unit, int repetitions, Trial warmup, Trial measured, String notes)
      throws Exception {
    return measureInTurns(repetitions, List.of(new Spec(name, unit, warmup, measured, notes)))
        .get(0);
  }

  /** Every warm-up first, then repetition 1 of each, repetition 2 of each, and so on. */
  public List<BenchResult> measureInTurns(int repetitions, List<Spec> specs) throws Exception {
    for (Spec s : specs) {
      if (s.warmup() != null) {
        Repetition w = s.warmup().run(0);
        progress.println(line(s.name(), "warm-up", w, s.unit()));
      }
    }
    double load = MachineInfo.loadAverage();
    List<List<Repetition>> reps = new ArrayList<>();
    for (int j = 0; j < specs.size(); j++) reps.add(new ArrayList<>());
    for (int i = 1; i <= repetitions; i++) {
      for (int j = 0; j < specs.size(); j++) {
        Spec s = specs.get(j);
        Repetition rep = s.measured().run(i);
        progress.println(line(s.name(), "rep " + i + "/" + repetitions, rep, s.unit()));
        reps.get(j).add(rep);
      }
    }
    List<BenchResult> results = new ArrayList<>();
    for (int j = 0; j < specs.size(); j++) {
      Spec s = specs.get(j);
      results.add(BenchResult.of(s.name(), s.unit(), reps.get(j), s.notes(), load));
    }
    return results;
  }

  static String line(String name, String what, Repetition r, String unit) {
    String mb =
        r.mbPerSecond() == null ? "" : String.format(Locale.ROOT, ", %.1f MB/s", r.mbPerSecond());
    return String.format(
        Locale.ROOT,
        "  %s %s: %,d %s in %.2f s = %,.0f/s%s (load %.1f)",
        name,
        what,
        r.count(),
        unit,
        r.seconds(),
        r.perSecond(),
        mb,
        MachineInfo.loadAverage());
  }
}
