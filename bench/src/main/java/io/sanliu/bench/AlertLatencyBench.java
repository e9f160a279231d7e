package io.sanliu.bench;

import io.sanliu.embedded.ConsumerGroupOffsets;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.risk.RiskEngineJob;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.RuleFamily;
import io.sanliu.model.risk.RuleType;
import io.sanliu.simulator.CompressedZoneRules;
import io.sanliu.simulator.RuleControlTopic;
import io.sanliu.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.common.TopicPartition;

/**
 * Ingest-to-alert latency under load: the risk engine on the MiniCluster, the simulator writing
 * straight to Kafka at a fixed rate, and {@link AlertWatcher} noting when each alert is first
 * visible in Elasticsearch. After a warm-up, every alert first visible during the steady period
 * counts: from the ingest time of the document that raised it to its first sighting, split at the
 * engine's {@code detectedAt}.
 */
final class AlertLatencyBench {
  static final String TRAFFIC = "risk.traffic";
  static final String GROUP = "sanliu-" + RiskEngineJob.NAME;

  /** The business input of the engine, whose consumer lag says whether it kept up. */
  static final List<Topic<?>> ENGINE_INPUT =
      List.of(
          Topics.ORDERS,
          Topics.PAYMENTS,
          Topics.CUSTOMS_LISTS,
          Topics.WAYBILLS,
          Topics.LOGISTICS_EVENTS,
          Topics.DEAD_LETTER);

  /**
   * @param zone the simulator's options, target included (its duration is set here)
   * @param zones how many simulated zones share the rate
   * @param warmup traffic before the steady period (the engine's JIT, the zone's first parcels)
   * @param steady the period whose documents' alerts are measured
   * @param pollEvery how often the index is searched
   * @param drainTimeout how long to wait, after the traffic, for the engine to catch up
   * @param recording traffic recorded before the engine started, replayed at the zone's rate
   *     instead of live simulators; null for live simulators
   */
  record Settings(
      SimulatorOptions zone,
      int zones,
      Duration warmup,
      Duration steady,
      Duration pollEvery,
      Duration drainTimeout,
      TrafficRecording recording) {}

