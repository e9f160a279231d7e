package io.sanliu.bench;

import io.sanliu.elastic.ElasticClients;
import io.sanliu.elastic.IndexTemplateInstaller;
import io.sanliu.embedded.ElasticsearchOptions;
import io.sanliu.embedded.EmbeddedElasticsearch;
import io.sanliu.embedded.EmbeddedKafka;
import io.sanliu.embedded.TopicProvisioner;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded platform stack a benchmark runs on: a work directory of its own, the Kafka broker
 * with every topic, and the Elasticsearch server with every index template. Start-up times go into
 * the report; closing stops both and deletes the directory unless asked to keep it.
 */
final class BenchStack implements AutoCloseable {
  private final Path work;
  private final boolean keepData;
  private final PrintStream progress;
  private EmbeddedKafka kafka;
  private EmbeddedElasticsearch elasticsearch;
  private Config config;

  private BenchStack(Path work, boolean keepData, PrintStream progress) {
    this.work = work;
    this.keepData = keepData;
    this.progress = progress;
  }

  /**
   * Starts Kafka and Elasticsearch in a new directory under {@code base} (java.io.tmpdir when
   * null).
   */
  static BenchStack start(
      Path base,
      String name,
      String esHeap,
      boolean keepData,
      BenchReport report,
      PrintStream progress)
      throws Exception {
    Path parent = base != null ? base : Path.of(System.getProperty("java.io.tmpdir"));
    Files.createDirectories(parent);
    // Elasticsearch runs as an unprivileged user when we are root: it must enter this directory.
    Path work =
        Files.createTempDirectory(
            parent,
            "sanliu-bench-" + name + "-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    progress.println("Work directory " + work);
    BenchStack stack = new BenchStack(work, keepData, progress);
    try {
      long t0 = System.nanoTime();
      stack.kafka = EmbeddedKafka.start(work.resolve("kafka"), 0);
      Config kafkaOnly =
          Config.defaults().with(ConfigKey.KAFKA_BOOTSTRAP, stack.kafka.bootstrapServers());
      TopicProvisioner.ensureAll(stack.kafka.bootstrapServers(), kafkaOnly);
      report.environment("kafkaStartSeconds", seconds(System.nanoTime() - t0));
      long t1 = System.nanoTime();
      stack.elasticsearch =
          EmbeddedElasticsearch.start(
              ElasticsearchOptions.defaults(work.resolve("elasticsearch"))
                  .withHttpPort(0)
                  .withHeap(esHeap)
                  .withStatus(progress::println));
      stack.config = kafkaOnly.with(ConfigKey.ES_URL, stack.elasticsearch.httpUrl());
      try (ElasticClients clients = ElasticClients.connect(stack.config)) {
        new IndexTemplateInstaller(clients.blocking()).installAll();
      }
      report.environment("elasticsearchStartSeconds", seconds(System.nanoTime() - t1));
      return stack;
    } catch (Exception | Error e) {
      stack.close();
      throw e;
    }
  }

  /** The platform's configuration pointing at this stack. */
  Config config() {
    return config;
  }

  Path work() {
    return work;
  }

  /** CPU time the Elasticsearch server (its launcher and JVM) has used so far; null if unknown. */
  Duration elasticsearchCpu() {
    if (elasticsearch == null) return null;
    Duration total = Duration.ZERO;
    for (ProcessHandle p : elasticsearch.processTree()) {
      Optional<Duration> used = p.info().totalCpuDuration();
      if (used.isEmpty()) return null;
      total = total.plus(used.get());
    }
    return total;
  }

  @Override
  public void close() {
    try {
      if (elasticsearch != null) elasticsearch.close();
    } catch (Exception e) {
      progress.println("Could not stop Elasticsearch: " + e);
    }
    try {
      if (kafka != null) kafka.close();
    } catch (Exception e) {
      progress.println("Could not stop Kafka: " + e);
    }
    if (!keepData) deleteTree(work, progress);
  }

  static double seconds(long nanos) {
    return Math.round(nanos / 1e7) / 100.0;
  }

  static void deleteTree(Path dir, PrintStream progress) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException | RuntimeException e) {
      progress.println("Could not delete " + dir + ": " + e);
    }
  }
}
