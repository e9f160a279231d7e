package io.sanliu.api.rules;

import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.RuleDefinition;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes rule definitions on the risk engine's control topic (key: rule id) with one long-lived,
 * idempotent producer; a change counts once every in-sync replica has it ({@code acks=all}).
 */
public final class RulePublisher implements AutoCloseable {
  private final Vertx vertx;
  private final KafkaProducer<byte[], byte[]> producer;

  public RulePublisher(Vertx vertx, String bootstrap) {
    this.vertx = vertx;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "sanliu-api-rules");
    // A rule change is a person waiting on a page: fail within seconds, not the minute default.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Completes, on the caller's context, once the broker has acknowledged the definition. */
  public Future<RecordMetadata> publish(RuleDefinition definition) {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<RecordMetadata> acked = new CompletableFuture<>();
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            Topics.RISK_RULES.name(),
            definition.key().getBytes(StandardCharsets.UTF_8),
            Topics.RISK_RULES.serialize(definition));
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
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
