package io.sanliu.jobs.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.logistics.ShipmentState;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wired logistics job on a MiniCluster against the real Kafka and Elasticsearch: tracking
 * events, a customs list and its receipts sent out of order (and one twice) give one shipment
 * document with its timeline sorted by event time, and the stage statistics of its route.
 */
@ExtendWith(SanliuStackExtension.class)
class LogisticsJobTest {

  static <T extends BusinessEvent> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<Envelope<T>> topic, Envelope<T> e) {
    producer.send(
        new ProducerRecord<>(
            topic.name(), e.key().getBytes(StandardCharsets.UTF_8), topic.serialize(e)));
  }

  static ObjectNode get(SanliuStack stack, String index, String id) {
    try {
      GetResponse<ObjectNode> r =
          stack.elastic().blocking().get(g -> g.index(index).id(id), ObjectNode.class);
      return r.found() ? r.source() : null;
    } catch (Exception e) {
      return null;
    }
  }

  @Test
  void aParcelsReportsInAnyOrderMakeOneDocumentWithItsSortedTimeline(SanliuStack stack)
      throws Exception {
    // A waybill and order of their own; times a day ago, so no other test's clock stalls it.
    String no = "SF" + System.nanoTime();
    String orderNo = "SO-" + no;
    String waybill = DocumentKeys.waybill(LogisticsFixtures.CARRIER, no);
    Instant t0 = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Instant picked = t0;
    Instant declared = t0.plus(Duration.ofHours(1));
    Instant departed = t0.plus(Duration.ofHours(5));
    Instant arrived = t0.plus(Duration.ofHours(15));
    Instant released = t0.plus(Duration.ofHours(17));
    Instant cleared = t0.plus(Duration.ofMinutes(17 * 60 + 30));
    Instant out = t0.plus(Duration.ofHours(20));

    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(4);
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      var job = flink.submit(new LogisticsJob(), stack.config());
      assertEquals(JobStatus.RUNNING, flink.awaitRunning(job, 60_000));

      // Receipts before their list; the arrival before the departure; the pick-up twice.
      send(
          producer,
          Topics.CUSTOMS_RECEIPTS,
          LogisticsFixtures.listReceipt(orderNo, "R800-" + no, "800", released));
      send(
          producer,
          Topics.CUSTOMS_RECEIPTS,
          LogisticsFixtures.listReceipt(
              orderNo, "R120-" + no, "120", declared.plus(Duration.ofMinutes(5))));
      send(
          producer,
          Topics.LOGISTICS_EVENTS,
          LogisticsFixtures.tracking(no, no + "-3", LogisticsStatus.ARRIVED, arrived));
      send(
          producer,
          Topics.LOGISTICS_EVENTS,
          LogisticsFixtures.tracking(no, no + "-1", LogisticsStatus.PICKED_UP, picked));
      send(
          producer,
          Topics.CUSTOMS_LISTS,
          LogisticsFixtures.list(
              no, orderNo, declared, l -> l.put("copNo", "COP-" + no).put("invtNo", "INVT-" + no)));
      send(
          producer,
          Topics.LOGISTICS_EVENTS,
          LogisticsFixtures.tracking(no, no + "-2", LogisticsStatus.DEPARTED, departed));
      send(
          producer,
          Topics.LOGISTICS_EVENTS,
          LogisticsFixtures.tracking(no, no + "-1", LogisticsStatus.PICKED_UP, picked));
      send(
          producer,
          Topics.LOGISTICS_EVENTS,
          LogisticsFixtures.tracking(no, no + "-4", LogisticsStatus.CUSTOMS_CLEARANCE, cleared));
      send(
          producer,
          Topics.LOGISTICS_EVENTS,
          LogisticsFixtures.tracking(no, no + "-5", LogisticsStatus.OUT_FOR_DELIVERY, out));
      producer.flush();

      ObjectNode doc =
          Eventually.await(
              () -> get(stack, Indices.SHIPMENTS, waybill),
              d -> d != null && d.path("events").asInt() == 8,
              Duration.ofSeconds(90),
              "shipment " + waybill);

      assertEquals("OUT_FOR_DELIVERY", doc.get("state").asText());
      assertEquals("派送中", doc.get("stateZh").asText());
      assertEquals(
          DocumentKeys.order(SampleEvents.EBP_CODE, orderNo), doc.get("orderKey").asText());
      assertEquals("116>ZONE", doc.get("route").asText());
      assertEquals("AIR", doc.get("transportMode").asText());
      assertEquals(declared, Instant.parse(doc.get("declaredAt").asText()));
      assertEquals(released, Instant.parse(doc.get("releasedAt").asText()));
      assertEquals(0, doc.get("anomalies").asInt());
      assertFalse(doc.get("ended").asBoolean());
      List<String> states = new ArrayList<>();
      List<Instant> times = new ArrayList<>();
      for (JsonNode step : doc.get("timeline")) {
        states.add(step.get("state").asText());
        times.add(Instant.parse(step.get("at").asText()));
      }
      assertEquals(
          List.of(
              "PICKED_UP",
              "DECLARED",
              "DECLARED",
              "DEPARTED",
              "ARRIVED",
              "RELEASED",
              "CUSTOMS_CLEARANCE",
              "OUT_FOR_DELIVERY"),
          states);
      assertEquals(times.stream().sorted().toList(), times, "sorted by event time");

      // Its stages, settled by the watermark, in the statistics of its route, mode and carrier.
      String departedKey =
          StageKey.of(ShipmentState.DEPARTED, "116>ZONE", "AIR", LogisticsFixtures.CARRIER).id();
      ObjectNode stage =
          Eventually.await(
              () -> get(stack, Indices.LOGISTICS_STAGES, departedKey),
              d -> d != null,
              Duration.ofSeconds(60),
              "stage statistics " + departedKey);
      assertEquals("DEPARTED", stage.get("stage").asText());
      assertFalse(stage.get("overall").asBoolean());
      assertEquals("ARRIVED", stage.get("usualNext").asText());
      assertEquals(
          1, stage.get("count").asLong(), "no other test tracks this carrier's air imports");
      assertEquals(600, stage.get("meanMinutes").asDouble(), 1e-9, "departed 5 h, arrived 15 h");

      flink.cancel(job);
    }
  }
}
