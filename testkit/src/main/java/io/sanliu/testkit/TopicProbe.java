package io.sanliu.testkit;

import io.sanliu.model.kafka.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from the beginning in a test and waits for the records it expects. Tests share
 * topics within a JVM, so they select their own records with a predicate.
 */
public final class TopicProbe<V> implements AutoCloseable {
  private final Topic<V> topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<Keyed<V>> seen = new ArrayList<>();

  /** A record as read: its key, its decoded value and the raw bytes of the value. */
  public record Keyed<V>(String key, V value, byte[] raw, int partition) {}

  public TopicProbe(String bootstrapServers, Topic<V> topic) {
    this.topic = topic;
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    this.consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic.name()));
  }

  /**
   * Waits until {@code count} records matching {@code selected} were read, then returns exactly
   * those seen so far (more than {@code count} if more arrived).
   */
  public List<Keyed<V>> await(Predicate<Keyed<V>> selected, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Keyed<V>> matching = seen.stream().filter(selected).toList();
      if (matching.size() >= count) return matching;
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected "
                + count
                + " records on "
                + topic.name()
                + " but found "
                + matching.size()
                + " within "
                + timeout);
      }
      poll(Duration.ofMillis(200));
    }
  }

  /** Reads for {@code window} and returns every matching record seen (to prove an absence). */
  public List<Keyed<V>> drain(Predicate<Keyed<V>> selected, Duration window) {
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) poll(Duration.ofMillis(200));
    return seen.stream().filter(selected).toList();
  }

  private void poll(Duration d) {
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(d)) {
      String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
      seen.add(new Keyed<>(key, topic.deserialize(r.value()), r.value(), r.partition()));
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
