package io.sanliu.bench;

import io.sanliu.embedded.ConsumerGroupOffsets;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.risk.RiskEngineJob;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.simulator.CompressedZoneRules;
import io.sanliu.simulator.RuleControlTopic;
import io.sanliu.simulator.SimulatorOptions;
import io.sanliu.simulator.SimulatorTarget;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The risk engine on the embedded stack: ingest-to-alert latency with the simulator driving Kafka
 * at a fixed rate, then the matching stage's sustained rate over the backlog that traffic left,
 * against a plain consumer of the same records.
 */
@Command(
    name = "risk",
    mixinStandardHelpOptions = true,
    description =
        "Measures the risk engine's ingest-to-alert latency under simulated traffic and the"
            + " matcher's rate over a Kafka backlog, on an embedded Kafka, Elasticsearch and Flink"
            + " MiniCluster (temp dirs, stopped at the end).")
public final class RiskBenchCommand implements Callable<Integer> {
  @Option(
      names = "--rate",
      defaultValue = "10000",
      description =
          "Simulated documents per second, all types together (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--compression",
      defaultValue = "3600",
      description = "Zone time per event time of the simulated zone (default ${DEFAULT-VALUE}).")
  double compression;

  @Option(
      names = "--anomalies",
      split = ",",
      defaultValue = "ALL=0.01",
      description = "Anomaly rates, KIND=RATE, comma-separated (default ${DEFAULT-VALUE}).")
  List<String> anomalies;

  @Option(
      names = "--zones",
      description =
          "Simulated zones sharing the rate, one simulator each (default: one per 1,000 docs/s).")
  Integer zones;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the first simulated zone; the others take the next ones.")
  long seed;

  @Option(
      names = "--warmup",
      defaultValue = "60",
      description = "Seconds of traffic before the steady period (default ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--steady",
      defaultValue = "120",
      description =
          "Seconds of the steady period whose documents' alerts are measured (default"
              + " ${DEFAULT-VALUE}).")
  int steadySeconds;

  @Option(
      names = "--poll-ms",
      defaultValue = "100",
      description = "How often the alerts index is searched (default ${DEFAULT-VALUE}).")
  int pollMillis;

  @Option(
      names = "--drain-timeout",
      defaultValue = "30",
      description =
          "Seconds to wait after the traffic for the engine to catch up (default ${DEFAULT-VALUE}).")
  int drainSeconds;

  @Option(
      names = "--repetitions",
      defaultValue = "1",
      description =
          "Repetitions of the matcher and its consume baseline, in turns (default ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--preload",
      defaultValue = "40",
      description =
          "With --skip-latency or --replay: seconds of simulated traffic written first, the"
              + " backlog runs' input and the replay's recording (default ${DEFAULT-VALUE}).")
  int preloadSeconds;

  /** Uncounted runs first: the JIT compiler works through the job's code for several. */
  private static final int BACKLOG_WARMUPS = 2;

  @Option(
      names = "--replay",
      description =
          "Latency run with recorded traffic: the simulators write --preload seconds first (at"
              + " three times the rate asked, their day curve averaging far below it), then one"
              + " thread sends that recording again at --rate, each envelope stamped with its send"
              + " time as ingest time. Without it, live simulators share the machine with the"
              + " engine. With it, the backlog runs come first, over the same recording.")
  boolean replay;

  /** What the replay sends again: every business and reference topic the simulators write. */
  static final List<Topic<?>> REPLAYED =
      Stream.concat(
              AlertLatencyBench.ENGINE_INPUT.stream(),
              Stream.of(Topics.FX_RECEIPTS, Topics.NEGATIVE_LIST, Topics.GOODS_FILINGS))
          .toList();

  /** Every topic the engine reads: the replayed ones, grades and the control topic's rules. */
  static final List<Topic<?>> ENGINE_TOPICS =
      Stream.concat(REPLAYED.stream(), Stream.of(Topics.CREDIT_GRADES, Topics.RISK_RULES)).toList();

  @Option(names = "--skip-latency", description = "Leave out the latency run.")
  boolean skipLatency;

  @Option(names = "--skip-matcher", description = "Leave out the backlog runs.")
  boolean skipMatcher;

  /** What runs over the backlog. */
  enum BacklogJob {
    /** The matching stage alone ({@link MatchingOnlyJob}). */
    matcher,
    /** The whole risk engine: matching, every rule family, alerts to both sinks. */
    engine
  }

  @Option(
      names = "--backlog-jobs",
      split = ",",
      defaultValue = "matcher,engine",
      description =
          "Jobs timed over the backlog, each against a plain consume of its own input"
              + " (default ${DEFAULT-VALUE}).")
  List<BacklogJob> backlogJobs;

  /** Where the jobs' checkpoints go. */
  enum CheckpointStorage {
    /** Files in the work directory, as the cluster's volume: what the figures are measured with. */
    filesystem,
    /** The JobManager's memory, the MiniCluster's default (5 MB per task state at most). */
    jobmanager
  }

