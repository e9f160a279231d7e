package io.sanliu.jobs.risk;

import static io.sanliu.jobs.risk.Documents.changed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wired risk engine on a MiniCluster against the real Kafka and Elasticsearch: parcels matched
 * and indexed, alerts indexed and on the alerts topic, a rule changed on the control topic while
 * the job runs, a shadow rule's alerts marked shadow.
 */
@ExtendWith(SanliuStackExtension.class)
class RiskEngineJobTest {

  /** The sample parcel under another order number and waybill, the waybill naming no order. */
  record Parcel(Order order, Payment payment, Waybill waybill, CustomsList list) {
    static Parcel fresh() {
      String orderNo = "SO-" + UUID.randomUUID();
      String logisticsNo = "SF" + System.nanoTime();
      return new Parcel(
          changed(SampleEvents.order(), o -> o.put("orderNo", orderNo)),
          changed(SampleEvents.payment(), p -> p.put("orderNo", orderNo)),
          changed(
              SampleEvents.waybill(),
              w -> w.put("logisticsNo", logisticsNo).remove(List.of("orderNo", "ebpCode"))),
          changed(
              SampleEvents.customsList(),
              l -> l.put("orderNo", orderNo).put("logisticsNo", logisticsNo)));
    }
  }

  static <T extends BusinessEvent> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<Envelope<T>> topic, EventType type, T doc) {
    Envelope<T> e = Envelope.of(type, "test", UUID.randomUUID().toString(), Instant.now(), doc);
    producer.send(
        new ProducerRecord<>(
            topic.name(), e.key().getBytes(StandardCharsets.UTF_8), topic.serialize(e)));
  }

  static ObjectNode stored(SanliuStack stack, Order order) {
    try {
      GetResponse<ObjectNode> r =
          stack
              .elastic()
              .blocking()
              .get(g -> g.index(Indices.MATCHES).id(order.businessKey()), ObjectNode.class);
      return r.found() ? r.source() : null;
    } catch (Exception e) {
      return null;
    }
  }

  @Test
  void parcelsMeetInAnyOrderAndTheirResultsAreIndexed(SanliuStack stack) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(4);
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      var job = flink.submit(new RiskEngineJob(), stack.config());
      assertEquals(JobStatus.RUNNING, flink.awaitRunning(job, 60_000));

      Parcel good = Parcel.fresh();
      // Waybill before its list: the linker holds it until the list names its parcel.
      send(producer, Topics.WAYBILLS, EventType.WAYBILL, good.waybill());
      send(producer, Topics.PAYMENTS, EventType.PAYMENT, good.payment());
      send(producer, Topics.CUSTOMS_LISTS, EventType.CUSTOMS_LIST, good.list());
      send(producer, Topics.ORDERS, EventType.ORDER, good.order());

      Parcel bad = Parcel.fresh();
      Payment underpaid = changed(bad.payment(), x -> x.put("amountPaid", new BigDecimal("1.00")));
      send(producer, Topics.ORDERS, EventType.ORDER, bad.order());
      send(producer, Topics.PAYMENTS, EventType.PAYMENT, underpaid);
      producer.flush();

      ObjectNode complete =
          Eventually.await(
              () -> stored(stack, good.order()),
              d -> d != null,
              Duration.ofSeconds(90),
              "good parcel");
      assertEquals("COMPLETE", complete.get("status").asText());
      assertEquals(0, complete.get("missing").size());

      ObjectNode mismatch =
          Eventually.await(
              () -> stored(stack, bad.order()),
              d -> d != null,
              Duration.ofSeconds(60),
              "bad parcel");
      assertEquals("MISMATCH", mismatch.get("status").asText());
      assertEquals(
          "payment/order:amountPaid=acturalPaid", mismatch.get("failedFields").get(0).asText());

      // The underpaid parcel is an alert, in the index and on the topic, under its fixed id.
      String mismatchId = RiskAlerts.alertId("document-mismatch", bad.order().businessKey());
      ObjectNode alert =
          Eventually.await(
              () -> alert(stack, mismatchId), d -> d != null, Duration.ofSeconds(60), "alert");
      assertEquals("DOCUMENT_MISMATCH", alert.get("ruleType").asText());
      assertEquals("OPEN", alert.get("status").asText());
      assertEquals(bad.order().businessKey(), alert.get("orderKeys").get(0).asText());
      try (TopicProbe<Envelope<RiskAlert>> alerts =
          new TopicProbe<>(stack.kafkaBootstrap(), Topics.ALERTS)) {
        assertEquals(
            mismatchId,
            alerts
                .await(k -> k.key().equals(mismatchId), 1, Duration.ofSeconds(30))
                .get(0)
                .value()
                .payload()
                .alertId());
      }

      // While the job runs: the single limit lowered to 3,000 (version 2) and a shadow rule at
      // 2,000. An order of 4,000 raises the live v2 alert and a shadow alert.
      RuleDefinition lowered =
          Documents.changedRule("single-limit", java.util.Map.of("limit", "3000"));
      RuleDefinition shadow =
          Documents.shipped("single-limit")
              .asShadow("single-limit-2000", java.util.Map.of("limit", "2000"), "t", Instant.now());
      publish(producer, lowered);
      publish(producer, shadow);
      producer.flush();
      Order before = Parcel.fresh().order();
      Order probe =
          changed(
              before,
              o -> o.put("goodsValue", new BigDecimal("4000.00")).put("freight", BigDecimal.ZERO));
      // The broadcast definitions and the order travel on different topics: resend the order until
      // the new version judged it (a rule change applies from when it arrives, not retroactively).
      ObjectNode live =
          Eventually.await(
              () -> {
                send(producer, Topics.ORDERS, EventType.ORDER, probe);
                producer.flush();
                return alert(stack, RiskAlerts.alertId("single-limit", probe.businessKey()));
              },
              d -> d != null,
              Duration.ofSeconds(60),
              "alert of the lowered limit");
      assertEquals(2, live.get("ruleVersion").asInt());
      assertEquals(false, live.get("shadow").asBoolean());
      assertTrue(live.get("explanationEn").asText().endsWith("single limit 3,000"));
      ObjectNode shadowAlert =
          Eventually.await(
              () -> alert(stack, RiskAlerts.alertId("single-limit-2000", probe.businessKey())),
              d -> d != null,
              Duration.ofSeconds(30),
              "shadow alert");
      assertEquals(true, shadowAlert.get("shadow").asBoolean());
      assertEquals("single-limit-2000", shadowAlert.get("ruleId").asText());

      // The credit job downgrades the probe's enterprise to D: an alert of its own, and the
      // enterprise's alerts from then on one severity level up (the single limit's HIGH).
      CreditGradeChange down =
          Documents.gradeChange(probe.ebcCode(), Grade.C, Grade.D, 5, Instant.now());
      producer.send(
          new ProducerRecord<>(
              Topics.CREDIT_GRADES.name(),
              down.key().getBytes(StandardCharsets.UTF_8),
              Topics.CREDIT_GRADES.serialize(down)));
      producer.flush();
      ObjectNode downgrade =
          Eventually.await(
              () -> alert(stack, RiskAlerts.alertId("credit-downgrade", down.changeId())),
              d -> d != null,
              Duration.ofSeconds(60),
              "downgrade alert");
      assertEquals("CREDIT_DOWNGRADE", downgrade.get("ruleType").asText());
      assertEquals("HIGH", downgrade.get("severity").asText());
      assertEquals(probe.ebcCode(), downgrade.get("enterpriseCode").asText());
      ObjectNode raised =
          Eventually.await(
              () -> {
                send(producer, Topics.ORDERS, EventType.ORDER, probe);
                producer.flush();
                return alert(stack, RiskAlerts.alertId("single-limit", probe.businessKey()));
              },
              d -> d != null && "D".equals(d.at("/evidence/creditGrade").asText()),
              Duration.ofSeconds(60),
              "alert raised for the grade");
      assertEquals("CRITICAL", raised.get("severity").asText());
      assertEquals("HIGH", raised.at("/evidence/severityRaisedFrom").asText());

      flink.cancel(job);
    }
  }

  static void publish(KafkaProducer<byte[], byte[]> producer, RuleDefinition rule) {
    producer.send(
        new ProducerRecord<>(
            Topics.RISK_RULES.name(),
            rule.key().getBytes(StandardCharsets.UTF_8),
            Topics.RISK_RULES.serialize(rule)));
  }

  static ObjectNode alert(SanliuStack stack, String id) {
    try {
      GetResponse<ObjectNode> r =
          stack.elastic().blocking().get(g -> g.index(Indices.ALERTS).id(id), ObjectNode.class);
      return r.found() ? r.source() : null;
    } catch (Exception e) {
      return null;
    }
  }
}
