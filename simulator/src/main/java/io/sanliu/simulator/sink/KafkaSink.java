package io.sanliu.simulator.sink;

import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.Doc.Intent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes documents straight to the business topics, for load tests: what the gateway would
 * publish, without the gateway. Personal fields are hashed here with the platform's key ({@code
 * SANLIU_PII_HMAC_KEY}), records are built by {@link EnvelopeFactory}. What the gateway would
 * refuse goes where the gateway would put it: invalid documents, and replays under an accepted
 * message guid, to the dead-letter topic; a replay in a new message is published again (the jobs'
 * duplicate check must catch it).
 */
public final class KafkaSink implements DocumentSink {
  private final Producer<byte[], byte[]> producer;
  private final EnvelopeFactory envelopes;
  private final Clock clock;
  private final Consumer<String> log;
  private final DeliveryCounts counts = new DeliveryCounts();
  private volatile boolean warned;

  public KafkaSink(String bootstrap, PersonalDataHasher hasher, Consumer<String> log) {
    this(producer(bootstrap), hasher, Clock.systemUTC(), log);
  }

  /** With a given producer (a mock in tests) and clock for the ingest times. */
  public KafkaSink(
      Producer<byte[], byte[]> producer,
      PersonalDataHasher hasher,
      Clock clock,
      Consumer<String> log) {
    this.producer = producer;
    this.envelopes = new EnvelopeFactory(hasher);
    this.clock = clock;
    this.log = log;
  }

  /** An idempotent producer that waits for all replicas, as the gateway's. */
  public static Producer<byte[], byte[]> producer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(p);
  }

  @Override
  public DeliveryCounts counts() {
    return counts;
  }

  @Override
  public void sendReferenceData(List<Doc> docs) {
    for (Doc d : docs) send(d);
    producer.flush();
  }

  @Override
  public void send(Doc doc) {
    counts.sent(doc.type(), 1);
    var now = clock.instant();
    if (doc.intent() == Intent.INVALID || doc.intent() == Intent.REPLAY_SAME_MESSAGE) {
      String reason =
          doc.intent() == Intent.INVALID
              ? doc.expectedError().reason()
              : "replay of accepted message " + doc.messageGuid() + ": not published again";
      String path = doc.intent() == Intent.INVALID ? doc.expectedError().path() : "guid";
      DeadLetter letter =
          DeadLetter.of(
              "simulator",
              doc.sender(),
              doc.messageGuid(),
              doc.format().xml() ? "application/xml" : "application/json",
              List.of(new DeadLetter.FieldError(path, reason)),
              doc.record().toString(),
              now);
      publish(doc, Topics.DEAD_LETTER, doc.messageGuid(), letter, true);
      return;
    }
    Envelope<BusinessEvent> envelope = envelopes.envelope(doc, now);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Topic<Envelope<BusinessEvent>> topic = (Topic) Topics.BY_TYPE.get(doc.type());
    publish(doc, topic, envelope.key(), envelope, false);
  }

  private <V> void publish(Doc doc, Topic<V> topic, String key, V value, boolean refusal) {
    producer.send(
        new ProducerRecord<>(
            topic.name(), key.getBytes(StandardCharsets.UTF_8), topic.serialize(value)),
        (metadata, error) -> {
          if (error != null) {
            counts.failed(doc.type(), 1);
            if (!warned) {
              warned = true;
              log.accept("simulator: Kafka did not take a record: " + error.getMessage());
            }
          } else if (refusal && doc.intent() == Intent.INVALID) {
            counts.expectedRefusal(doc.type());
          } else {
            counts.accepted(doc.type(), 1);
          }
        });
  }

  @Override
  public void close() {
    producer.flush();
    producer.close(java.time.Duration.ofSeconds(30));
  }
}