  @Option(
      names = "--checkpoint-storage",
      defaultValue = "filesystem",
      description =
          "Checkpoints of the jobs: filesystem (in the work dir, as on the cluster) or jobmanager"
              + " (the MiniCluster's default, 5 MB per task state at most) (default"
              + " ${DEFAULT-VALUE}).")
  CheckpointStorage checkpointStorage;

  @Mixin StackOptions stack;

  /** The CPU time of the stack's Elasticsearch server, once it runs. */
  private Supplier<Duration> elasticsearchCpu;

  @Override
  public Integer call() throws Exception {
    if (!(rate > 0) || warmupSeconds < 0 || steadySeconds < 1 || pollMillis < 1) {
      throw new IllegalArgumentException("rate, --steady and --poll-ms must be positive");
    }
    if (repetitions < 1 || preloadSeconds < 1 || drainSeconds < 1) {
      throw new IllegalArgumentException(
          "--repetitions, --preload, --drain-timeout must be positive");
    }
    int zoneCount = zones != null ? zones : SimulatedZones.zonesFor(rate);
    if (zoneCount < 1) throw new IllegalArgumentException("--zones must be positive");
    PrintStream progress = System.err;
    BenchReport report = new BenchReport("risk", Instant.now(), MachineInfo.describe());
    report
        .parameter("rate", rate)
        .parameter("compression", compression)
        .parameter("zones", zoneCount)
        .parameter("anomalies", anomalies)
        .parameter("seed", seed)
        .parameter("warmupSeconds", warmupSeconds)
        .parameter("steadySeconds", steadySeconds)
        .parameter("pollMillis", pollMillis)
        .parameter("drainTimeoutSeconds", drainSeconds)
        .parameter("repetitions", repetitions)
        .parameter("checkpointStorage", checkpointStorage)
        .parameter("replay", replay)
        .parameter("preloadSeconds", preloadSeconds)
        .parameter("backlogJobs", backlogJobs);
    AlertLatencyBench.Result latency = null;

    try (BenchStack platform = stack.start("risk", report, progress)) {
      elasticsearchCpu = platform::elasticsearchCpu;
      Config config = platform.config();
      SimulatorOptions zone =
          SimulatorOptions.defaults()
              .withRate(rate)
              .withCompression(compression)
              .withSeed(seed)
              .withAnomalyOverrides(anomalies)
              .withTarget(SimulatorTarget.kafka(config))
              .withProgressEvery(Duration.ofSeconds(30));
      // The simulated zone runs its clock fast: the matcher's deadlines follow, as in local.
      Config jobs = config.with(CompressedZoneRules.matchTimeouts(zone));
      Path checkpoints = platform.work().resolve("checkpoints");
      UnaryOperator<SanliuJob> deployment =
          checkpointStorage == CheckpointStorage.filesystem
              ? job -> new FileCheckpointedJob(job, checkpoints)
              : UnaryOperator.identity();
      int parallelism = config.getInt(ConfigKey.FLINK_PARALLELISM);
      report.parameter("flinkParallelism", parallelism);
      long t2 = System.nanoTime();
      try (LocalFlinkCluster flink = LocalFlinkCluster.start(2 * parallelism)) {
        report.environment("flinkStartSeconds", BenchStack.seconds(System.nanoTime() - t2));
        boolean backlogFirst = !skipMatcher && (skipLatency || replay);
        if (backlogFirst || (replay && !skipLatency)) {
          SimulatorOptions recorded = replay ? zone.withRate(recordRate(rate)) : zone;
          SimulatedZones.preload(
              recorded, SimulatedZones.zonesFor(recorded.rate()), preloadSeconds, progress);
        }
        if (backlogFirst) backlogRuns(zone, jobs, flink, deployment, report, progress);
        if (!skipLatency) {
          TrafficRecording recording = null;
          if (replay) {
            recording = record(config, report, progress);
            // The backlog runs' alerts and match documents would read as already seen.
            if (backlogFirst) clearOutputs(config, progress);
          }
          progress.println("Ingest-to-alert latency");
          latency =
              new AlertLatencyBench(
                      jobs,
                      new AlertLatencyBench.Settings(
                          zone,
                          zoneCount,
                          Duration.ofSeconds(warmupSeconds),
                          Duration.ofSeconds(steadySeconds),
                          Duration.ofMillis(pollMillis),
                          Duration.ofSeconds(drainSeconds),
                          recording),
                      flink,
                      deployment,
                      progress)
                  .run();
          report.add(latency.traffic());
          report.environment("alertLatency", latency.toMap());
        }
        if (!skipMatcher && !backlogFirst) {
          // Over the backlog the latency run's live traffic left.
          backlogRuns(zone, jobs, flink, deployment, report, progress);
        }
        // Reported before the cluster stops: a slow shutdown must not lose the figures.
        stack.finish(report);
        if (latency != null) latency.print(System.out);
      }
    }
    return 0;
  }

