package io.sanliu.bench;

import io.sanliu.embedded.ConsumerGroupOffsets;
import io.sanliu.model.kafka.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Traffic the simulated zones wrote to Kafka, read back into memory in the order it was written
 * (record timestamps; a partition's own order kept), for {@link TrafficReplay} to send again at a
 * rate the simulators cannot reach while a job shares the machine with them. Each envelope's {@code
 * ingestTime} is widened to a fixed-width slot once, here, so the replay can stamp the time it
 * sends a record without re-encoding it.
 */
final class TrafficRecording {
  /**
   * The times the gateway sets when it takes a record: an envelope's ingest time, a refusal's
   * rejection time (a dead letter's payload is a JSON string, so a name inside it is escaped and
   * never matches).
   */
  private static final List<byte[]> STAMPED_FIELDS =
      List.of(field("ingestTime"), field("rejectedAt"));

  /** Width of {@code 2026-11-23T01:04:42.123456789Z}: nanoseconds always written. */
  static final int STAMP_WIDTH = 30;

  /**
   * One record as written.
   *
   * @param stampAt where the fixed-width ingest or rejection time starts in {@code value}, or -1
   *     when the value has none (reference data): such records are sent unchanged
   */
  record Recorded(String topic, byte[] key, byte[] value, long timestamp, int stampAt) {}

  private final List<Recorded> records;

  TrafficRecording(List<Recorded> records) {
    this.records = List.copyOf(records);
  }

  List<Recorded> records() {
    return records;
  }

  int size() {
    return records.size();
  }

  long bytes() {
    return records.stream().mapToLong(r -> r.value().length).sum();
  }

  /** Records per topic, for the report. */
  Map<String, Long> countsByTopic() {
    Map<String, Long> counts = new HashMap<>();
    records.forEach(r -> counts.merge(r.topic(), 1L, Long::sum));
    return counts;
  }

  /** Everything {@code topics} hold now, from their first offset to their end. */
  static TrafficRecording read(String bootstrap, List<Topic<?>> topics) throws Exception {
    Map<TopicPartition, Long> ends;
    try (ConsumerGroupOffsets offsets = new ConsumerGroupOffsets(bootstrap)) {
      ends = offsets.ends(topics);
    }
    List<Recorded> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            KafkaBaselines.consumerProperties(bootstrap),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.assign(ends.keySet());
      consumer.seekToBeginning(ends.keySet());
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading the recorded traffic took over 5 minutes");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          records.add(recorded(r.topic(), r.key(), r.value(), r.timestamp()));
        }
      }
    }
    // Stable: records of one partition with the same millisecond keep their order.
    records.sort(Comparator.comparingLong(Recorded::timestamp));
    return new TrafficRecording(records);
  }

  private static byte[] field(String name) {
    return ("\"" + name + "\":\"").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The record with its ingest (or rejection) time, if it has one, widened to {@link #STAMP_WIDTH}.
   */
  static Recorded recorded(String topic, byte[] key, byte[] value, long timestamp) {
    int from = -1;
    for (int i = 0; i < STAMPED_FIELDS.size() && from < 0; i++) {
      int field = indexOf(value, STAMPED_FIELDS.get(i));
      if (field >= 0) from = field + STAMPED_FIELDS.get(i).length;
    }
    if (from < 0) return new Recorded(topic, key, value, timestamp, -1);
    int to = from;
    while (to < value.length && value[to] != '"') to++;
    if (to == value.length) return new Recorded(topic, key, value, timestamp, -1);
    byte[] widened = new byte[value.length - (to - from) + STAMP_WIDTH];
    System.arraycopy(value, 0, widened, 0, from);
    java.util.Arrays.fill(widened, from, from + STAMP_WIDTH, (byte) '0');
    System.arraycopy(value, to, widened, from + STAMP_WIDTH, value.length - to);
    return new Recorded(topic, key, widened, timestamp, from);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
