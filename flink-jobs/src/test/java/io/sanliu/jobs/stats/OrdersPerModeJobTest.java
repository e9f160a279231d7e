package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topics;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The wired job on a MiniCluster, reading the real Kafka and writing the real Elasticsearch. */
@ExtendWith(SanliuStackExtension.class)
class OrdersPerModeJobTest {
  static SanliuStack stack;
  static LocalFlinkCluster flink;
  static JobID job;
  static KafkaProducer<byte[], byte[]> producer;
  static final AtomicInteger sequence = new AtomicInteger();

  @BeforeAll
  static void start(SanliuStack s) throws Exception {
    stack = s;
    flink = LocalFlinkCluster.start(4);
    job = flink.submit(new OrdersPerModeJob(), s.config());
    assertEquals(JobStatus.RUNNING, flink.awaitRunning(job, 60_000));
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.kafkaBootstrap());
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @AfterAll
  static void stop() throws Exception {
    producer.close();
    flink.close();
  }

  static Envelope<Order> order(TradeMode mode, AppType appType, Instant at) {
    String orderNo = "SO" + sequence.incrementAndGet();
    Order o =
        new Order(
            "G-" + orderNo,
            appType,
            at,
            "2",
            Direction.I,
            mode,
            orderNo,
            "4403960001",
            "平台",
            "4403910001",
            "企业",
            new BigDecimal("100.00"),
            BigDecimal.ZERO,
            null,
            null,
            new BigDecimal("100.00"),
            "142",
            null,
            "1",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(
                new OrderItem(
                    1,
                    "I1",
                    "奶粉",
                    null,
                    null,
                    null,
                    "罐",
                    BigDecimal.ONE,
                    new BigDecimal("100.00"),
                    new BigDecimal("100.00"),
                    "142",
                    "116",
                    null)));
    return Envelope.of(EventType.ORDER, "4403960001", o.guid(), Instant.now(), o);
  }

  static void send(Envelope<Order> e) {
    send(null, e);
  }

  static void send(Integer partition, Envelope<Order> e) {
    producer.send(
        new ProducerRecord<>(
            Topics.ORDERS.name(),
            partition,
            e.key().getBytes(StandardCharsets.UTF_8),
            Topics.ORDERS.serialize(e)));
  }

  /** One order on every partition: every partition's clock moves past the minute under test. */
  static void advanceEveryPartitionTo(Instant at) {
    int partitions = producer.partitionsFor(Topics.ORDERS.name()).size();
    for (int p = 0; p < partitions; p++)
      send(p, order(TradeMode.OVERSEAS_WAREHOUSE_9810, AppType.NEW, at));
    producer.flush();
  }

  /** Order counts per mode stored for the minute starting at {@code minute}, and doc counts. */
  static Map<String, List<Long>> storedCounts(Instant minute) {
    try {
      var response =
          stack
              .elastic()
              .blocking()
              .search(
                  s ->
                      s.index(Indices.ORDERS_PER_MODE)
                          .size(100)
                          .query(
                              Query.of(
                                  q ->
                                      q.range(
                                          r ->
                                              r.untyped(
                                                  u ->
                                                      u.field("windowStart")
                                                          .gte(JsonData.of(minute.toString()))
                                                          .lte(JsonData.of(minute.toString())))))),
                  ObjectNode.class);
      return response.hits().hits().stream()
          .map(h -> h.source())
          .collect(
              Collectors.groupingBy(
                  d -> d.get("tradeMode").asText(),
                  TreeMap::new,
                  Collectors.mapping(d -> d.get("orders").asLong(), Collectors.toList())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void countsNewOrdersPerModeAndMinuteAndUpdatesTheMinuteForALateOrder() {
    // A minute of its own, years ahead, so no other data of this JVM falls into it.
    Instant minute =
        Instant.parse("2031-01-01T00:00:00Z")
            .plus(ThreadLocalRandom.current().nextInt(100_000), ChronoUnit.MINUTES);
    for (int i = 0; i < 5; i++)
      send(order(TradeMode.DIRECT_9610, AppType.NEW, minute.plusSeconds(10 + i)));
    for (int i = 0; i < 3; i++)
      send(order(TradeMode.BONDED_1210, AppType.NEW, minute.plusSeconds(20 + i)));
    for (int i = 0; i < 2; i++) send(order(null, AppType.NEW, minute.plusSeconds(30 + i)));
    send(order(TradeMode.DIRECT_9610, AppType.CHANGE, minute.plusSeconds(40)));
    send(order(TradeMode.DIRECT_9610, AppType.DELETE, minute.plusSeconds(41)));
    advanceEveryPartitionTo(minute.plus(3, ChronoUnit.MINUTES));

    Map<String, List<Long>> expected =
        Map.of("1210", List.of(3L), "9610", List.of(5L), "UNKNOWN", List.of(2L));
    Eventually.await(
        () -> storedCounts(minute),
        expected::equals,
        Duration.ofSeconds(90),
        "counts of " + minute);

    // Later than the watermark but within the allowed lateness: the same document is updated.
    send(order(TradeMode.DIRECT_9610, AppType.NEW, minute.plusSeconds(50)));
    producer.flush();
    Map<String, List<Long>> updated =
        Map.of("1210", List.of(3L), "9610", List.of(6L), "UNKNOWN", List.of(2L));
    Eventually.await(
        () -> storedCounts(minute),
        updated::equals,
        Duration.ofSeconds(60),
        "late update of " + minute);
  }

  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicAndTheJobKeepsRunning() throws Exception {
    String marker = "not an envelope " + System.nanoTime();
    producer.send(
        new ProducerRecord<>(
            Topics.ORDERS.name(),
            "bad".getBytes(StandardCharsets.UTF_8),
            marker.getBytes(StandardCharsets.UTF_8)));
    producer.flush();
    try (TopicProbe<DeadLetter> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.DEAD_LETTER)) {
      DeadLetter letter =
          probe
              .await(r -> marker.equals(r.value().payload()), 1, Duration.ofSeconds(60))
              .get(0)
              .value();
      assertEquals("flink:" + OrdersPerModeJob.NAME, letter.stage());
      assertTrue(
          letter.errors().get(0).path().startsWith(Topics.ORDERS.name() + "["),
          letter.errors().toString());
    }
    assertEquals(JobStatus.RUNNING, flink.status(job));
  }
}
