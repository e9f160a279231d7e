package io.sanliu.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerGroupOffsetsTest {
  static final List<Topic<?>> TOPICS = List.of(Topics.WAYBILLS, Topics.PAYMENTS);
  static final String GROUP = "sanliu-offsets-test";

  @TempDir static Path dataDir;
  static EmbeddedKafka kafka;

  @BeforeAll
  static void startBroker() throws Exception {
    kafka = EmbeddedKafka.start(dataDir, 0);
    TopicProvisioner.ensure(kafka.bootstrapServers(), TOPICS, 2, (short) 1);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(Topics.WAYBILLS.name(), i % 2, "w" + i, "{}")).get();
      }
    }
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) kafka.close();
  }

  /** Commits {@code offsets} for the group, as a job's source does when a checkpoint completes. */
  static void commit(Map<TopicPartition, Long> offsets) {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    offsets.forEach((tp, o) -> commits.put(tp, new OffsetAndMetadata(o)));
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                GROUP),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.commitSync(commits);
    }
  }

  @Test
  void aGroupIsBehindByWhatItHasNotCommittedAndCaughtUpOnceItHas() throws Exception {
    try (ConsumerGroupOffsets offsets = new ConsumerGroupOffsets(kafka.bootstrapServers())) {
      Map<TopicPartition, Long> ends = offsets.ends(TOPICS);
      assertEquals(4, ends.size(), "two partitions of each topic");
      assertEquals(5, ConsumerGroupOffsets.total(ends));
      assertEquals(5, offsets.lag(GROUP, ends), "a group that never committed");
      assertEquals(Map.of(Topics.WAYBILLS.name(), 5L), offsets.lagByTopic(GROUP, ends));
      assertFalse(
          offsets.awaitCaughtUp(GROUP, ends, Duration.ofMillis(50), Duration.ofMillis(200)));

      TopicPartition first = new TopicPartition(Topics.WAYBILLS.name(), 0);
      commit(Map.of(first, ends.get(first)));
      assertEquals(5 - ends.get(first), offsets.lag(GROUP, ends));

      commit(ends);
      assertTrue(offsets.awaitCaughtUp(GROUP, ends, Duration.ofMillis(50), Duration.ofSeconds(5)));
      assertEquals(Map.of(), offsets.lagByTopic(GROUP, ends));

      offsets.forget(GROUP);
      assertEquals(5, offsets.lag(GROUP, ends), "forgotten: behind by everything again");
      offsets.forget("sanliu-no-such-group"); // nothing to forget is not an error
    }
  }
}
