package io.sanliu.simulator;

import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.simulator.sink.DeliveryCounts;
import io.sanliu.simulator.sink.DocumentSink;
import io.sanliu.simulator.sink.GatewaySink;
import io.sanliu.simulator.sink.KafkaSink;
import io.sanliu.simulator.sink.TopicSetup;
import io.sanliu.simulator.sink.TruthSink;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.Emission;
import io.sanliu.simulator.traffic.FxFeed;
import io.sanliu.simulator.traffic.Label;
import io.sanliu.simulator.traffic.TrafficEngine;
import io.sanliu.simulator.traffic.TrafficSettings;
import io.sanliu.simulator.zone.Zone;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The labelled traffic of a pilot zone, live: files the zone's enterprises and goods, writes its
 * negative list and opening exchange rates, then sends each document (and each zone day's new
 * rates) when its time has come (event times never ahead of the wall clock), at the configured
 * rate, to the gateway or to Kafka, and writes each anomaly's label to the ground truth. Runs on a
 * thread of its own from {@link #start()} until its duration is over or {@link #close()}.
 */
public final class Simulator implements AutoCloseable {
  /** Bursts may go this much over the mean rate (the evening peak is about 1.8 times it). */
  static final double BURST_FACTOR = 3;

  private final SimulatorOptions options;
  private final Consumer<String> log;
  private final Clock clock;
  private final Zone zone;
  private final DocumentSink sink;
  private final TruthSink truth;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Map<AnomalyKind, AtomicLong> labels = new EnumMap<>(AnomalyKind.class);
  private volatile TrafficEngine engine;
  private volatile boolean running = true;
  private boolean closed;
  private volatile long arrivals;
  private volatile long orders;
  private volatile int negativeListEntries;
  private Thread thread;

  /** A simulator sending to the options' target. */
  public Simulator(SimulatorOptions options, Consumer<String> log) {
    this(options, sinkFor(options, log), truthFor(options, log), Clock.systemUTC(), log);
  }

  /** A simulator sending to a given sink and truth sink (tests, other targets). */
  public Simulator(
      SimulatorOptions options,
      DocumentSink sink,
      TruthSink truth,
      Clock clock,
      Consumer<String> log) {
    this.options = options;
    this.sink = Objects.requireNonNull(sink, "sink");
    this.truth = Objects.requireNonNull(truth, "truth");
    this.clock = clock;
    this.log = log;
    this.zone = Zone.build(options.seed(), options.zone());
    for (AnomalyKind k : AnomalyKind.values()) labels.put(k, new AtomicLong());
  }

  private static DocumentSink sinkFor(SimulatorOptions options, Consumer<String> log) {
    SimulatorTarget target = options.target();
    if (target instanceof SimulatorTarget.Gateway g) {
      return new GatewaySink(g.url(), g.apiKeys(), log);
    }
    if (target instanceof SimulatorTarget.Kafka k) {
      // Load tests may run against a bare broker: every topic the platform reads.
      List<Topic<?>> topics = new ArrayList<>(Topics.all());
      topics.add(NegativeListEntry.TOPIC);
      ensureTopics(k.bootstrap(), topics, k.partitions(), k.replication());
      return new KafkaSink(
          k.bootstrap(), new PersonalDataHasher(k.hmacKey().getBytes(StandardCharsets.UTF_8)), log);
    }
    throw new IllegalArgumentException("a simulator needs a target: the gateway or Kafka");
  }

  private static TruthSink truthFor(SimulatorOptions options, Consumer<String> log) {
    String bootstrap = options.effectiveTruthBootstrap();
    if (bootstrap != null && !(options.target() instanceof SimulatorTarget.Kafka)) {
      ensureTopics(
          bootstrap,
          List.of(Topics.SIMULATOR_TRUTH, NegativeListEntry.TOPIC, Topics.FX_RATES),
          1,
          (short) 1);
    }
    return new TruthSink(
        options.truthFile(),
        options.effectiveNegativeListFile(),
        bootstrap == null ? null : KafkaSink.producer(bootstrap),
        log);
  }

  private static void ensureTopics(
      String bootstrap, List<Topic<?>> topics, int partitions, short replication) {
    try {
      TopicSetup.ensure(bootstrap, topics, partitions, replication);
    } catch (Exception e) {
      throw new IllegalStateException("cannot reach Kafka at " + bootstrap + ": " + e, e);
    }
  }

  /** The zone clock's reading at {@code start}: its own, or the start's day at the set time. */
  private Instant zoneStart(Instant start) {
    if (options.zoneTimeOfDay() == null) return start;
    return start.atZone(CebTime.CHINA).with(options.zoneTimeOfDay()).toInstant();
  }

  /** Starts the run on its own thread. */
  public synchronized Simulator start() {
    if (thread != null) throw new IllegalStateException("already started");
    Instant start = options.start() != null ? options.start() : clock.instant();
    engine =
        new TrafficEngine(
            zone,
            new TrafficSettings(
                options.seed(),
                start,
                options.compression(),
                options.rate(),
                options.anomalies(),
                options.xmlShare(),
                options.gbkShare(),
                options.splitWindow(),
                options.zone(),
                TrafficSettings.SPIKE_BASELINE,
                zoneStart(start)));
    thread = new Thread(this::loop, "simulator");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void loop() {
    TrafficEngine e = engine;
    try {
      sink.sendReferenceData(e.filings());
      var entries = e.negativeList();
      truth.negativeList(entries);
      negativeListEntries = entries.size();
      // The FX feed runs beside the traffic, not in it: the documents stay what they were.
      FxFeed fx = new FxFeed(options.seed(), e.clock());
      truth.fxRates(fx.opening().rates());
      int fxDay = 1;
      FxFeed.Publication nextFx = fx.day(fxDay);
      Instant end =
          options.duration() == null ? null : e.settings().start().plus(options.duration());
      if (end != null && options.drain()) e.stopArrivalsAfter(end);
      long gapNanos = (long) (1e9 / (options.rate() * BURST_FACTOR));
      long nextSlot = System.nanoTime();
      Instant nextProgress =
          options.progressEvery() == null ? null : clock.instant().plus(options.progressEvery());
      while (running) {
        Emission next = e.next();
        arrivals = e.arrivals();
        orders = e.orders();
        if (next == null) break;
        if (end != null && !options.drain() && next.dueAt().isAfter(end)) break;
        if (!waitUntil(next.dueAt())) break;
        while (!nextFx.dueAt().isAfter(next.dueAt())) {
          truth.fxRates(nextFx.rates());
          nextFx = fx.day(++fxDay);
        }
        if (next instanceof Label l) {
          truth.write(l.truth());
          labels.get(l.truth().kind()).incrementAndGet();
          continue;
        }
        long now = System.nanoTime();
        if (nextSlot > now) sleepNanos(nextSlot - now);
        nextSlot = Math.max(nextSlot, now) + gapNanos;
        sink.send((Doc) next);
        if (nextProgress != null && clock.instant().isAfter(nextProgress)) {
          log.accept("simulator: " + counters().summary());
          nextProgress = clock.instant().plus(options.progressEvery());
        }
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException ex) {
      log.accept("simulator stopped: " + ex);
    } finally {
      finished.countDown();
    }
  }

  /** Sleeps until the wall clock reaches {@code due}; false when closed meanwhile. */
  private boolean waitUntil(Instant due) throws InterruptedException {
    while (running) {
      long millis = Duration.between(clock.instant(), due).toMillis();
      if (millis <= 0) return true;
      Thread.sleep(Math.min(millis, 200));
    }
    return false;
  }

  private static void sleepNanos(long nanos) throws InterruptedException {
    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
  }

  /** Waits until the run is over (its duration passed, drained, or closed). */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The run's name in the ground truth; null before {@link #start()}. */
  public String run() {
    TrafficEngine e = engine;
    return e == null ? null : e.run();
  }

  /** The zone it simulates. */
  public Zone zone() {
    return zone;
  }

  public SimulatorCounters counters() {
    DeliveryCounts c = sink.counts();
    DeliveryCounts.TypeCounts total = c.total();
    Map<AnomalyKind, Long> written = new EnumMap<>(AnomalyKind.class);
    labels.forEach((k, v) -> written.put(k, v.get()));
    TrafficEngine e = engine;
    return new SimulatorCounters(
        e == null ? null : e.run(),
        e == null ? null : e.settings().start(),
        arrivals,
        orders,
        total.sent(),
        total.accepted(),
        total.expectedRefusals(),
        total.unexpected(),
        total.failed(),
        c.byType(),
        written,
        negativeListEntries,
        finished.getCount() == 0);
  }

  /** Documents the target stored. */
  public long accepted() {
    return sink.counts().total().accepted();
  }

  /** Documents not stored: refused (as planned or not) or lost. */
  public long refused() {
    DeliveryCounts.TypeCounts t = sink.counts().total();
    return t.expectedRefusals() + t.unexpected() + t.failed();
  }

  /** Stops sending, waits for what is under way, closes the outputs. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sink.close();
    truth.close();
    finished.countDown();
  }
}
