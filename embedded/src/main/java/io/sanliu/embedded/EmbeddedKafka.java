package io.sanliu.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) inside this JVM, listening
 * on loopback only. Its data stays in {@code dataDir}: a second start on the same directory keeps
 * topics and records.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats {@code dataDir} if needed and starts the broker.
   *
   * @param port client port on 127.0.0.1; 0 picks a free one
   */
  public static EmbeddedKafka start(Path dataDir, int port) {
    long started = System.nanoTime();
    int brokerPort = FreePorts.orFree(port);
    int controllerPort = FreePorts.pick(brokerPort);
    Path logDir = dataDir.toAbsolutePath().resolve("log");
    Properties props = serverProperties(logDir, brokerPort, controllerPort);
    Path configFile = dataDir.toAbsolutePath().resolve("server.properties");
    try {
      Files.createDirectories(logDir);
      try (OutputStream out = Files.newOutputStream(configFile)) {
        props.store(out, "Sanliu embedded Kafka broker");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare Kafka data directory " + dataDir, e);
    }
    formatStorage(configFile, clusterId(logDir));

    KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
    try {
      // Returns once the broker is registered and unfenced, i.e. ready for clients.
      server.startup();
    } catch (RuntimeException e) {
      server.shutdown();
      server.awaitShutdown();
      throw new IllegalStateException("Kafka broker did not start on port " + brokerPort, e);
    }
    String bootstrap = "127.0.0.1:" + brokerPort;
    log.info(
        "Kafka broker at {} (controller port {}, data {}) started in {} ms",
        bootstrap,
        controllerPort,
        dataDir,
        (System.nanoTime() - started) / 1_000_000);
    return new EmbeddedKafka(server, bootstrap);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops the broker and waits until it has stopped; later calls do nothing. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) return;
    server.shutdown();
    server.awaitShutdown();
    log.info("Kafka broker at {} stopped", bootstrapServers);
  }

  static Properties serverProperties(Path logDir, int brokerPort, int controllerPort) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", String.valueOf(NODE_ID));
    // Static quorum of this one node: formatting needs no --standalone / initial controllers.
    p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toString());

    // One node: internal topics cannot have more replicas than that, and need few partitions.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "4");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "4");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("default.replication.factor", "1");
    // Topics come from TopicProvisioner only, so a typo in a topic name fails loudly.
    p.setProperty("auto.create.topics.enable", "false");
    // Consumers in tests and local runs get their partitions at once.
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // Exactly-once sinks (Flink) may ask for transactions up to an hour long.
    p.setProperty("transaction.max.timeout.ms", "3600000");
    // The default 128 MB compaction buffer would dominate a small heap.
    p.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    return p;
  }

  /** The id of an already formatted log dir (a restart), else a new one. */
  private static String clusterId(Path logDir) {
    Path meta = logDir.resolve("meta.properties");
    if (Files.isRegularFile(meta)) {
      Properties props = new Properties();
      try (InputStream in = Files.newInputStream(meta)) {
        props.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + meta, e);
      }
      String id = props.getProperty("cluster.id");
      if (id != null && !id.isBlank()) return id;
    }
    return Uuid.randomUuid().toString();
  }

  /** kafka-storage format, through the API: main() would call System.exit. */
  private static void formatStorage(Path configFile, String clusterId) {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      exitCode =
          StorageTool.execute(
              new String[] {
                "format",
                "--cluster-id",
                clusterId,
                "--config",
                configFile.toString(),
                "--ignore-formatted" // a restart keeps its data (the cluster id must match)
              },
              out);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot format Kafka storage: " + output, e);
    }
    String text = output.toString(StandardCharsets.UTF_8).trim();
    if (exitCode != 0) {
      throw new IllegalStateException(
          "cannot format Kafka storage (exit " + exitCode + "): " + text);
    }
    log.debug("kafka-storage format: {}", text);
  }
}
