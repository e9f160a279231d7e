package io.sanliu.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs a warm-up that is not counted, then the measured repetitions, reporting progress. */
public final class Trials {
  /** One timed run; {@code rep} is 0 for the warm-up and 1.. for the measured repetitions. */
  @FunctionalInterface
  public interface Trial {
    Repetition run(int rep) throws Exception;
  }

  private final PrintStream progress;

  public Trials(PrintStream progress) {
    this.progress = progress;
  }

  /**
   * @param warmup the smaller run not counted, or null for none
   * @return a row for the measured repetitions (notes as given)
   */
  public BenchResult measure(
      String name, String unit, int repetitions, Trial warmup, Trial measured, String notes)
      throws Exception {
    if (warmup != null) {
      Repetition w = warmup.run(0);
      progress.println(line(name, "warm-up", w, unit));
    }
    double load = MachineInfo.loadAverage();
    List<Repetition> reps = new ArrayList<>();
    for (int i = 1; i <= repetitions; i++) {
      Repetition rep = measured.run(i);
      progress.println(line(name, "rep " + i + "/" + repetitions, rep, unit));
      reps.add(rep);
    }
    return BenchResult.of(name, unit, reps, notes, load);
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