  /**
   * What one run measured.
   *
   * @param traffic documents the simulator produced during the steady period, as a rate row
   * @param documentAlerts alerts raised when a document arrived: ingest to visible
   * @param engine the same alerts, ingest to {@code detectedAt}
   * @param sink the same alerts, {@code detectedAt} to visible (sink buffer, bulk, refresh)
   * @param deadlineAlerts alerts raised when an event-time deadline passed (shipment rules): their
   *     latency includes the rule's waiting time by design
   * @param byRule ingest to visible per rule type
   * @param withoutIngestTime alerts of the period's sightings with no source ingest time (the
   *     parcel family's) among those detected during the period
   * @param lagAtEnd records of the engine's input not yet committed by its group when the steady
   *     period ended (commits come with checkpoints, every 10 s by default)
   * @param catchUpSeconds from the end of the traffic until the group had committed everything;
   *     negative if it had not within the drain timeout
   */
  record Result(
      BenchResult traffic,
      LatencySummary documentAlerts,
      LatencySummary engine,
      LatencySummary sink,
      LatencySummary deadlineAlerts,
      Map<RuleType, LatencySummary> byRule,
      long withoutIngestTime,
      long lagAtEnd,
      double catchUpSeconds,
      Map<String, Object> facts) {

    void print(PrintStream out) {
      out.println("ingest -> visible in sanliu-alerts: " + documentAlerts.line());
      out.println("  ingest -> detectedAt (engine):    " + engine.line());
      out.println("  detectedAt -> visible (sink):     " + sink.line());
      out.println("deadline rules (shipment family):   " + deadlineAlerts.line());
      out.printf(
          Locale.ROOT,
          "engine lag when the period ended: %,d records; caught up %s after the traffic%n",
          lagAtEnd,
          catchUpSeconds < 0 ? "NOT" : String.format(Locale.ROOT, "%.1f s", catchUpSeconds));
      out.println("per rule type (ingest -> visible):");
      byRule.forEach((type, s) -> out.printf(Locale.ROOT, "  %-22s %s%n", type.name(), s.line()));
    }

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ingestToVisibleMs", documentAlerts.toMap());
      m.put("ingestToDetectedMs", engine.toMap());
      m.put("detectedToVisibleMs", sink.toMap());
      m.put("deadlineRulesIngestToVisibleMs", deadlineAlerts.toMap());
      Map<String, Object> rules = new LinkedHashMap<>();
      byRule.forEach((type, s) -> rules.put(type.name(), s.toMap()));
      m.put("byRuleIngestToVisibleMs", rules);
      m.put("alertsWithoutIngestTime", withoutIngestTime);
      m.put("engineLagAtEnd", lagAtEnd);
      m.put("engineCatchUpSeconds", catchUpSeconds);
      m.putAll(facts);
      return m;
    }
  }

  private final Config config;
  private final Settings settings;
  private final LocalFlinkCluster flink;
  private final UnaryOperator<SanliuJob> deployment;
  private final PrintStream progress;

  /**
   * @param deployment what the bench adds to the job (its checkpoint storage)
   */
  AlertLatencyBench(
      Config config,
      Settings settings,
      LocalFlinkCluster flink,
      UnaryOperator<SanliuJob> deployment,
      PrintStream progress) {
    this.config = config;
    this.settings = settings;
    this.flink = flink;
    this.deployment = deployment;
    this.progress = progress;
  }

  Result run() throws Exception {
    SimulatorOptions zone =
        settings
            .zone()
            // A little longer than the measurement, so the traffic is still on when it ends.
            .withDuration(settings.warmup().plus(settings.steady()).plusSeconds(5));
    // A replayed recording is already in the topics once: the engine starts after it.
    Config engine =
        settings.recording() == null
            ? config
            : config.with(ConfigKey.KAFKA_START_AT, Instant.now().toString());
    JobID job = flink.submit(deployment.apply(new RiskEngineJob()), engine);
    JobStatus status = flink.awaitRunning(job, 60_000);
    if (status != JobStatus.RUNNING) throw new IllegalStateException("risk-engine " + status);
    int rules =
        RuleControlTopic.publish(
            config.get(ConfigKey.KAFKA_BOOTSTRAP), CompressedZoneRules.of(zone));
    progress.printf(
        Locale.ROOT,
        "risk-engine running, %d rules published; %s at %,.0f docs/s together"
            + " (compression %.0f), warm-up %d s, steady period %d s%n",
        rules,
        trafficName(),
        zone.rate(),
        zone.compression(),
        settings.warmup().toSeconds(),
        settings.steady().toSeconds());
    Map<String, Object> facts = new LinkedHashMap<>();
    long building = System.nanoTime();
    try (ConsumerGroupOffsets offsets =
            new ConsumerGroupOffsets(config.get(ConfigKey.KAFKA_BOOTSTRAP));
        AlertWatcher watcher = AlertWatcher.start(config, settings.pollEvery());
        SimulatedTraffic simulator = traffic(zone)) {
      long t0 = System.nanoTime();
      facts.put("zonesBuildSeconds", Math.round((t0 - building) / 1e8) / 10.0);
      progress.printf(Locale.ROOT, "  zones built and started in %.1f s%n", (t0 - building) / 1e9);
      sleepUntil(t0 + settings.warmup().toNanos());
      Instant from = Instant.now();
      long docsFrom = simulator.documents();
      long periodStart = System.nanoTime();
      double load = MachineInfo.loadAverage();
      progress.printf(
          Locale.ROOT, "  steady period starts: %,d docs so far (load %.1f)%n", docsFrom, load);
      sleepUntil(periodStart + settings.steady().toNanos());
      Instant to = Instant.now();
      long docsTo = simulator.documents();
      long nanos = System.nanoTime() - periodStart;
      watcher.close();
      facts.put("watcher", watcher.facts());
      long lagAtEnd = offsets.lag(GROUP, offsets.ends(ENGINE_INPUT));
      facts.put("loadAtSteadyEnd", MachineInfo.loadAverage());
      progress.printf(
          Locale.ROOT,
          "  steady period over: %,d docs in it (%,.0f/s), engine lag %,d (load %.1f)%n",
          docsTo - docsFrom,
          (docsTo - docsFrom) / (nanos / 1e9),
          lagAtEnd,
          MachineInfo.loadAverage());

      simulator.close(); // stops the traffic and flushes what it sent
      long stopped = System.nanoTime();
      facts.put("simulators", simulator.summaries());
      Map<TopicPartition, Long> ends = offsets.ends(ENGINE_INPUT);
      boolean caughtUp =
          offsets.awaitCaughtUp(GROUP, ends, Duration.ofMillis(250), settings.drainTimeout());
      double catchUp = caughtUp ? (System.nanoTime() - stopped) / 1e9 : -1;
      if (caughtUp) {
        progress.printf(Locale.ROOT, "  engine caught up %.1f s after the traffic%n", catchUp);
      } else {
        Map<String, Long> behind = offsets.lagByTopic(GROUP, ends);
        facts.put("engineBehindByTopic", behind);
        progress.println("  engine still behind after " + settings.drainTimeout() + ": " + behind);
      }
      facts.put("checkpoints", CheckpointStats.of(flink, job));
      facts.put("engineInputRecords", ConsumerGroupOffsets.total(ends));

      BenchResult traffic =
          BenchResult.of(
              TRAFFIC,
              "docs",
              List.of(new Repetition(docsTo - docsFrom, -1, nanos)),
              String.format(
                  Locale.ROOT,
                  "%s -> Kafka at a target of %,.0f docs/s together (compression %.0f),"
                      + " risk-engine running; documents produced in the %d s steady period",
                  trafficName(),
                  zone.rate(),
                  zone.compression(),
                  settings.steady().toSeconds()),
              load);
      return summarise(watcher.sightings(), from, to, traffic, lagAtEnd, catchUp, facts);
    } finally {
      flink.cancel(job);
    }
  }

  private SimulatedTraffic traffic(SimulatorOptions zone) {
    if (settings.recording() == null) {
      return SimulatedZones.start(zone, settings.zones(), progress::println);
    }
    return TrafficReplay.start(settings.recording(), zone.rate(), config);
  }

  private String trafficName() {
    return settings.recording() == null
        ? settings.zones() + " simulators"
        : String.format(
            Locale.ROOT, "a replay of %,d recorded records", settings.recording().size());
  }

  /**
   * The latencies of the alerts raised by the documents ingested from {@code from} to {@code to}.
   */
  private static Result summarise(
      List<AlertWatcher.Sighting> sightings,
      Instant from,
      Instant to,
      BenchResult traffic,
      long lagAtEnd,
      double catchUp,
      Map<String, Object> facts) {
    // By when they became visible, not by ingest time: an engine that falls behind shows as
    // growing latencies instead of as alerts that never come.
    List<AlertWatcher.Sighting> period =
        sightings.stream().filter(s -> inside(s.seenAt(), from, to)).toList();
    List<AlertWatcher.Sighting> timed =
        period.stream().filter(s -> s.sourceIngestTime() != null).toList();
    List<AlertWatcher.Sighting> onArrival =
        timed.stream().filter(s -> !waitsForDeadline(s.ruleType())).toList();
    List<AlertWatcher.Sighting> onDeadline =
        timed.stream().filter(s -> waitsForDeadline(s.ruleType())).toList();
    Map<RuleType, LatencySummary> byRule = new EnumMap<>(RuleType.class);
    timed.stream()
        .collect(Collectors.groupingBy(AlertWatcher.Sighting::ruleType))
        .forEach((type, list) -> byRule.put(type, summary(list, AlertLatencyBench::toVisible)));
    return new Result(
        traffic,
        summary(onArrival, AlertLatencyBench::toVisible),
        summary(onArrival, AlertLatencyBench::toDetected),
        summary(onArrival, AlertLatencyBench::detectedToVisible),
        summary(onDeadline, AlertLatencyBench::toVisible),
        byRule,
        period.size() - timed.size(),
        lagAtEnd,
        catchUp,
        facts);
  }

  /** Shipment rules judge when an event-time timer fires: silence or waiting is what they find. */
  static boolean waitsForDeadline(RuleType type) {
    return type.families().contains(RuleFamily.SHIPMENT);
  }

  private static boolean inside(Instant t, Instant from, Instant to) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  private static double toVisible(AlertWatcher.Sighting s) {
    return millisBetween(s.sourceIngestTime(), s.seenAt());
  }

  private static double toDetected(AlertWatcher.Sighting s) {
    return millisBetween(s.sourceIngestTime(), s.detectedAt());
  }

  private static double detectedToVisible(AlertWatcher.Sighting s) {
    return millisBetween(s.detectedAt(), s.seenAt());
  }

  private static double millisBetween(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e6;
  }

  private static LatencySummary summary(
      List<AlertWatcher.Sighting> sightings, ToDoubleFunction<AlertWatcher.Sighting> latency) {
    return LatencySummary.ofMillis(sightings.stream().mapToDouble(latency).toArray());
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
  }
}
