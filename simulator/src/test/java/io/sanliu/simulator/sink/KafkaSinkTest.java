package io.sanliu.simulator.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.simulator.AnomalyRates;
import io.sanliu.simulator.Generated;
import io.sanliu.simulator.traffic.Doc;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaSinkTest {
  static final PersonalDataHasher HASHER =
      new PersonalDataHasher("kafka-sink-test-key-0123456789".getBytes(StandardCharsets.UTF_8));
  static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

  final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  final KafkaSink sink = new KafkaSink(producer, HASHER, Clock.fixed(NOW, ZoneOffset.UTC), m -> {});

  @Test
  void documentsBecomeEnvelopesOnTheirTopicsKeyedByBusinessKeyWithPersonalDataHashed()
      throws Exception {
    Generated run =
        Generated.run(
            1, Generated.START, AnomalyRates.defaults().withAll(0.02), Duration.ofSeconds(30), 40);
    Doc order =
        run.of(EventType.ORDER).stream()
            .filter(d -> "I".equals(d.text("orderType")))
            .findFirst()
            .orElseThrow();
    sink.send(order);

    ProducerRecord<byte[], byte[]> r = producer.history().get(0);
    assertEquals(Topics.ORDERS.name(), r.topic());
    Envelope<Order> e = Topics.ORDERS.deserialize(r.value());
    assertEquals(e.payload().businessKey(), new String(r.key(), StandardCharsets.UTF_8));
    assertEquals(order.recordGuid(), e.messageGuid());
    assertEquals(order.sender(), e.source());
    assertEquals(NOW, e.ingestTime());
    assertEquals(HASHER.hash(order.text("buyerIdNumber")), e.payload().buyerId().hash());
    String json = new String(r.value(), StandardCharsets.UTF_8);
    assertFalse(json.contains(order.text("buyerIdNumber")), "no clear ID number on Kafka");
    assertFalse(json.contains(order.text("consigneeAddress")), "no clear address on Kafka");
    assertEquals(1, sink.counts().total().accepted());
  }

  @Test
  void invalidDocumentsAndReplaysOfAMessageGoToTheDeadLetterTopicAsTheGatewayWould() {
    Generated run =
        Generated.run(
            1,
            Generated.START,
            AnomalyRates.none()
                .with(io.sanliu.model.simulation.AnomalyKind.REJECTED_BURST, 0.05)
                .with(io.sanliu.model.simulation.AnomalyKind.REPLAYED_MESSAGE, 0.05),
            Duration.ofMinutes(1),
            40);
    List<Doc> unusual = run.docs().stream().filter(d -> d.invalid() || d.replay()).toList();
    assertTrue(unusual.stream().anyMatch(Doc::invalid));
    assertTrue(unusual.stream().anyMatch(d -> d.intent() == Doc.Intent.REPLAY_SAME_MESSAGE));
    for (Doc d : unusual) sink.send(d);

    for (int i = 0; i < unusual.size(); i++) {
      Doc d = unusual.get(i);
      ProducerRecord<byte[], byte[]> r = producer.history().get(i);
      if (d.intent() == Doc.Intent.REPLAY_NEW_MESSAGE) {
        assertEquals(Topics.BY_TYPE.get(d.type()).name(), r.topic());
        continue;
      }
      assertEquals(Topics.DEAD_LETTER.name(), r.topic());
      DeadLetter letter = Topics.DEAD_LETTER.deserialize(r.value());
      assertEquals(d.sender(), letter.source());
      assertEquals(d.messageGuid(), letter.messageGuid());
      assertEquals("simulator", letter.stage());
      if (d.invalid()) assertEquals(d.expectedError(), letter.errors().get(0));
    }
    long invalid = unusual.stream().filter(Doc::invalid).count();
    assertEquals(invalid, sink.counts().total().expectedRefusals());
  }
}
