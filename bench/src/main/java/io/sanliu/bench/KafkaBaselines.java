package io.sanliu.bench;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Raw Kafka figures for the platform's own order events: what a producer configured like the
 * gateway's can push, and what a plain consumer can read back and parse. Every later Kafka figure
 * (gateway, Flink source) is to be read against these.
 */
public final class KafkaBaselines {
  public static final String PRODUCE = "kafka.produce";
  public static final String PRODUCE_BYTES = "kafka.produce.bytes";
  public static final String CONSUME = "kafka.consume";
  private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(5);

  private final String bootstrapServers;
  private final Trials trials;
  private final AtomicLong recordsWritten = new AtomicLong();

  public KafkaBaselines(String bootstrapServers, Trials trials) {
    this.bootstrapServers = bootstrapServers;
    this.trials = trials;
  }

  /** The producer settings of the ingest gateway's {@code EventPublisher} that matter here. */
  static Properties producerProperties(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "sanliu-bench");
    return p;
  }

  static Properties consumerProperties(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sanliu-bench-reader");
    return p;
  }

  /**
   * Produces {@code events} once per repetition (after a warm-up of the first {@code warmup}), then
   * reads back exactly what each repetition wrote.
   */
  public List<BenchResult> run(List<Envelope<Order>> events, int warmup, int repetitions)
      throws Exception {
    Map<Integer, OffsetRanges> written = new HashMap<>();
    List<BenchResult> produced;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            producerProperties(bootstrapServers),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      int partitions = producer.partitionsFor(Topics.ORDERS.name()).size();
      // The same records serialised beforehand: what Kafka alone costs the producing thread.
      List<ProducerRecord<byte[], byte[]>> records =
          events.stream()
              .map(
                  e ->
                      new ProducerRecord<>(
                          Topics.ORDERS.name(),
                          e.key().getBytes(StandardCharsets.UTF_8),
                          Topics.ORDERS.serialize(e)))
              .toList();
      produced =
          trials.measureInTurns(
              repetitions,
              List.of(
                  new Trials.Spec(
                      PRODUCE,
                      "events",
                      rep -> produce(producer, partitions, events.subList(0, warmup), written, rep),
                      rep -> produce(producer, partitions, events, written, rep),
                      String.format(
                          "Envelope<Order> serialised in the loop, keyed by key(); acks=all,"
                              + " idempotent, linger 5 ms, lz4; %d partitions; timed until every"
                              + " ack (flush)",
                          partitions)),
                  new Trials.Spec(
                      PRODUCE_BYTES,
                      "events",
                      rep -> send(producer, partitions, records.subList(0, warmup)),
                      rep -> send(producer, partitions, records),
                      "as kafka.produce, but the values were serialised before the clock"
                          + " started")));
    }
    BenchResult consumed =
        trials.measure(
            CONSUME,
            "events",
            repetitions,
            rep -> consume(written.get(rep), warmup),
            rep -> consume(written.get(rep), events.size()),
            "assign + seek to what one produce repetition wrote; each value parsed with"
                + " Topics.ORDERS.deserialize; default fetch settings");
    return List.of(produced.get(0), produced.get(1), consumed);
  }

  /** Records this instance wrote to the broker, warm-ups included. */
  public long recordsWritten() {
    return recordsWritten.get();
  }

  private Repetition produce(
      KafkaProducer<byte[], byte[]> producer,
      int partitions,
      List<Envelope<Order>> events,
      Map<Integer, OffsetRanges> written,
      int rep) {
    Acks acks = new Acks(partitions);
    String topic = Topics.ORDERS.name();
    long bytes = 0;
    long started = System.nanoTime();
    for (Envelope<Order> event : events) {
      byte[] value = Topics.ORDERS.serialize(event);
      bytes += value.length;
      producer.send(
          new ProducerRecord<>(topic, event.key().getBytes(StandardCharsets.UTF_8), value), acks);
    }
    producer.flush();
    long nanos = System.nanoTime() - started;
    acks.check(events.size());
    recordsWritten.addAndGet(events.size());
    written.put(rep, acks.ranges);
    return new Repetition(events.size(), bytes, nanos);
  }

  private Repetition send(
      KafkaProducer<byte[], byte[]> producer,
      int partitions,
      List<ProducerRecord<byte[], byte[]>> records) {
    Acks acks = new Acks(partitions);
    long bytes = 0;
    long started = System.nanoTime();
    for (ProducerRecord<byte[], byte[]> record : records) {
      bytes += record.value().length;
      producer.send(record, acks);
    }
    producer.flush();
    long nanos = System.nanoTime() - started;
    acks.check(records.size());
    recordsWritten.addAndGet(records.size());
    return new Repetition(records.size(), bytes, nanos);
  }

  /** Counts the acknowledgements of one repetition and where its records went. */
  private static final class Acks implements Callback {
    final OffsetRanges ranges;
    final AtomicLong acked = new AtomicLong();
    final AtomicReference<Exception> failure = new AtomicReference<>();

    Acks(int partitions) {
      ranges = new OffsetRanges(partitions);
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception error) {
      if (error != null) failure.compareAndSet(null, error);
      else ranges.record(metadata.partition(), metadata.offset());
      acked.incrementAndGet();
    }

    /** After flush(): every record acknowledged, none failed. */
    void check(long sent) {
      if (failure.get() != null) throw new IllegalStateException("a send failed", failure.get());
      if (acked.get() != sent || ranges.total() != sent) {
        throw new IllegalStateException(
            "sent "
                + sent
                + " but "
                + acked.get()
                + " acknowledged, "
                + ranges.total()
                + " stored");
      }
    }
  }

  private Repetition consume(OffsetRanges ranges, int expected) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            consumerProperties(bootstrapServers),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> assigned = new ArrayList<>();
      Map<Integer, Long> ends = new HashMap<>();
      for (int p = 0; p < ranges.partitions(); p++) {
        if (ranges.isEmpty(p)) continue;
        TopicPartition tp = new TopicPartition(Topics.ORDERS.name(), p);
        assigned.add(tp);
        ends.put(p, ranges.end(p));
      }
      consumer.assign(assigned);
      for (TopicPartition tp : assigned) consumer.seek(tp, ranges.start(tp.partition()));

      long count = 0;
      long bytes = 0;
      long wrongKeys = 0;
      List<TopicPartition> open = new ArrayList<>(assigned);
      long started = System.nanoTime();
      long deadline = started + CONSUME_TIMEOUT.toNanos();
      while (!open.isEmpty()) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.offset() >= ends.get(record.partition())) continue;
          Envelope<Order> event = Topics.ORDERS.deserialize(record.value());
          bytes += record.value().length;
          count++;
          if (!event.key().equals(new String(record.key(), StandardCharsets.UTF_8))) wrongKeys++;
        }
        open.removeIf(tp -> consumer.position(tp) >= ends.get(tp.partition()));
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("read only " + count + " of " + expected + " events");
        }
      }
      long nanos = System.nanoTime() - started;
      if (count != expected) {
        throw new IllegalStateException("read " + count + " events, expected " + expected);
      }
      if (wrongKeys > 0) {
        throw new IllegalStateException(wrongKeys + " records' keys differ from their payload's");
      }
      return new Repetition(count, bytes, nanos);
    }
  }

  /** Per partition, the first and last offset one repetition wrote. */
  static final class OffsetRanges {
    private final long[] first;
    private final long[] last;

    OffsetRanges(int partitions) {
      first = new long[partitions];
      last = new long[partitions];
      Arrays.fill(first, Long.MAX_VALUE);
      Arrays.fill(last, -1);
    }

    synchronized void record(int partition, long offset) {
      first[partition] = Math.min(first[partition], offset);
      last[partition] = Math.max(last[partition], offset);
    }

    int partitions() {
      return first.length;
    }

    synchronized boolean isEmpty(int partition) {
      return last[partition] < 0;
    }

    synchronized long start(int partition) {
      return first[partition];
    }

    /** One past the last offset written. */
    synchronized long end(int partition) {
      return last[partition] + 1;
    }

    /** Records written, assuming nobody else wrote in between (true in the bench). */
    synchronized long total() {
      long total = 0;
      for (int p = 0; p < first.length; p++) {
        if (last[p] >= 0) total += last[p] - first[p] + 1;
      }
      return total;
    }
  }
}
