package io.sanliu.bench;

import io.sanliu.simulator.Simulator;
import io.sanliu.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Several simulated zones sending together, each its own {@link Simulator} with a seed of its own
 * and a share of the rate. One simulator does not go much beyond 2,000 documents/s on JDK 17: it
 * paces documents with {@code Thread.sleep(0, nanos)}, which sleeps a whole millisecond there, so a
 * load of thousands per second needs several.
 */
final class SimulatedZones implements SimulatedTraffic {
  /**
   * Documents/s asked of one simulator: its evening peak (1.8 times) stays under what it can do.
   */
  static final double RATE_PER_ZONE = 1_000;

  private final List<Simulator> simulators;

  private SimulatedZones(List<Simulator> simulators) {
    this.simulators = simulators;
  }

  /** The zones needed for {@code rate} documents/s. */
  static int zonesFor(double rate) {
    return (int) Math.max(1, Math.ceil(rate / RATE_PER_ZONE));
  }

  /**
   * Builds and starts {@code zones} simulators: seeds from {@code options.seed()} on, the rate
   * shared; only the first logs its progress.
   */
  static SimulatedZones start(SimulatorOptions options, int zones, Consumer<String> log) {
    List<Simulator> started = new ArrayList<>();
    try {
      for (int i = 0; i < zones; i++) {
        SimulatorOptions zone =
            options.withSeed(options.seed() + i).withRate(options.rate() / zones);
        if (i > 0) zone = zone.withProgressEvery(null);
        started.add(new Simulator(zone, log));
      }
    } catch (RuntimeException e) {
      started.forEach(Simulator::close);
      throw e;
    }
    // Built first, started together: building a zone takes seconds.
    started.forEach(Simulator::start);
    return new SimulatedZones(List.copyOf(started));
  }

  /**
   * Runs {@code zones} simulators for {@code seconds} at {@code zone}'s rate and waits for them: a
   * backlog for a job to read.
   */
  static long preload(SimulatorOptions zone, int zones, int seconds, PrintStream progress)
      throws InterruptedException {
    progress.printf(
        Locale.ROOT,
        "Preloading %d s of traffic at %,.0f docs/s (%d zones)%n",
        seconds,
        zone.rate(),
        zones);
    try (SimulatedZones traffic =
        start(zone.withDuration(Duration.ofSeconds(seconds)), zones, progress::println)) {
      traffic.awaitFinished(Duration.ofSeconds(seconds + 60L));
      progress.printf(Locale.ROOT, "  %,d documents%n", traffic.documents());
      return traffic.documents();
    }
  }

  /** Documents handed to Kafka so far, all zones. */
  @Override
  public long documents() {
    return simulators.stream().mapToLong(s -> s.counters().documents()).sum();
  }

  /** Each zone's counters, one line each. */
  @Override
  public List<String> summaries() {
    return simulators.stream().map(s -> s.counters().summary()).toList();
  }

  /** Waits until every zone's run is over. */
  boolean awaitFinished(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Simulator s : simulators) {
      if (!s.awaitFinished(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        return false;
      }
    }
    return true;
  }

  /** Stops every zone; each flushes what it sent. */
  @Override
  public void close() {
    simulators.forEach(Simulator::close);
  }
}
