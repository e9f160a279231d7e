package io.sanliu.bench;

import io.sanliu.embedded.ConsumerGroupOffsets;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.stats.TradeStatisticsJob;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
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
import java.util.function.UnaryOperator;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The trade statistics job's sustained rate: simulated traffic written to Kafka first, then the
 * whole job (orders and released lists in yuan, cube slices, minute / hour / day windows, rankings,
 * both indices) over that backlog, against a plain consumer reading and parsing the same records.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description =
        "Measures the trade statistics job's rate over a Kafka backlog of simulated traffic, and"
            + " a raw Kafka consume + JSON parse of the same records in the same run, on an"
            + " embedded Kafka, Elasticsearch and Flink MiniCluster (temp dirs, stopped at the"
            + " end).")
public final class StatsBenchCommand implements Callable<Integer> {
  /** What the statistics job reads. */
  static final List<Topic<?>> INPUT =
      List.of(Topics.ORDERS, Topics.CUSTOMS_LISTS, Topics.CUSTOMS_RECEIPTS, Topics.FX_RATES);

  @Option(
      names = "--rate",
      defaultValue = "4000",
      description =
          "Simulated documents per second while preloading, all types (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--preload",
      defaultValue = "600",
      description =
          "Seconds of simulated traffic written as the backlog (default ${DEFAULT-VALUE}: about"
              + " 1.1 million records on two cores, runs of 10-16 s; a smaller backlog gives runs"
              + " of a few seconds, timed less exactly).")
  int preloadSeconds;

  @Option(
      names = "--compression",
      defaultValue = "3600",
      description = "Zone time per event time of the simulated zone (default ${DEFAULT-VALUE}).")
  double compression;

  @Option(
      names = "--zones",
      description =
          "Simulated zones sharing the rate, one simulator each (default: one per 1,000 docs/s).")
  Integer zones;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the first simulated zone.")
  long seed;

  @Option(
      names = "--repetitions",
      defaultValue = "5",
      description =
          "Repetitions of the job and its consume baseline, in turns; medians reported (default"
              + " ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--job-warmups",
      defaultValue = "3",
      description =
          "Uncounted runs of the job over the whole backlog before its repetitions: the JIT"
              + " compiler works through the job's code for several runs (default"
              + " ${DEFAULT-VALUE}).")
  int jobWarmups;

  @Option(
      names = "--checkpoint-ms",
      defaultValue = "10000",
      description =
          "Checkpoint interval of the job, a cost (every checkpoint snapshots its state); the"
              + " platform's default. The run ends with a checkpoint triggered once the sources"
              + " have read everything (default ${DEFAULT-VALUE}).")
  long checkpointMillis;

  @Mixin StackOptions stack;

  @Override
  public Integer call() throws Exception {
    if (!(rate > 0)
        || preloadSeconds < 1
        || repetitions < 1
        || !(compression > 0)
        || checkpointMillis < 100
        || jobWarmups < 1) {
      throw new IllegalArgumentException(
          "--rate, --preload, --repetitions, --job-warmups and --compression must be positive,"
              + " --checkpoint-ms at least 100");
    }
    int zoneCount = zones != null ? zones : SimulatedZones.zonesFor(rate);
    if (zoneCount < 1) throw new IllegalArgumentException("--zones must be positive");
    PrintStream progress = System.err;
    BenchReport report = new BenchReport("stats", Instant.now(), MachineInfo.describe());
    report
        .parameter("rate", rate)
        .parameter("preloadSeconds", preloadSeconds)
        .parameter("compression", compression)
        .parameter("zones", zoneCount)
        .parameter("seed", seed)
        .parameter("repetitions", repetitions)
        .parameter("checkpointMillis", checkpointMillis)
        .parameter("jobWarmups", jobWarmups);
    try (BenchStack platform = stack.start("stats", report, progress)) {
      Config config = platform.config();
      SimulatorOptions zone =
          SimulatorOptions.defaults()
              .withRate(rate)
              .withCompression(compression)
              .withSeed(seed)
              .withTarget(SimulatorTarget.kafka(config))
              .withProgressEvery(Duration.ofSeconds(30));
      SimulatedZones.preload(zone, zoneCount, preloadSeconds, progress);
      Map<TopicPartition, Long> backlog;
      try (ConsumerGroupOffsets offsets =
          new ConsumerGroupOffsets(config.get(ConfigKey.KAFKA_BOOTSTRAP))) {
        backlog = offsets.ends(INPUT);
      }
      long docs = ConsumerGroupOffsets.total(backlog);
      report.environment("backlogDocs", docs);
      progress.printf(Locale.ROOT, "Statistics over a backlog of %,d documents%n", docs);
      int parallelism = config.getInt(ConfigKey.FLINK_PARALLELISM);
      report.parameter("flinkParallelism", parallelism);
      long t0 = System.nanoTime();
      try (LocalFlinkCluster flink = LocalFlinkCluster.start(2 * parallelism)) {
        report.environment("flinkStartSeconds", BenchStack.seconds(System.nanoTime() - t0));
        Path checkpoints = platform.work().resolve("checkpoints");
        UnaryOperator<SanliuJob> deployment = job -> new FileCheckpointedJob(job, checkpoints);
        BacklogBench bench =
            new BacklogBench(
                config,
                flink,
                deployment,
                new Trials(progress),
                progress,
                Duration.ofMillis(checkpointMillis),
                platform::elasticsearchCpu);
        BacklogBench.Subject statistics =
            new BacklogBench.Subject(
                "statistics.backlog",
                INPUT,
                rep -> new TradeStatisticsJob(),
                String.format(
                    Locale.ROOT,
                    "TradeStatisticsJob as deployed (orders and released lists in yuan, cube"
                        + " slices, 1m/1h/1d windows, top %d, documents to %s and %s)",
                    config.getInt(ConfigKey.STATS_TOP_N),
                    Indices.TRADE_STATS,
                    Indices.TRADE_TOP),
                List.of(Indices.TRADE_STATS, Indices.TRADE_TOP));
        bench
            .run("kafka.consume.statistics", statistics, backlog, repetitions, jobWarmups)
            .forEach(report::add);
        report.environment("checkpoints", bench.checkpoints());
        report.environment("vertexLoad", bench.vertexLoad());
        report.environment("cpu", bench.cpu());
        // Reported before the cluster stops: a slow shutdown must not lose the figures.
        stack.finish(report);
      }
    }
    return 0;
  }
}
