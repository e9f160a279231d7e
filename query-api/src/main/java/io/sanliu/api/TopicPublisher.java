package io.sanliu.api;

import io.sanliu.model.kafka.Topic;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes what a person changed through the API (a rule definition, a negative-list entry) on its
 * topic, keyed, with one long-lived idempotent producer; a change counts once every in-sync replica
 * has it ({@code acks=all}).
 */
public final class TopicPublisher<T> implements AutoCloseable {
  private final Vertx vertx;
  private final Topic<T> topic;
  private final Function<T, String> key;
  private final KafkaProducer<byte[], byte[]> producer;

  public TopicPublisher(
      Vertx vertx, String bootstrap, Topic<T> topic, Function<T, String> key, String clientId) {
    this.vertx = vertx;
    this.topic = topic;
    this.key = key;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    // A person is waiting on a page: fail within seconds, not the minute default.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Completes, on the caller's context, once the broker has acknowledged {@code value}. */
  public Future<RecordMetadata> publish(T value) {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            topic.name(),
            key.apply(value).getBytes(StandardCharsets.UTF_8),
            topic.serialize(value));
    // send() blocks while it fetches the topic's metadata: not on the event loop.
    return vertx
        .executeBlocking(
            () ->
                producer.send(
                    record,
                    (metadata, failure) -> {
                      if (failure != null) acked.completeExceptionally(failure);
                      else acked.complete(metadata);
                    }))
        .compose(sent -> Future.fromCompletionStage(acked, context));
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
