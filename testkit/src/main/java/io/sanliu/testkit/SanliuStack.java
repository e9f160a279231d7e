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
 */
public final class SanliuStack implements AutoCloseable {
  private static SanliuStack shared;

  private final Path dir;
  private final EmbeddedKafka kafka;
  private final EmbeddedElasticsearch elasticsearch;
  private final ElasticClients elastic;
  private final Config config;

  private SanliuStack(
      Path dir, EmbeddedKafka kafka, EmbeddedElasticsearch elasticsearch, Config config) {
    this.dir = dir;
    this.kafka = kafka;
    this.elasticsearch = elasticsearch;
    this.config = config;
    this.elastic = ElasticClients.connect(config);
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
      Config base = Config.defaults().with(ConfigKey.FLINK_IDLE_SOURCE_MS, "1000");
      EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
      TopicProvisioner.ensure(
          kafka.bootstrapServers(),
          Topics.all(),
          base.getInt(ConfigKey.KAFKA_TOPIC_PARTITIONS),
          (short) 1);
      EmbeddedElasticsearch es =
          EmbeddedElasticsearch.start(
              ElasticsearchOptions.from(
                  base.with(ConfigKey.LOCAL_ES_PORT, "0"), dir.resolve("es")));
      Config config =
          base.with(
              Map.of(
                  ConfigKey.KAFKA_BOOTSTRAP, kafka.bootstrapServers(),
                  ConfigKey.ES_URL, es.httpUrl()));
      SanliuStack stack = new SanliuStack(dir, kafka, es, config);
      new IndexTemplateInstaller(stack.elastic.blocking()).installAll();
      return stack;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded stack", e);
    }
  }

  /**
   * Configuration pointing at this stack (Kafka, Elasticsearch); ports of servers are free ones.
   */
  public Config config() {
    return config.with(Map.of(ConfigKey.INGEST_PORT, "0", ConfigKey.API_PORT, "0"));
  }

  public ElasticClients elastic() {
    return elastic;
  }

  public String kafkaBootstrap() {
    return kafka.bootstrapServers();
  }

  public String elasticsearchUrl() {
    return elasticsearch.httpUrl();
  }

  @Override
  public synchronized void close() {
    elastic.close();
    elasticsearch.close();
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
