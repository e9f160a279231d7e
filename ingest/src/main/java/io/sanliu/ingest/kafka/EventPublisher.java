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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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

  public EventPublisher(Config config) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(ConfigKey.KAFKA_BOOTSTRAP));
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Never wait long inside send(): a full buffer or a missing broker is answered with 503.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "sanliu-ingest");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  public <V> Future<RecordMetadata> publish(Context context, Topic<V> topic, String key, V value) {
    Promise<RecordMetadata> promise = Promise.promise();
    try {
      producer.send(
          new ProducerRecord<>(
              topic.name(),
              key == null ? null : key.getBytes(StandardCharsets.UTF_8),
              topic.serialize(value)),
          (metadata, error) ->
              context.runOnContext(
                  v -> {
                    if (error != null) promise.fail(error);
                    else promise.complete(metadata);
                  }));
    } catch (RuntimeException e) {
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
    Promise<Void> promise = Promise.promise();
    AtomicInteger pending = new AtomicInteger(records.size());
    AtomicReference<Exception> firstError = new AtomicReference<>();
    Callback acknowledged =
        (metadata, error) -> {
          if (error != null) firstError.compareAndSet(null, error);
          if (pending.decrementAndGet() == 0) {
            Exception e = firstError.get();
            context.runOnContext(
                v -> {
                  if (e != null) promise.fail(e);
                  else promise.complete();
                });
          }
        };
    try {
      for (Outgoing<?> r : records) producer.send(r.toRecord(), acknowledged);
    } catch (RuntimeException e) {
      // send() refused at once (buffer full, no metadata): the callbacks of sent records still
      // come; what was not sent never will, so fail now.
      firstError.compareAndSet(null, e);
      return Future.failedFuture(e);
    }
    return promise.future();
  }

  @Override
  public void close() {
    producer.close();
  }
}