  private void backlogRuns(
      SimulatorOptions zone,
      Config jobs,
      LocalFlinkCluster flink,
      UnaryOperator<SanliuJob> deployment,
      BenchReport report,
      PrintStream progress)
      throws Exception {
    if (backlogJobs.contains(BacklogJob.engine)) {
      // The engine reads the zone's rules from the control topic, as in local.
      RuleControlTopic.publish(jobs.get(ConfigKey.KAFKA_BOOTSTRAP), CompressedZoneRules.of(zone));
    }
    for (BacklogJob job : backlogJobs) backlog(job, jobs, flink, deployment, report, progress);
  }

  /** What the simulators wrote, in memory, for the replay. */
  private TrafficRecording record(Config config, BenchReport report, PrintStream progress)
      throws Exception {
    long t0 = System.nanoTime();
    TrafficRecording recording =
        TrafficRecording.read(config.get(ConfigKey.KAFKA_BOOTSTRAP), REPLAYED);
    double covers = recording.size() / rate;
    progress.printf(
        Locale.ROOT,
        "Recorded %,d records (%.0f MB) in %.1f s: %.0f s of replay at %,.0f/s%s%n",
        recording.size(),
        recording.bytes() / 1e6,
        (System.nanoTime() - t0) / 1e9,
        covers,
        rate,
        covers < warmupSeconds + steadySeconds
            ? " -- LESS than the warm-up and steady period: raise --preload"
            : "");
    report.environment("recordedRecords", recording.size());
    report.environment("recordedByTopic", recording.countsByTopic());
    return recording;
  }

  private static void clearOutputs(Config config, PrintStream progress) throws Exception {
    BacklogBench.deleteIndices(config, List.of(Indices.ALERTS, Indices.MATCHES));
    progress.println("Deleted " + Indices.ALERTS + " and " + Indices.MATCHES + " (backlog runs)");
  }

  /** Documents/s asked of the simulators while recording: their day curve averages far below. */
  static double recordRate(double rate) {
    return 3 * rate;
  }

  private void backlog(
      BacklogJob which,
      Config jobs,
      LocalFlinkCluster flink,
      UnaryOperator<SanliuJob> deployment,
      BenchReport report,
      PrintStream progress)
      throws Exception {
    BacklogBench.Subject subject =
        which == BacklogJob.matcher
            ? new BacklogBench.Subject(
                "matching.backlog",
                MatchingOnlyJob.INPUT,
                rep -> new MatchingOnlyJob("bench-matching-" + rep),
                String.format(
                    Locale.ROOT,
                    "MatchingOnlyJob (KafkaStreams.read x4 + ParcelMatching.outcomes, match docs"
                        + " to %s, outcomes discarded)",
                    Indices.MATCHES),
                List.of(Indices.MATCHES))
            : new BacklogBench.Subject(
                "engine.backlog",
                ENGINE_TOPICS,
                rep -> new RiskEngineJob("bench-engine-" + rep),
                String.format(
                    Locale.ROOT,
                    "RiskEngineJob (matching with its match docs to %s, every rule family with the"
                        + " zone's compressed rules, alerts to %s and %s)",
                    Indices.MATCHES,
                    Indices.ALERTS,
                    Topics.ALERTS.name()),
                List.of(Indices.ALERTS, Indices.MATCHES));
    String consume =
        which == BacklogJob.matcher ? "kafka.consume.backlog" : "kafka.consume.engine-input";
    Map<TopicPartition, Long> backlog;
    try (ConsumerGroupOffsets offsets =
        new ConsumerGroupOffsets(jobs.get(ConfigKey.KAFKA_BOOTSTRAP))) {
      backlog = offsets.ends(subject.inputs());
    }
    long docs = ConsumerGroupOffsets.total(backlog);
    report.environment(which + "BacklogDocs", docs);
    progress.printf(Locale.ROOT, "%s over a backlog of %,d records%n", which, docs);
    BacklogBench bench =
        new BacklogBench(
            jobs,
            flink,
            deployment,
            new Trials(progress),
            progress,
            // As deployed: the run's end no longer waits for a periodic checkpoint.
            Duration.ofMillis(jobs.getLong(ConfigKey.FLINK_CHECKPOINT_INTERVAL_MS)),
            elasticsearchCpu);
    try {
      bench.run(consume, subject, backlog, repetitions, BACKLOG_WARMUPS).forEach(report::add);
    } catch (IllegalStateException e) {
      // The job restarted or stalled: a finding to report, not a reason to lose the rest.
      progress.println("  " + which + " run abandoned: " + e.getMessage());
      report.environment(which + "Failure", e.getMessage());
    }
    report.environment(which + "Checkpoints", bench.checkpoints());
    report.environment(which + "VertexLoad", bench.vertexLoad());
    report.environment(which + "Cpu", bench.cpu());
  }
}
