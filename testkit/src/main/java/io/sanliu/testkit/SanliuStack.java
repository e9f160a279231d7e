package io.sanliu.testkit;

import io.sanliu.elastic.ElasticClients;
import io.sanliu.elastic.IndexTemplateInstaller;
import io.sanliu.embedded.ElasticsearchOptions;
import io.sanliu.embedded.EmbeddedElasticsearch;
import io.sanliu.embedded.EmbeddedKafka;
import io.sanliu.embedded.TopicProvisioner;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.kafka.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real embedded stack for tests: a Kafka broker with every topic, and an Elasticsearch server
 * with every index template, started once per test JVM and shared by its test classes.
 * Elasticsearch starts on first use, so tests that only need Kafka do not wait for it.
 */
public final class SanliuStack implements AutoCloseable {
  private static SanliuStack shared;

  private final Path dir;
  private final EmbeddedKafka kafka;
  private final Config kafkaConfig;
  private EmbeddedElasticsearch elasticsearch;
  private ElasticClients elastic;
  private Config config;

  private SanliuStack(Path dir, EmbeddedKafka kafka, Config kafkaConfig) {
    this.dir = dir;
    this.kafka = kafka;
    this.kafkaConfig = kafkaConfig;
  }

  /** The stack of this JVM, started on first use. */
  public static synchronized SanliuStack shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "sanliu-stack-stop"));
    }
    return shared;
  }

  private static SanliuStack start() {
    try {
      // Traversable by others: Elasticsearch runs below it as an unprivileged user when we are
      // root.
      Path dir =
          Files.createTempDirectory(
              "sanliu-test-stack",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
      Config base =
          Config.defaults()
              .with(
                  Map.of(
                      ConfigKey.FLINK_IDLE_SOURCE_MS, "1000",
                      ConfigKey.INGEST_PORT, "0",
                      ConfigKey.API_PORT, "0"));
      EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
      TopicProvisioner.ensure(
          kafka.bootstrapServers(),
          Topics.all(),
          base.getInt(ConfigKey.KAFKA_TOPIC_PARTITIONS),
          (short) 1);
      return new SanliuStack(
          dir, kafka, base.with(ConfigKey.KAFKA_BOOTSTRAP, kafka.bootstrapServers()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded stack", e);
    }
  }

  private synchronized void startElasticsearch() {
    if (elasticsearch != null) return;
    elasticsearch =
        EmbeddedElasticsearch.start(
            ElasticsearchOptions.from(
                kafkaConfig.with(ConfigKey.LOCAL_ES_PORT, "0"), dir.resolve("es")));
    config = kafkaConfig.with(ConfigKey.ES_URL, elasticsearch.httpUrl());
    elastic = ElasticClients.connect(config);
    new IndexTemplateInstaller(elastic.blocking()).installAll();
  }

  /** Configuration pointing at Kafka and Elasticsearch (started now if need be); free ports. */
  public synchronized Config config() {
    startElasticsearch();
    return config;
  }

  /** Configuration pointing at Kafka only, for components that do not read Elasticsearch. */
  public Config kafkaConfig() {
    return kafkaConfig;
  }

  public synchronized ElasticClients elastic() {
    startElasticsearch();
    return elastic;
  }

  public String kafkaBootstrap() {
    return kafka.bootstrapServers();
  }

  public synchronized String elasticsearchUrl() {
    startElasticsearch();
    return elasticsearch.httpUrl();
  }

  @Override
  public synchronized void close() {
    if (elastic != null) elastic.close();
    if (elasticsearch != null) elasticsearch.close();
    kafka.close();
    deleteQuietly(dir);
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // Best effort: a temp directory left behind is harmless.
    }
  }
}
