package io.sanliu.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {
  private static final int DEFAULT_PARTITIONS = 4;

  @TempDir static Path dataDir;
  static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() {
    long started = System.nanoTime();
    kafka = EmbeddedKafka.start(dataDir, 0);
    System.out.printf("Kafka started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.all(), DEFAULT_PARTITIONS, (short) 1);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) kafka.close();
  }

  @Test
  void bootstrapServersIsALoopbackAddress() {
    assertTrue(kafka.bootstrapServers().matches("127\\.0\\.0\\.1:\\d+"), kafka.bootstrapServers());
  }

  @Test
  void everyTopicHasItsPartitionCountAndCleanupPolicy() throws Exception {
    try (Admin admin = admin(kafka)) {
      Map<String, TopicDescription> described = describe(admin);
      for (Topic<?> topic : Topics.all()) {
        assertEquals(
            topic.partitionsOr(DEFAULT_PARTITIONS),
            described.get(topic.name()).partitions().size(),
            topic.name());
      }
      Map<String, String> policies = cleanupPolicies(admin);
      for (Topic<?> topic : Topics.all()) {
        assertEquals(
            topic.compacted() ? "compact" : "delete", policies.get(topic.name()), topic.name());
      }
      assertTrue(Topics.all().stream().anyMatch(Topic::compacted), "some topic is compacted");
    }
  }

  @Test
  void provisioningAgainLeavesExistingTopicsAlone() throws Exception {
    TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.all(), 8, (short) 1);

    try (Admin admin = admin(kafka)) {
      assertEquals(
          DEFAULT_PARTITIONS, describe(admin).get(Topics.ORDERS.name()).partitions().size());
    }
  }

  @Test
  void aProducedRecordCanBeConsumed() throws Exception {
    String topic = Topics.ORDERS.name();
    RecordMetadata sent;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      sent = producer.send(new ProducerRecord<>(topic, "order-1", "{\"orderNo\":\"SO-1\"}")).get();
    }

    TopicPartition partition = new TopicPartition(topic, sent.partition());
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seek(partition, sent.offset());
      ConsumerRecord<String, String> received = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (received == null && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() == sent.offset()) received = record;
        }
      }
      assertTrue(received != null, "record read back");
      assertEquals("order-1", received.key());
      assertEquals("{\"orderNo\":\"SO-1\"}", received.value());
    }
  }

  @Test
  void restartOnTheSameDirectoryKeepsTopics(@TempDir Path ownDir) throws Exception {
    EmbeddedKafka first = EmbeddedKafka.start(ownDir, 0);
    TopicProvisioner.ensure(first.bootstrapServers(), List.of(Topics.ALERTS), 2, (short) 1);
    first.close();
    first.close(); // idempotent

    try (EmbeddedKafka second = EmbeddedKafka.start(ownDir, 0);
        Admin admin = admin(second)) {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      assertTrue(names.contains(Topics.ALERTS.name()), names.toString());
    }
  }

  private static Admin admin(EmbeddedKafka kafka) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
  }

  private static Map<String, TopicDescription> describe(Admin admin) throws Exception {
    List<String> names = Topics.all().stream().map(Topic::name).toList();
    return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
  }

  private static Map<String, String> cleanupPolicies(Admin admin) throws Exception {
    List<ConfigResource> resources =
        Topics.all().stream()
            .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name()))
            .toList();
    Map<ConfigResource, Config> configs =
        admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
    return configs.entrySet().stream()
        .collect(
            Collectors.toMap(
                e -> e.getKey().name(),
                e -> e.getValue().get(TopicConfig.CLEANUP_POLICY_CONFIG).value()));
  }
}
