package io.sanliu.testkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a streaming result is there: the pipeline is asynchronous, the assertion is not. */
public final class Eventually {
  private Eventually() {}

  public static <T> T await(Supplier<T> probe, Predicate<T> done, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = probe.get();
        if (done.test(last)) return last;
      } catch (RuntimeException e) {
        // Not there yet (index missing, server starting): try again.
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
    throw new AssertionError(what + " not reached within " + timeout + "; last seen: " + last);
  }
}
