package io.sanliu.ingest.kafka;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.kafka.Topic;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
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

  @Override
  public void close() {
    producer.close();
  }
}
