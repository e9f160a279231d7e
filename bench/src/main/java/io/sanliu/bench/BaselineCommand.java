package io.sanliu.bench;

import io.sanliu.embedded.ElasticsearchOptions;
import io.sanliu.embedded.EmbeddedElasticsearch;
import io.sanliu.embedded.EmbeddedKafka;
import io.sanliu.embedded.TopicProvisioner;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The raw baselines in one run on the real embedded stack: JSON cost of the order events, Kafka
 * produce and consume, Elasticsearch bulk indexing with one and two clients.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description =
        "Measures raw Kafka produce/consume and Elasticsearch bulk indexing of the platform's"
            + " order events on an embedded Kafka broker and Elasticsearch server (temp dirs,"
            + " stopped at the end).")
public final class BaselineCommand implements Callable<Integer> {
  @Option(
      names = "--events",
      defaultValue = "100000",
      description = "Order events per Kafka repetition (default ${DEFAULT-VALUE}).")
  int events;

  @Option(
      names = "--docs",
      defaultValue = "50000",
      description = "Documents per Elasticsearch repetition (default ${DEFAULT-VALUE}).")
  int docs;

  @Option(
      names = "--repetitions",
      defaultValue = "3",
      description =
          "Measured repetitions per benchmark; the median is reported (default ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--warmup-percent",
      defaultValue = "50",
      description =
          "Size of the uncounted warm-up run, in percent of a repetition (default ${DEFAULT-VALUE}).")
  int warmupPercent;

  @Option(
      names = "--bulk-size",
      defaultValue = "1000",
      description = "Documents per bulk request (default ${DEFAULT-VALUE}).")
  int bulkSize;

  @Option(
      names = "--partitions",
      defaultValue = "4",
      description =
          "Partitions of sanliu.orders, as SANLIU_KAFKA_TOPIC_PARTITIONS (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--seed", defaultValue = "20250601", description = "Seed of the order generator.")
  long seed;

  @Option(names = "--skip-kafka", description = "Leave out the Kafka baselines.")
  boolean skipKafka;

  @Option(names = "--skip-elastic", description = "Leave out the Elasticsearch baselines.")
  boolean skipElastic;

  @Mixin StackOptions stack;

