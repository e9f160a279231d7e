package io.sanliu.local;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** Prints each component's status as it comes up, with how long it took. */
final class StatusBoard {
  private final PrintStream out;

  StatusBoard(PrintStream out) {
    this.out = out;
  }

  <T> T step(String component, Callable<T> start, java.util.function.Function<T, String> detail)
      throws Exception {
    long t0 = System.nanoTime();
    out.printf("[....] %-22s starting%n", component);
    try {
      T result = start.call();
      out.printf("[ ok ] %-22s %s (%.1f s)%n", component, detail.apply(result), seconds(t0));
      return result;
    } catch (Exception e) {
      out.printf("[FAIL] %-22s %s%n", component, e.getMessage());
      throw e;
    }
  }

  void line(String text) {
    out.println(text);
  }

  static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
