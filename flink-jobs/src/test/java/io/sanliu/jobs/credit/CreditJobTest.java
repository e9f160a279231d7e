package io.sanliu.jobs.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.SortOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.model.Json;
import io.sanliu.model.archive.TraceParcel;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wired credit job on a MiniCluster against the real Kafka and Elasticsearch: a parcel matched
 * and released becomes its enterprise's verified turnover and first profile (grade B); a
 * negative-list entry then drops it to D, with the profile in {@link Indices#CREDIT}, both
 * revisions in {@link Indices#CREDIT_HISTORY} and the downgrade on {@link Topics#CREDIT_GRADES}.
 * Event time 2047; the job starts reading at the test's start, so it sees only its own records.
 */
@ExtendWith(SanliuStackExtension.class)
class CreditJobTest {
  static final Instant AT = Instant.parse("2047-06-05T02:00:00Z");

  @Test
  void aReleasedParcelScoresItsEnterpriseAndANegativeListingDowngradesIt(SanliuStack stack)
      throws Exception {
    TraceParcel parcel = TraceParcel.of("-CRD" + System.nanoTime() % 1_000_000_000L, AT);
    String code = parcel.ebcCode();
    Instant startAt = Instant.now().minusSeconds(1);
    Config config = stack.config().with(ConfigKey.KAFKA_START_AT, startAt.toString());
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(4);
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        TopicProbe<CreditGradeChange> grades =
            new TopicProbe<>(stack.kafkaBootstrap(), Topics.CREDIT_GRADES);
        TopicProbe<NegativeListEntry> negative =
            new TopicProbe<>(stack.kafkaBootstrap(), Topics.NEGATIVE_LIST)) {
      var job = flink.submit(new CreditJob(), config);
      assertEquals(JobStatus.RUNNING, flink.awaitRunning(job, 60_000));

      // 1. The parcel's order, payment, waybill and list, and customs statuses naming the order.
      double paid = 0;
      for (Envelope<? extends BusinessEvent> e : parcel.envelopes()) {
        if (e.payload() instanceof Order o) paid = o.acturalPaid().doubleValue();
        send(producer, namingTheOrder(e, parcel));
      }
      producer.flush();
      double turnover = paid;
      ObjectNode first =
          Eventually.await(
              () -> profile(stack, code),
              // The evaluation (a complaint, score 2) counted too: every document of the parcel.
              d ->
                  d != null
                      && d.path("turnover365d").asDouble() > 0
                      && d.at("/factorPoints/EVALUATIONS").asDouble() < 0,
              Duration.ofSeconds(90),
              "the enterprise's profile with its verified turnover and its evaluation");
      assertEquals(turnover, first.get("turnover365d").asDouble(), 0.005);
      assertEquals("B", first.get("grade").asText());
      // Counts are decayed from the newest evidence (half-life P90D), the consumer's evaluation two
      // days after the order; the hours between the documents make a few 1e-4 more.
      double twoDays = Math.pow(0.5, 2.0 / 90);
      assertEquals(twoDays, first.get("parcelsMatched").asDouble(), 0.002);
      assertEquals(twoDays, first.get("listsReleased").asDouble(), 0.002);
      // 8 points for 10 M CNY, on a log scale from 1,000 (docs/credit.md).
      double turnoverPoints = 8 * Math.min(1, Math.log10(1 + turnover / 1000) / 4);
      assertEquals(turnoverPoints, points(first, "VERIFIED_TURNOVER"), 1e-3);
      assertEquals(turnoverPoints, first.at("/factorPoints/VERIFIED_TURNOVER").asDouble(), 1e-3);
      assertScoreIsBasePlusContributions(first);

      // 2. The enterprise on the negative list, a day later.
      NegativeListEntry entry =
          new NegativeListEntry(
              "NL-" + code,
              NegativeListEntry.Subject.ENTERPRISE,
              code,
              null,
              null,
              null,
              "拒不配合海关稽查",
              "ZONE4403",
              AT.plus(Duration.ofDays(1)),
              null);
      producer.send(
          new ProducerRecord<>(
              Topics.NEGATIVE_LIST.name(),
              entry.entryId().getBytes(StandardCharsets.UTF_8),
              Topics.NEGATIVE_LIST.serialize(entry)));
      producer.flush();
      ObjectNode listed =
          Eventually.await(
              () -> profile(stack, code),
              d -> d != null && "D".equals(d.path("grade").asText()),
              Duration.ofSeconds(60),
              "the listed enterprise's profile at grade D");
      assertTrue(listed.get("negativeListed").asBoolean());
      assertEquals(-40.0, points(listed, "NEGATIVE_LIST"), 1e-6);
      assertEquals("NEGATIVE_LIST", listed.get("cause").asText());
      assertEquals("B", listed.get("previousGrade").asText());
      assertEquals(first.get("score").asDouble() - 40, listed.get("score").asDouble(), 0.11);
      assertScoreIsBasePlusContributions(listed);

      // 3. Its history: every revision, the last one the listed profile, an earlier one at B.
      long revision = listed.get("revision").asLong();
      List<ObjectNode> history =
          Eventually.await(
              () -> history(stack, code),
              h -> !h.isEmpty() && h.get(0).get("revision").asLong() == revision,
              Duration.ofSeconds(30),
              "the history up to revision " + revision);
      assertEquals(revision, history.size(), "one history entry per revision");
      assertEquals("D", history.get(0).get("grade").asText());
      assertTrue(history.stream().skip(1).allMatch(h -> "B".equals(h.get("grade").asText())));

      // 4. The grade changes on the topic: the first grade, then the downgrade to D.
      List<CreditGradeChange> changes =
          grades.await(k -> k.key().equals(code), 2, Duration.ofSeconds(30)).stream()
              .map(TopicProbe.Keyed::value)
              .toList();
      CreditGradeChange firstGrade = changes.get(0);
      assertNull(firstGrade.from());
      assertEquals(Grade.B, firstGrade.to());
      assertFalse(firstGrade.downgrade());
      CreditGradeChange downgrade = changes.get(1);
      assertEquals(Grade.B, downgrade.from());
      assertEquals(Grade.D, downgrade.to());
      assertTrue(downgrade.downgrade());
      assertEquals(revision, downgrade.revision());
      assertEquals(listed.get("score").asDouble(), downgrade.score(), 1e-6);
      assertTrue(
          downgrade.contributions().stream()
              .anyMatch(c -> c.factor().name().equals("NEGATIVE_LIST") && c.points() == -40));

      // 5. A risk officer confirms a fake trade of the enterprise: it is listed by rule.
      Instant alertAt = AT.plus(Duration.ofDays(2));
      RiskAlert fake =
          new RiskAlert(
              "A-FAKE-" + code,
              "export-not-shipped",
              1,
              RuleType.EXPORT_NOT_SHIPPED,
              RuleType.EXPORT_NOT_SHIPPED.nameZh(),
              RuleType.EXPORT_NOT_SHIPPED.nameEn(),
              Severity.HIGH,
              80,
              AlertStatus.OPEN,
              false,
              List.of(),
              List.of(),
              code,
              List.of(),
              Map.of(),
              "出口已付未发",
              "export paid, not shipped",
              Map.of(),
              alertAt,
              alertAt,
              null);
      send(
          producer,
          Envelope.of(EventType.RISK_ALERT, "risk-engine", fake.alertId(), alertAt, fake));
      AlertReview confirmed =
          new AlertReview(
              fake.alertId(),
              fake.ruleId(),
              fake.ruleType(),
              AlertStatus.CLOSED_TRUE_POSITIVE,
              false,
              code,
              List.of(),
              List.of(),
              alertAt,
              alertAt.plus(Duration.ofHours(3)),
              "risk_officer");
      producer.send(
          new ProducerRecord<>(
              Topics.ALERT_REVIEWS.name(),
              confirmed.alertId().getBytes(StandardCharsets.UTF_8),
              Topics.ALERT_REVIEWS.serialize(confirmed)));
      producer.flush();
      String ruleEntryId = "rule-fake-trade:" + code + ":" + fake.alertId();
      NegativeListEntry byRule =
          negative
              .await(k -> k.key().equals(ruleEntryId), 1, Duration.ofSeconds(60))
              .get(0)
              .value();
      assertEquals(code, byRule.enterpriseCode());
      assertEquals(NegativeListByRule.LISTER, byRule.listedBy());
      assertTrue(byRule.reason().contains(fake.alertId()), byRule.reason());
      assertNull(flink.lastFailure(job));
      flink.cancel(job);
    }
  }

  /**
   * A parcel matched and released becomes one entry of the verified trade ledger ({@link
   * Indices#VERIFIED_TRADE}, id: its order key): amounts to the cent, the release time and month in
   * China time, the declared tax and the comprehensive tax computed here from the documents. Event
   * time 2048, keys of its own.
   */
  @Test
  void aReleasedParcelIsWrittenToTheVerifiedTradeLedger(SanliuStack stack) throws Exception {
    Instant at = Instant.parse("2048-02-29T17:00:00Z");
    TraceParcel parcel = TraceParcel.of("-LDG" + System.nanoTime() % 1_000_000_000L, at);
    Config config =
        stack.config().with(ConfigKey.KAFKA_START_AT, Instant.now().minusSeconds(1).toString());
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(4);
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      var job = flink.submit(new CreditJob(), config);
      assertEquals(JobStatus.RUNNING, flink.awaitRunning(job, 60_000));
      Order order = null;
      BigDecimal insured = BigDecimal.ZERO;
      for (Envelope<? extends BusinessEvent> e : parcel.envelopes()) {
        if (e.payload() instanceof Order o) order = o;
        if (e.payload() instanceof CustomsList l && l.insuredFee() != null) {
          insured = l.insuredFee();
        }
        send(producer, namingTheOrder(e, parcel));
      }
      producer.flush();
      ObjectNode entry =
          Eventually.await(
              () -> ledgerEntry(stack, parcel.orderKey()),
              d -> d != null,
              Duration.ofSeconds(90),
              "the parcel's ledger entry");
      assertEquals(parcel.ebcCode(), entry.get("ebcCode").asText());
      assertEquals(parcel.ebpCode(), entry.get("ebpCode").asText());
      assertEquals(parcel.logisticsCode(), entry.get("logisticsCode").asText());
      assertEquals(parcel.payCode(), entry.get("payCode").asText());
      assertEquals(parcel.listReleasedAt(), Instant.parse(entry.get("releasedAt").asText()));
      // Released 2048-02-29T20:00Z, 2048-03-01T04:00 in China: March, though it is still February
      // in UTC.
      assertEquals("2048-03", entry.get("month").asText());
      long paidCents = order.acturalPaid().movePointRight(2).longValueExact();
      assertEquals(paidCents, entry.get("acturalPaidCents").asLong());
      assertEquals(paidCents, entry.get("turnoverCents").asLong());
      assertEquals(paidCents / 100.0, entry.get("turnoverCny").asDouble(), 1e-9);
      long declared = order.taxTotal().movePointRight(2).longValueExact();
      long taxable =
          order.goodsValue().add(order.freight()).add(insured).movePointRight(2).longValueExact();
      // 9.1% in integer cents, half up: (taxable * 91 + 500) / 1000.
      long computed = (taxable * 91 + 500) / 1000;
      assertEquals(declared, entry.get("taxTotalCents").asLong());
      assertEquals(taxable, entry.get("taxableValueCents").asLong());
      assertEquals(computed, entry.get("taxComputedCents").asLong());
      assertEquals(declared - computed, entry.get("taxDifferenceCents").asLong());
      assertTrue(entry.get("retailImport").asBoolean());
      assertNull(flink.lastFailure(job));
      flink.cancel(job);
    }
  }

  static ObjectNode ledgerEntry(SanliuStack stack, String orderKey) {
    try {
      var r =
          stack
              .elastic()
              .blocking()
              .get(g -> g.index(Indices.VERIFIED_TRADE).id(orderKey), ObjectNode.class);
      return r.found() ? r.source() : null;
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * The parcel's documents, its customs list receipts naming the order as the simulator's do (the
   * job does not attribute receipts naming only the list number: docs/credit.md).
   */
  static Envelope<? extends BusinessEvent> namingTheOrder(
      Envelope<? extends BusinessEvent> e, TraceParcel parcel) {
    if (!(e.payload() instanceof CustomsReceipt r) || r.orderNo() != null || r.copNo() == null) {
      return e;
    }
    ObjectNode node = Json.mapper().valueToTree(r);
    node.put("orderNo", parcel.orderNo()).put("ebpCode", parcel.ebpCode());
    CustomsReceipt named = Json.mapper().convertValue(node, CustomsReceipt.class);
    return Envelope.of(
        EventType.CUSTOMS_RECEIPT, e.source(), e.messageGuid(), e.ingestTime(), named);
  }

  @SuppressWarnings("unchecked")
  static void send(KafkaProducer<byte[], byte[]> producer, Envelope<? extends BusinessEvent> e) {
    Topic<Envelope<? extends BusinessEvent>> topic =
        (Topic<Envelope<? extends BusinessEvent>>) (Topic<?>) Topics.BY_TYPE.get(e.type());
    producer.send(
        new ProducerRecord<>(
            topic.name(), e.key().getBytes(StandardCharsets.UTF_8), topic.serialize(e)));
  }

  static double points(JsonNode profile, String factor) {
    for (JsonNode c : profile.get("contributions")) {
      if (c.get("factor").asText().equals(factor)) return c.get("points").asDouble();
    }
    throw new AssertionError("no contribution of " + factor + " in " + profile);
  }

  /** The score is the base plus every stored contribution, to the tenth it is rounded to. */
  static void assertScoreIsBasePlusContributions(JsonNode profile) {
    double sum = profile.get("base").asDouble();
    for (JsonNode c : profile.get("contributions")) sum += c.get("points").asDouble();
    double expected = Math.round(Math.max(0, Math.min(100, sum)) * 10) / 10.0;
    assertEquals(expected, profile.get("score").asDouble(), 1e-9, profile.toString());
  }

  static ObjectNode profile(SanliuStack stack, String code) {
    try {
      var r =
          stack.elastic().blocking().get(g -> g.index(Indices.CREDIT).id(code), ObjectNode.class);
      return r.found() ? r.source() : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** The enterprise's history entries, newest revision first. */
  static List<ObjectNode> history(SanliuStack stack, String code) {
    try {
      List<ObjectNode> out = new ArrayList<>();
      stack
          .elastic()
          .blocking()
          .search(
              s ->
                  s.index(Indices.CREDIT_HISTORY)
                      .size(100)
                      .query(q -> q.term(t -> t.field("code").value(code)))
                      .sort(o -> o.field(f -> f.field("revision").order(SortOrder.Desc))),
              ObjectNode.class)
          .hits()
          .hits()
          .forEach(h -> out.add(h.source()));
      return out;
    } catch (Exception e) {
      return List.of();
    }
  }
}
