package io.sanliu.ingest.receipts;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.ingest.Receipt;
import io.sanliu.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receipts of accepted messages, so a replayed guid gets the same answer. Kept on a compacted
 * topic; this store reads it from the start when the gateway starts (a restarted gateway still
 * knows) and keeps reading, so gateways behind one load balancer learn each other's receipts.
 * Bounded: the oldest receipts are forgotten first.
 */
public final class ReceiptStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReceiptStore.class);

  private final Map<String, Receipt> receipts;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread reader;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private volatile boolean running = true;

  public ReceiptStore(Config config) {
    int max = config.getInt(ConfigKey.INGEST_REMEMBERED_RECEIPTS);
    this.receipts =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Receipt> eldest) {
            return size() > max;
          }
        };
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(ConfigKey.KAFKA_BOOTSTRAP));
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "sanliu-ingest-receipts-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    this.consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.reader = new Thread(this::run, "ingest-receipts");
    reader.setDaemon(true);
  }

  /** Starts reading and waits until every receipt written before now is known. */
  public void start(Duration timeout) throws InterruptedException {
    reader.start();
    if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("receipts topic not read within " + timeout);
    }
  }

  private void run() {
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.INGEST_RECEIPTS.name()).stream()
              .map(i -> new TopicPartition(i.topic(), i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() == null) continue;
          remember(
              new String(r.key(), StandardCharsets.UTF_8),
              Topics.INGEST_RECEIPTS.deserialize(r.value()));
        }
        if (caughtUp.getCount() > 0
            && end.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
          LOG.info("{} receipts known", size());
          caughtUp.countDown();
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (RuntimeException e) {
      LOG.error("receipts reader stopped: {}", e.toString());
    } finally {
      consumer.close();
    }
  }

  public synchronized Optional<Receipt> find(String sender, String messageGuid) {
    return Optional.ofNullable(receipts.get(Receipt.storeKey(sender, messageGuid)));
  }

  /** Remembers a receipt at once (its write to the topic is the caller's). */
  public synchronized void remember(String storeKey, Receipt receipt) {
    receipts.putIfAbsent(storeKey, receipt);
  }

  public synchronized int size() {
    return receipts.size();
  }

  @Override
  public void close() {
    running = false;
    if (!reader.isAlive()) {
      consumer.close();
      return;
    }
    consumer.wakeup();
    try {
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
