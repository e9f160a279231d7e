package io.sanliu.jobs.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.model.archive.TraceParcel;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wired archive job on a MiniCluster against the real Kafka and Elasticsearch: every document
 * of a parcel, sent on its own topic, lands in {@code sanliu-documents} under the keys the trace
 * follows, once however often it is sent, and no clear personal value reaches the index.
 */
@ExtendWith(SanliuStackExtension.class)
class DocumentArchiveJobTest {

  @SuppressWarnings("unchecked")
  static void send(KafkaProducer<byte[], byte[]> producer, Envelope<? extends BusinessEvent> e) {
    Topic<Envelope<? extends BusinessEvent>> topic =
        (Topic<Envelope<? extends BusinessEvent>>) (Topic<?>) Topics.BY_TYPE.get(e.type());
    producer.send(
        new ProducerRecord<>(
            topic.name(), e.key().getBytes(StandardCharsets.UTF_8), topic.serialize(e)));
  }

  static List<ObjectNode> search(SanliuStack stack, Query query) {
    try {
      return stack
          .elastic()
          .blocking()
          .search(
              s -> s.index(Indices.DOCUMENTS).size(100).query(query).ignoreUnavailable(true),
              ObjectNode.class)
          .hits()
          .hits()
          .stream()
          .map(h -> h.source())
          .toList();
    } catch (Exception e) {
      return List.of();
    }
  }

  static Query anyKey(List<String> keys) {
    return Query.of(
        q ->
            q.terms(
                t ->
                    t.field("keys")
                        .terms(v -> v.value(keys.stream().map(FieldValue::of).toList()))));
  }

  static Map<String, Long> countByType(List<ObjectNode> docs) {
    return docs.stream()
        .collect(
            Collectors.groupingBy(
                d -> d.get("type").asText(), TreeMap::new, Collectors.counting()));
  }

  @Test
  void everyDocumentOfAParcelIsArchivedOnceUnderItsKeysWithPersonalValuesOnlyMasked(
      SanliuStack stack) throws Exception {
    TraceParcel parcel =
        TraceParcel.of("-ARC" + System.nanoTime(), Instant.parse("2041-05-04T03:00:00Z"));
    List<Envelope<? extends BusinessEvent>> envelopes = parcel.envelopes();
    List<String> parcelKeys =
        List.of(
            parcel.orderKey(),
            parcel.waybillKey(),
            DocumentKeys.payment(parcel.payCode(), parcel.payTransactionId()),
            DocumentKeys.customsList(parcel.ebpCode(), parcel.copNo()));

    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(4);
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      var job = flink.submit(new DocumentArchiveJob(), stack.config());
      assertEquals(JobStatus.RUNNING, flink.awaitRunning(job, 60_000));
      for (Envelope<? extends BusinessEvent> e : envelopes) send(producer, e);
      // The order again, as a retrying sender would: the same record, the same document.
      send(producer, envelopes.get(0));
      producer.flush();

      Map<String, Long> expected =
          new TreeMap<>(
              Map.of(
                  "ORDER", 1L,
                  "PAYMENT", 1L,
                  "WAYBILL", 1L,
                  "LOGISTICS_EVENT", 3L,
                  "CUSTOMS_LIST", 1L,
                  "CUSTOMS_RECEIPT", 3L,
                  "EVALUATION", 1L));
      List<ObjectNode> docs =
          Eventually.await(
              () -> search(stack, anyKey(parcelKeys)),
              d -> countByType(d).equals(expected),
              Duration.ofSeconds(90),
              "the parcel's documents in " + Indices.DOCUMENTS);
      Map<String, Long> filings =
          Eventually.await(
              () ->
                  countByType(
                      search(
                          stack,
                          Query.of(
                              q ->
                                  q.term(t -> t.field("enterpriseCode").value(parcel.ebcCode()))))),
              c -> c.getOrDefault("ENTERPRISE_FILING", 0L) == 1 && c.get("GOODS_FILING") != null,
              Duration.ofSeconds(60),
              "the enterprise's filings");
      assertEquals(1L, filings.get("GOODS_FILING"));

      ObjectNode order =
          docs.stream().filter(d -> d.get("type").asText().equals("ORDER")).findFirst().get();
      assertEquals(parcel.ebpCode(), order.get("ebpCode").asText());
      assertEquals(parcel.orderNo(), order.get("orderNo").asText());
      assertEquals(parcel.ebcCode(), order.get("enterpriseCode").asText());
      assertEquals("9610", order.get("tradeMode").asText());
      assertEquals(parcel.ebpCode(), order.get("sender").asText());
      assertEquals(parcel.at(), Instant.parse(order.get("documentTime").asText()));
      assertEquals(envelopes.get(0).messageGuid(), order.get("guid").asText());
      assertEquals("110***********8765", order.at("/body/buyerId/masked").asText());
      assertTrue(order.get("personalFields").toString().contains("buyerId"));

      // The release receipt names only its list; the waybill and tracking only their waybill.
      ObjectNode release =
          docs.stream()
              .filter(d -> "800".equals(d.path("status").asText()))
              .findFirst()
              .orElseThrow();
      assertFalse(release.get("keys").toString().contains(parcel.orderKey()));
      for (ObjectNode d : docs) {
        if (d.get("type").asText().equals("LOGISTICS_EVENT")) {
          assertEquals(parcel.logisticsNo(), d.get("logisticsNo").asText());
        }
      }

      for (ObjectNode d : docs) {
        String source = d.toString();
        for (String clear : TraceParcel.CLEAR_VALUES) {
          assertFalse(source.contains(clear), d.get("id").asText() + " holds a clear value");
        }
        for (JsonNode field : d.get("personalFields")) {
          JsonNode value = d.get("body").get(field.asText());
          if (value == null || value.isTextual()) continue; // absent, or free text
          List<String> names = new java.util.ArrayList<>();
          value.fieldNames().forEachRemaining(names::add);
          assertEquals(List.of("hash", "masked"), names, field + " of " + d.get("id"));
        }
      }
      flink.cancel(job);
    }
  }
}
