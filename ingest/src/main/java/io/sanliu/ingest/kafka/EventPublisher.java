package io.sanliu.ingest.kafka;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.kafka.Topic;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes to Kafka with acks from all in-sync replicas and an idempotent producer; the future
 * completes only once Kafka has acknowledged, on the caller's Vert.x context.
 */
public final class EventPublisher implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;

  /**
   * {@code send()} blocks up to {@code max.block.ms} when a topic's metadata is missing (Kafka
   * unreachable) or the buffer is full, so it runs here, never on an event loop (which would stall
   * every connection of that loop, /health included). One thread keeps the publication order.
   */
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ingest-kafka-send");
            t.setDaemon(true);
            return t;
          });

  public EventPublisher(Config config) {
    this.producer =
        new KafkaProducer<>(
            producerProperties(config), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** The gateway's producer settings (the benchmark's raw baseline uses the same). */
  public static Properties producerProperties(Config config) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(ConfigKey.KAFKA_BOOTSTRAP));
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    // Documents are ~2 KB: 128 KB batches instead of 16 KB mean far fewer produce requests.
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(128 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Never wait long inside send(): a full buffer or a missing broker is answered with 503.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "sanliu-ingest");
    return p;
  }

  public <V> Future<RecordMetadata> publish(Context context, Topic<V> topic, String key, V value) {
    Promise<RecordMetadata> promise = Promise.promise();
    try {
      ProducerRecord<byte[], byte[]> record = new Outgoing<>(topic, key, value).toRecord();
      sender.execute(
          () -> {
            try {
              producer.send(
                  record,
                  (metadata, error) ->
                      context.runOnContext(
                          v -> {
                            if (error != null) promise.fail(error);
                            else promise.complete(metadata);
                          }));
            } catch (RuntimeException e) {
              context.runOnContext(v -> promise.fail(e));
            }
          });
    } catch (RuntimeException e) { // serialisation, or publishing after close
      promise.fail(e);
    }
    return promise.future();
  }

  /** One record to publish: the topic decides how the value is serialised. */
  public record Outgoing<V>(Topic<V> topic, String key, V value) {
    ProducerRecord<byte[], byte[]> toRecord() {
      return new ProducerRecord<>(
          topic.name(),
          key == null ? null : key.getBytes(StandardCharsets.UTF_8),
          topic.serialize(value));
    }
  }

  /**
   * Publishes every record; the future completes once Kafka acknowledged all of them (or fails with
   * the first error), with one hop back to the caller's context for the whole message rather than
   * one per record.
   */
  public Future<Void> publishAll(Context context, List<Outgoing<?>> records) {
    if (records.isEmpty()) return Future.succeededFuture();
    List<ProducerRecord<byte[], byte[]>> serialised;
    try {
      serialised = records.stream().map(Outgoing::toRecord).toList();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Promise<Void> promise = Promise.promise();
    AtomicInteger pending = new AtomicInteger(serialised.size());
    AtomicReference<Exception> firstError = new AtomicReference<>();
    // Counts n records as done; the last one completes the message, on the caller's context.
    IntConsumer done =
        n -> {
          if (pending.addAndGet(-n) == 0) {
            Exception e = firstError.get();
            context.runOnContext(
                v -> {
                  if (e != null) promise.fail(e);
                  else promise.complete();
                });
          }
        };
    Callback acknowledged =
        (metadata, error) -> {
          if (error != null) firstError.compareAndSet(null, error);
          done.accept(1);
        };
    try {
      sender.execute(
          () -> {
            for (int i = 0; i < serialised.size(); i++) {
              if (firstError.get() != null) {
                // Kafka already refused a record of this message (e.g. no metadata after
                // max.block.ms): the message fails anyway, do not wait that long for each other
                // one.
                done.accept(serialised.size() - i);
                return;
              }
              try {
                producer.send(serialised.get(i), acknowledged);
              } catch (RuntimeException e) {
                firstError.compareAndSet(null, e);
                done.accept(serialised.size() - i);
                return;
              }
            }
          });
    } catch (RejectedExecutionException e) { // after close
      return Future.failedFuture(e);
    }
    return promise.future();
  }

  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close();
  }
}
