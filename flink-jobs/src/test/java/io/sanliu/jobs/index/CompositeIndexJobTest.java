package io.sanliu.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.jobs.risk.group.TestOrders;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wired composite-index job on a MiniCluster over the real Kafka and Elasticsearch: an hour of
 * steady trade sets the base period, a second hour with twice the orders raises the index. The job
 * reads only what this test sends (it starts at the test's first record), and the test's event
 * times lie days back, before the other tests' clocks on the shared topics.
 */
@ExtendWith(SanliuStackExtension.class)
class CompositeIndexJobTest {
  static final Duration M = Duration.ofMinutes(1);

  int next;

  @Test
  void anHourSetsTheBaseAndTwiceTheTradeRaisesTheIndex(SanliuStack stack) throws Exception {
    Instant t0 = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    Instant startAt = Instant.now().minusSeconds(1);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(4);
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      // Started before the traffic, which then comes minute by minute as a live zone's would: read
      // as a backlog, one partition could carry a subtask's clock past another's unread records.
      JobID job =
          flink.submit(
              new CompositeIndexJob(),
              stack.config().with(ConfigKey.KAFKA_START_AT, startAt.toString()));
      assertEquals(JobStatus.RUNNING, flink.awaitRunning(job, 60_000));
      Thread.sleep(3_000); // the sources have their partitions
      // The zone's FX feed, as the simulator publishes it at start.
      for (var rate : io.sanliu.model.fx.DefaultFxRates.asRates(t0)) {
        producer.send(
            new ProducerRecord<>(
                Topics.FX_RATES.name(),
                rate.key().getBytes(StandardCharsets.UTF_8),
                Topics.FX_RATES.serialize(rate)));
      }
      for (int minute = 0; minute < 120; minute++) {
        Instant at = t0.plus(M.multipliedBy(minute));
        int orders = minute < 60 ? 10 : 20;
        for (int i = 0; i < orders; i++) {
          send(producer, Topics.ORDERS, order(at.plusSeconds(i), "44039600E" + (i % 5)));
        }
        // A parcel delivered 30 minutes after its pick-up, every minute.
        String waybill = "YT" + minute;
        send(producer, Topics.LOGISTICS_EVENTS, tracking(waybill, LogisticsStatus.PICKED_UP, at));
        send(
            producer,
            Topics.LOGISTICS_EVENTS,
            tracking(waybill, LogisticsStatus.DELIVERED, at.plus(Duration.ofMinutes(30))));
        if (minute % 10 == 0) {
          send(producer, Topics.ALERTS, alert(at.plusSeconds(30), false));
          send(producer, Topics.ALERTS, alert(at.plusSeconds(31), true)); // shadow: not counted
        }
        producer.flush();
        Thread.sleep(50);
      }
      // Every partition's clock past the second hour.
      int partitions = producer.partitionsFor(Topics.ORDERS.name()).size();
      for (int part = 0; part < partitions; part++) {
        Envelope<Order> o = order(t0.plus(Duration.ofMinutes(125)), "44039600E0");
        producer.send(
            new ProducerRecord<>(
                Topics.ORDERS.name(),
                part,
                o.key().getBytes(StandardCharsets.UTF_8),
                Topics.ORDERS.serialize(o)));
      }
      producer.flush();
      Instant last = t0.plus(Duration.ofMinutes(119));
      JsonNode end;
      try {
        end =
            Eventually.await(
                () -> point(stack, last),
                java.util.Objects::nonNull,
                Duration.ofSeconds(90),
                "the point of " + last);
      } catch (AssertionError e) {
        throw new AssertionError(
            e.getMessage()
                + "; job "
                + flink.status(job)
                + ", failure: "
                + flink.lastFailure(job)
                + ", vertices: "
                + vertices(flink, job)
                + ", points so far: "
                + countPoints(stack, t0.minus(Duration.ofDays(1)), t0.plus(Duration.ofDays(1))),
            e);
      }
      JsonNode base = point(stack, t0.plus(Duration.ofMinutes(59)));
      assertEquals(100.0, base.get("composite").asDouble(), "the base period: " + base);
      JsonNode sub = end.get("subIndices");
      assertEquals(200.0, sub.get("volume").get("index").asDouble(), end.toString());
      assertEquals(200.0, sub.get("tradeValue").get("index").asDouble(), "CNY 100 each, twice");
      assertEquals(1200, sub.get("volume").get("sample").asLong());
      assertEquals(100.0, sub.get("activeEnterprises").get("index").asDouble());
      assertEquals(0.5, sub.get("logistics").get("level").asDouble(), "half an hour per parcel");
      // The same six live alerts an hour over twice the orders: half the rate.
      double risk = 100 * (1 + 0.5 * 1200 / 1250.0);
      assertEquals(Math.round(risk * 100) / 100.0, sub.get("risk").get("index").asDouble());
      assertTrue(end.get("composite").asDouble() > 150, end.toString());
      long minutes = countPoints(stack, t0, t0.plus(Duration.ofMinutes(120)));
      assertEquals(120, minutes, "one point per minute");
      flink.cancel(job);
    }
  }

  /** Records read and written per operator chain: where a run stalled. */
  static String vertices(LocalFlinkCluster flink, JobID job) {
    try {
      var http = java.net.http.HttpClient.newHttpClient();
      String body =
          http.send(
                  java.net.http.HttpRequest.newBuilder(flink.webUrl().resolve("/jobs/" + job))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      StringBuilder out = new StringBuilder();
      for (JsonNode v : io.sanliu.model.Json.mapper().readTree(body).path("vertices")) {
        String marks =
            http.send(
                    java.net.http.HttpRequest.newBuilder(
                            flink
                                .webUrl()
                                .resolve(
                                    "/jobs/"
                                        + job
                                        + "/vertices/"
                                        + v.path("id").asText()
                                        + "/watermarks"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        out.append(
            String.format(
                "%n  %s watermarks %s",
                v.path("name")
                    .asText()
                    .substring(0, Math.min(60, v.path("name").asText().length())),
                marks));
      }
      return out.toString();
    } catch (Exception e) {
      return "(no REST answer: " + e + ")";
    }
  }

  Envelope<Order> order(Instant at, String ebc) {
    return TestOrders.order("CI" + (++next)).ebc(ebc).value("100.00").at(at).envelope();
  }

  static Envelope<LogisticsEvent> tracking(String waybill, LogisticsStatus status, Instant at) {
    LogisticsEvent e =
        new LogisticsEvent(
            waybill + "-" + status, "4403980001", waybill, status, "深圳", "142", "AIR", at, null);
    return Envelope.of(EventType.LOGISTICS_EVENT, "4403980001", e.eventId(), at, e);
  }

  Envelope<RiskAlert> alert(Instant at, boolean shadow) {
    String id = "composite-test-" + (++next);
    RiskAlert a =
        new RiskAlert(
            id,
            shadow ? "single-limit-shadow" : "single-limit",
            1,
            RuleType.SINGLE_LIMIT,
            "单笔交易超限",
            "single transaction limit exceeded",
            Severity.MEDIUM,
            50,
            AlertStatus.OPEN,
            shadow,
            List.of(),
            List.of(),
            null,
            List.of(),
            Map.of(),
            "测试",
            "test",
            Map.of(),
            at,
            at,
            at);
    return Envelope.of(EventType.RISK_ALERT, "sanliu", id, at, a);
  }

  static <T extends io.sanliu.model.events.BusinessEvent> void send(
      KafkaProducer<byte[], byte[]> producer, Topic<Envelope<T>> topic, Envelope<T> e) {
    producer.send(
        new ProducerRecord<>(
            topic.name(), e.key().getBytes(StandardCharsets.UTF_8), topic.serialize(e)));
  }

  static JsonNode point(SanliuStack stack, Instant minute) {
    try {
      var r =
          stack
              .elastic()
              .blocking()
              .get(g -> g.index(Indices.COMPOSITE_INDEX).id(minute.toString()), ObjectNode.class);
      return r.found() ? r.source() : null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static long countPoints(SanliuStack stack, Instant from, Instant to) throws Exception {
    stack.elastic().blocking().indices().refresh(r -> r.index(Indices.COMPOSITE_INDEX));
    return stack
        .elastic()
        .blocking()
        .count(
            c ->
                c.index(Indices.COMPOSITE_INDEX)
                    .query(
                        q ->
                            q.range(
                                r ->
                                    r.date(
                                        d ->
                                            d.field("minuteStart")
                                                .gte(from.toString())
                                                .lt(to.toString())))))
        .count();
  }
}