  @Override
  public Integer call() throws Exception {
    if (events < 1 || docs < 1 || repetitions < 1 || bulkSize < 1 || partitions < 1) {
      throw new IllegalArgumentException("counts must be positive");
    }
    if (warmupPercent < 0 || warmupPercent > 100) {
      throw new IllegalArgumentException("--warmup-percent must be 0..100");
    }
    PrintStream progress = System.err;
    BenchReport report = new BenchReport("baseline", Instant.now(), MachineInfo.describe());
    report
        .parameter("events", events)
        .parameter("docs", docs)
        .parameter("repetitions", repetitions)
        .parameter("warmupPercent", warmupPercent)
        .parameter("bulkSize", bulkSize)
        .parameter("partitions", partitions)
        .parameter("seed", seed)
        .parameter("esHeap", stack.esHeap);
    Trials trials = new Trials(progress);

    progress.printf(Locale.ROOT, "Generating %,d orders (seed %d)%n", Math.max(events, docs), seed);
    long t0 = System.nanoTime();
    List<Envelope<Order>> orders = new OrderEvents(seed).range(0, Math.max(events, docs));
    List<Envelope<Order>> kafkaEvents = orders.subList(0, events);
    List<ElasticBaselines.Doc> documents =
        orders.subList(0, docs).parallelStream()
            .map(e -> new ElasticBaselines.Doc(e.key(), OrderDocument.of(e).toJson()))
            .toList();
    report.environment("generationSeconds", seconds(System.nanoTime() - t0));
    int sample = Math.min(events, 2_000);
    long eventBytes =
        kafkaEvents.subList(0, sample).stream()
            .mapToLong(e -> Topics.ORDERS.serialize(e).length)
            .sum();
    long docBytes = documents.stream().mapToLong(d -> d.source().length).sum();
    report.environment("meanEventBytes", eventBytes / sample);
    report.environment("meanDocBytes", docBytes / docs);
    progress.printf(
        Locale.ROOT,
        "  %.1f s; serialised events %,d bytes on average, documents %,d bytes%n",
        seconds(System.nanoTime() - t0),
        eventBytes / sample,
        docBytes / docs);

    if (!skipKafka) {
      progress.println("JSON of the order events (in memory, one thread)");
      JsonBaselines.run(kafkaEvents, warmup(events), repetitions, trials).forEach(report::add);
    }

    Path base =
        stack.workDir != null ? stack.workDir : Path.of(System.getProperty("java.io.tmpdir"));
    Files.createDirectories(base);
    // Elasticsearch runs as an unprivileged user when we are root: it must enter this directory.
    Path work =
        Files.createTempDirectory(
            base,
            "sanliu-bench-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    progress.println("Work directory " + work);
    try {
      if (!skipKafka) kafka(work, report, trials, kafkaEvents, progress);
      if (!skipElastic) elastic(work, report, trials, documents, progress);
    } finally {
      if (!stack.keepData) deleteTree(work, progress);
    }
    report.environment("loadAverageAtEnd", MachineInfo.loadAverage());
    report.finished(Instant.now());

    System.out.println();
    System.out.println(ResultTable.render(report));
    Path file = report.write(stack.outputDir != null ? stack.outputDir : defaultOutputDir());
    System.out.println("Results: " + file.toAbsolutePath());
    System.out.println("         " + file.resolveSibling("baseline-latest.json").toAbsolutePath());
    return 0;
  }

  private void kafka(
      Path work,
      BenchReport report,
      Trials trials,
      List<Envelope<Order>> kafkaEvents,
      PrintStream progress)
      throws Exception {
    progress.println("Starting the embedded Kafka broker");
    long t0 = System.nanoTime();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
      TopicProvisioner.ensure(
          kafka.bootstrapServers(), List.of(Topics.ORDERS), partitions, (short) 1);
      report.environment("kafkaStartSeconds", seconds(System.nanoTime() - t0));
      progress.printf(
          Locale.ROOT,
          "Kafka at %s with %s (%d partitions) in %.1f s%n",
          kafka.bootstrapServers(),
          Topics.ORDERS.name(),
          partitions,
          seconds(System.nanoTime() - t0));
      KafkaBaselines baselines = new KafkaBaselines(kafka.bootstrapServers(), trials);
      baselines.run(kafkaEvents, warmup(events), repetitions).forEach(report::add);
      // What lz4 and the record batches make of the values on the broker's disk.
      long onDisk = logBytes(work.resolve("kafka"), Topics.ORDERS.name());
      if (onDisk > 0 && baselines.recordsWritten() > 0) {
        report.environment("kafkaLogBytesPerEvent", onDisk / baselines.recordsWritten());
      }
    }
  }

  private static long logBytes(Path kafkaDir, String topic) {
    try (Stream<Path> files = Files.walk(kafkaDir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".log"))
          .filter(p -> p.getParent().getFileName().toString().startsWith(topic + "-"))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private void elastic(
      Path work,
      BenchReport report,
      Trials trials,
      List<ElasticBaselines.Doc> documents,
      PrintStream progress)
      throws Exception {
    long t0 = System.nanoTime();
    ElasticsearchOptions options =
        ElasticsearchOptions.defaults(work.resolve("elasticsearch"))
            .withHttpPort(0)
            .withHeap(stack.esHeap)
            .withStatus(progress::println);
    try (EmbeddedElasticsearch es = EmbeddedElasticsearch.start(options)) {
      report.environment("elasticsearchStartSeconds", seconds(System.nanoTime() - t0));
      ElasticBaselines baselines = new ElasticBaselines(es.httpUrl(), trials, progress);
      baselines.run(documents, warmup(docs), repetitions, bulkSize).forEach(report::add);
      report.environment("elasticsearchRetriedItems", baselines.retriedItems());
    }
  }

  private int warmup(int size) {
    return Math.max(1, size * warmupPercent / 100);
  }

  /** bench/target/bench-results, found from where this class was loaded (jar or classes dir). */
  static Path defaultOutputDir() {
    try {
      Path code =
          Path.of(
              BaselineCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.toAbsolutePath().getParent().resolve("bench-results");
    } catch (Exception e) {
      return Path.of("bench-results");
    }
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e7) / 100.0;
  }

  private static void deleteTree(Path dir, PrintStream progress) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException | RuntimeException e) {
      progress.println("Could not delete " + dir + ": " + e);
    }
  }
}
