package io.sanliu.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of one topic on a thread of its own, outside any consumer group: each API
 * instance sees the whole topic (the rules in force, every alert for its stream clients).
 * Subclasses say where to start and what to do with each record. Kafka being away is waited out;
 * the thread stops on {@link #close()}.
 */
public abstract class TopicReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final long RETRY_MILLIS = 1_000;

  private final String bootstrap;
  private final String topic;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean caughtUp;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  protected TopicReader(String threadName, String bootstrap, String topic) {
    this.bootstrap = bootstrap;
    this.topic = topic;
    this.thread = new Thread(this::run, threadName);
    this.thread.setDaemon(true);
  }

  public final void start() {
    thread.start();
  }

  /** Seeks every partition to where reading starts (called again after a reconnect). */
  protected abstract void position(
      KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions);

  protected abstract void accept(ConsumerRecord<byte[], byte[]> record);

  /** Whether everything on the topic when reading (re)started has been read. */
  public boolean caughtUp() {
    return caughtUp;
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<byte[], byte[]> c =
          new KafkaConsumer<>(
              properties(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        consumer = c;
        if (!running) return;
        follow(c);
      } catch (WakeupException e) {
        if (running) LOG.warn("{}: woken up while running", topic);
      } catch (RuntimeException e) {
        if (!running) return;
        LOG.warn("{}: reading stopped ({}), retrying", topic, e.toString());
        sleep();
      } finally {
        consumer = null;
      }
    }
  }

  private void follow(KafkaConsumer<byte[], byte[]> c) {
    List<TopicPartition> partitions = partitions(c);
    if (partitions.isEmpty()) return;
    c.assign(partitions);
    position(c, partitions);
    Map<TopicPartition, Long> end = c.endOffsets(partitions);
    while (running) {
      for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
        try {
          accept(r);
        } catch (RuntimeException e) {
          LOG.warn(
              "{}: skipped unreadable record {}@{}: {}",
              topic,
              r.partition(),
              r.offset(),
              e.toString());
        }
      }
      if (!caughtUp && partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
        caughtUp = true;
      }
    }
  }

  private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c) {
    while (running) {
      List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(5));
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
      }
      LOG.info("{}: topic not there yet, waiting", topic);
      sleep();
    }
    return List.of();
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, thread.getName());
    return p;
  }

  private void sleep() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) c.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
