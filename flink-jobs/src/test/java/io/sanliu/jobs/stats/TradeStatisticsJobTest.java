package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.withAppType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.simulator.AnomalyRates;
import io.sanliu.simulator.sink.KafkaSink;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.Emission;
import io.sanliu.simulator.traffic.FxFeed;
import io.sanliu.simulator.traffic.TrafficEngine;
import io.sanliu.simulator.traffic.TrafficSettings;
import io.sanliu.simulator.traffic.ZoneClock;
import io.sanliu.simulator.zone.Zone;
import io.sanliu.simulator.zone.ZoneShape;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The statistics' acceptance test, on the real stack: the simulator's traffic for a fixed seed goes
 * to Kafka, the job counts it, and Elasticsearch must hold exactly what a plain count of the same
 * records read back from Kafka gives ({@link ExpectedStatistics}): every window and slice, to the
 * cent, buyers within the sketch's error; the rankings too. Then documents arrive late and out of
 * order: within the allowed lateness they update their windows, beyond it they are not counted and
 * each is accounted for on the dead-letter topic, and a replayed order is not counted twice.
 */
@ExtendWith(SanliuStackExtension.class)
class TradeStatisticsJobTest {
  /**
   * 11:00 in China on a day of its own, years after any event time other tests of this JVM write to
   * the shared topics (this job reads them from the start, and their times must not put ours behind
   * the watermark).
   */
  static final Instant START = Instant.parse("2036-03-04T03:00:00Z");

  static final Instant DAY_START = Instant.parse("2036-03-03T16:00:00Z");
  static final Instant DAY_END = Instant.parse("2036-03-04T16:00:00Z");
  static final Duration SPAN = Duration.ofMinutes(8);
  static final Duration LATENESS = Duration.ofMinutes(5);
  static final long SEED = 20_360_304;
  static final int TOP_N = 5;
  static final List<Topic<?>> TIMED =
      List.of(Topics.ORDERS, Topics.CUSTOMS_LISTS, Topics.CUSTOMS_RECEIPTS);
  static final Set<EventType> COUNTED_TYPES =
      Set.of(EventType.ORDER, EventType.CUSTOMS_LIST, EventType.CUSTOMS_RECEIPT);

  static SanliuStack stack;
  static Config config;
  static LocalFlinkCluster flink;
  static JobID job;
  static KafkaProducer<byte[], byte[]> producer;
  static PersonalDataHasher hasher;

  @BeforeAll
  static void start(SanliuStack s) throws Exception {
    stack = s;
    config =
        s.config()
            .with(
                Map.of(
                    ConfigKey.STATS_ALLOWED_LATENESS, LATENESS.toString(),
                    ConfigKey.STATS_TOP_N, Integer.toString(TOP_N),
                    ConfigKey.FLINK_CHECKPOINT_INTERVAL_MS, "1000"));
    hasher = PersonalDataHasher.from(config);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.kafkaBootstrap());
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    flink = LocalFlinkCluster.start(4);
    job = flink.submit(new TradeStatisticsJob(), config);
    assertEquals(JobStatus.RUNNING, flink.awaitRunning(job, 60_000));
  }

  @AfterAll
  static void stop() throws Exception {
    if (producer != null) producer.close();
    if (flink != null) flink.close();
  }

  @Test
  void elasticsearchHoldsExactlyThePlainCountOfEveryWindowAndSliceLateDocumentsIncluded()
      throws Exception {
    // 1. Exchange rates: the simulator's feed, and a dollar and a euro that move mid-run.
    ZoneClock clock = new ZoneClock(START, 60);
    FxFeed feed = new FxFeed(SEED, clock);
    List<FxRate> rates = new ArrayList<>(feed.opening().rates());
    rates.addAll(feed.day(1).rates());
    rates.add(new FxRate("502", new BigDecimal("7.3456"), START.plus(Duration.ofMinutes(4))));
    rates.add(new FxRate("300", new BigDecimal("7.9012"), START.plus(Duration.ofMinutes(3))));
    publishRatesAndAwaitTheJobHasThem(rates);

    // 2. The simulated zone's traffic of eight minutes, through the simulator's Kafka sink.
    publishTraffic();
    advanceEveryPartitionTo(START.plus(SPAN).plus(Duration.ofMinutes(2)));
    ExpectedStatistics onTime = expected(rates, o -> ExpectedStatistics.ALL_SIZES);
    assertTrue(onTime.slices.size() > 500, "a real test: " + onTime.slices.size() + " slices");
    awaitSlices(onTime, Set.of("1m"), "minutes of the on-time traffic");

    // 3. Late and out-of-order documents. The watermark stands just under START+10m.
    List<Envelope<Order>> withinLateness =
        List.of(
            lateOrder("LATE-A1", START.plusSeconds(370), Direction.I, "142", "88.80", "116"),
            lateOrder("LATE-A2", START.plusSeconds(440), Direction.E, "502", "12.34", null),
            lateOrder("LATE-A3", START.plusSeconds(479), Direction.E, "300", "1000.01", null));
    List<Envelope<Order>> tooLateForTheMinute =
        List.of(
            lateOrder("LATE-B1", START.plusSeconds(75), Direction.I, "142", "19.99", "133"),
            lateOrder("LATE-B2", START.plusSeconds(100), Direction.E, "502", "5.00", null));
    List<Envelope<Order>> tooLateForAll =
        List.of(
            lateOrder("LATE-C1", START.minus(Duration.ofDays(1)), Direction.I, "142", "7", "116"));
    for (Envelope<Order> e : withinLateness) send(Topics.ORDERS, e.key(), e, null);
    for (Envelope<Order> e : tooLateForTheMinute) send(Topics.ORDERS, e.key(), e, null);
    for (Envelope<Order> e : tooLateForAll) send(Topics.ORDERS, e.key(), e, null);
    Envelope<Order> replayed = counted(readAll(Topics.ORDERS));
    send(Topics.ORDERS, replayed.key(), replayed, null);
    List<String> releasedLate = releasePendingLists(START.plusSeconds(450));
    advanceEveryPartitionTo(START.plus(SPAN).plus(Duration.ofMinutes(3)));

    ExpectedStatistics withLate =
        expected(
            rates,
            o ->
                o.orderNo().startsWith("LATE-B")
                    ? List.of("1h", "1d")
                    : o.orderNo().startsWith("LATE-C") ? List.of() : ExpectedStatistics.ALL_SIZES);
    awaitSlices(withLate, Set.of("1m"), "minutes updated by the late documents");
    String lastMinute = minuteTotal("PLATFORM", START.plusSeconds(479));
    assertEquals(orders(onTime, lastMinute) + 2, orders(withLate, lastMinute), "two late orders");
    String releaseMinute = minuteTotal("CUSTOMS", START.plusSeconds(450));
    assertEquals(
        orders(onTime, releaseMinute) + releasedLate.size(),
        orders(withLate, releaseMinute),
        "late releases of " + releasedLate);

    // 4. The end of the zone's day, plus the lateness: every hour and the day are final.
    advanceEveryPartitionTo(DAY_END.plus(LATENESS).plus(Duration.ofMinutes(1)));
    awaitSlices(withLate, Set.of("1m", "1h", "1d"), "every window of the day");
    awaitTop(withLate);
    assertEquals(
        0,
        search(Indices.TRADE_STATS, DAY_START.minus(Duration.ofDays(1)), DAY_START).size(),
        "the order too late for every window is in none");

    // 5. Nothing dropped silently: each too-late order is on the dead-letter topic once per window
    // it missed, and no other document of the day is.
    Set<String> ourGuids = new HashSet<>();
    for (Envelope<Order> e : readAll(Topics.ORDERS)) {
      if (inOurDay(e.eventTime()) || isLate(e.messageGuid())) ourGuids.add(e.messageGuid());
    }
    for (Envelope<CustomsList> e : readAll(Topics.CUSTOMS_LISTS)) {
      if (inOurDay(e.eventTime())) ourGuids.add(e.messageGuid());
    }
    Map<String, List<String>> expectedLetters = new TreeMap<>();
    for (Envelope<Order> e : tooLateForTheMinute)
      expectedLetters.put(e.messageGuid(), List.of("1m"));
    for (Envelope<Order> e : tooLateForAll)
      expectedLetters.put(e.messageGuid(), List.of("1d", "1h", "1m"));
    try (TopicProbe<DeadLetter> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.DEAD_LETTER)) {
      Predicate<TopicProbe.Keyed<DeadLetter>> ours =
          r ->
              TradeStatisticsJob.STAGE.equals(r.value().stage())
                  && ourGuids.contains(r.value().messageGuid());
      probe.await(ours, 5, Duration.ofSeconds(60));
      Map<String, List<String>> letters = new TreeMap<>();
      for (var r : probe.drain(ours, Duration.ofSeconds(3))) {
        letters
            .computeIfAbsent(r.value().messageGuid(), g -> new ArrayList<>())
            .add(windowSizeOf(r.value()));
      }
      letters.values().forEach(l -> l.sort(null));
      assertEquals(expectedLetters, letters);
    }
    assertEquals(JobStatus.RUNNING, flink.status(job));
  }

  // ---- the traffic

  /**
   * Publishes the simulator's orders, lists and receipts due in the span, in due order, as its
   * Kafka sink does.
   */
  static void publishTraffic() throws Exception {
    ZoneShape shape = new ZoneShape(80, 3000);
    TrafficEngine engine =
        new TrafficEngine(
            Zone.build(SEED, shape),
            new TrafficSettings(
                SEED,
                START,
                60,
                20,
                AnomalyRates.defaults(),
                0,
                0,
                Duration.ofMinutes(10),
                shape,
                TrafficSettings.SPIKE_BASELINE));
    Duration longestLag = Duration.ZERO;
    KafkaSink sink = new KafkaSink(stack.kafkaBootstrap(), hasher, m -> {});
    try {
      Emission e;
      while ((e = engine.next()) != null && !e.dueAt().isAfter(START.plus(SPAN))) {
        // Only what the job reads: the other topics' clocks stay where the other tests keep them.
        if (!(e instanceof Doc d) || !COUNTED_TYPES.contains(d.type())) continue;
        sink.send(d);
        if (d.type() == EventType.ORDER || d.type() == EventType.CUSTOMS_RECEIPT) {
          Duration lag = Duration.between(d.eventTime(), d.sendAt());
          if (lag.compareTo(longestLag) > 0) longestLag = lag;
        }
      }
    } finally {
      sink.close();
    }
    assertEquals(0, sink.counts().total().failed(), "Kafka took every document");
    // Counted documents must come well within the lateness, or the count would depend on timing.
    assertTrue(longestLag.compareTo(Duration.ofMinutes(2)) < 0, "longest lag " + longestLag);
  }

  /**
   * One record at {@code at} on every partition of the orders, lists and receipts, which the
   * statistics do not count (a change of an order, a deleted list, an acceptance receipt): every
   * partition's clock moves there.
   */
  static void advanceEveryPartitionTo(Instant at) throws Exception {
    for (Topic<?> topic : TIMED) {
      int partitions = producer.partitionsFor(topic.name()).size();
      for (int p = 0; p < partitions; p++) {
        String no = "CLOCK-" + at.toEpochMilli() + "-" + p;
        if (topic == Topics.ORDERS) {
          Order o = order(no, at, Direction.I, "142", "1.00", "116", AppType.CHANGE);
          send(Topics.ORDERS, "clock", Envelope.of(EventType.ORDER, "clock", no, at, o), p);
        } else if (topic == Topics.CUSTOMS_LISTS) {
          CustomsList l = StatsFixtures.list(no, at, Direction.I, "142", 1, List.of());
          CustomsList deleted = withAppType(l, AppType.DELETE);
          send(
              Topics.CUSTOMS_LISTS,
              "clock",
              Envelope.of(EventType.CUSTOMS_LIST, "clock", no, at, deleted),
              p);
        } else {
          CustomsReceipt r =
              new CustomsReceipt(
                  no,
                  ReceiptKind.CUSTOMS_LIST,
                  "clock",
                  no,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  CustomsReceipt.ACCEPTED,
                  at,
                  null);
          send(
              Topics.CUSTOMS_RECEIPTS,
              "clock",
              Envelope.of(EventType.CUSTOMS_RECEIPT, "clock", no, at, r),
              p);
        }
      }
    }
    producer.flush();
  }

  static Envelope<Order> lateOrder(
      String orderNo,
      Instant at,
      Direction direction,
      String currency,
      String value,
      String country) {
    Order o = order(orderNo, at, direction, currency, value, country, AppType.NEW);
    return Envelope.of(EventType.ORDER, StatsFixtures.EBP, "G-" + orderNo, Instant.now(), o);
  }

  static Order order(
      String orderNo,
      Instant at,
      Direction direction,
      String currency,
      String value,
      String country,
      AppType appType) {
    Order o =
        StatsFixtures.order(
            orderNo,
            at,
            direction,
            direction == Direction.I ? TradeMode.BONDED_1210 : TradeMode.DIRECT_9610,
            value,
            currency,
            null,
            List.of(StatsFixtures.item("LATE-ITEM", value, currency, country)));
    return new Order(
        o.guid(),
        appType,
        o.appTime(),
        o.appStatus(),
        o.direction(),
        o.tradeMode(),
        o.orderNo(),
        o.ebpCode(),
        o.ebpName(),
        o.ebcCode(),
        o.ebcName(),
        o.goodsValue(),
        o.freight(),
        o.discount(),
        o.taxTotal(),
        o.acturalPaid(),
        o.currency(),
        o.buyerRegNo(),
        o.buyerIdType(),
        hasher.idNumber("late-buyer-" + orderNo),
        o.buyerName(),
        o.buyerTelephone(),
        o.payCode(),
        o.payName(),
        o.payTransactionId(),
        o.batchNumbers(),
        o.consignee(),
        o.consigneeTelephone(),
        o.consigneeAddress(),
        o.consigneeDistrict(),
        o.note(),
        o.items());
  }

  /** A new order of the simulated traffic that was counted, to send again. */
  static Envelope<Order> counted(List<Envelope<Order>> orders) {
    return orders.stream()
        .filter(e -> e.payload().appType() == AppType.NEW)
        .filter(e -> !e.payload().orderNo().startsWith("LATE-"))
        .filter(e -> e.eventTime() != null && e.eventTime().isAfter(START.plusSeconds(400)))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Release receipts, late by event time, for up to three lists of the traffic declared but not yet
   * released; their order numbers.
   */
  static List<String> releasePendingLists(Instant releasedAt) {
    Set<String> released = new HashSet<>();
    for (Envelope<CustomsReceipt> r : readAll(Topics.CUSTOMS_RECEIPTS)) {
      if (r.payload().kind() == ReceiptKind.CUSTOMS_LIST
          && CustomsReceipt.RELEASED.equals(r.payload().returnStatus())) {
        released.add(r.payload().businessKey());
      }
    }
    List<String> orderNos = new ArrayList<>();
    for (Envelope<CustomsList> e : readAll(Topics.CUSTOMS_LISTS)) {
      CustomsList l = e.payload();
      if (orderNos.size() == 3) break;
      if (l.appType() == AppType.DELETE || released.contains(l.businessKey())) continue;
      Instant declared = l.eventTime();
      if (declared == null
          || declared.isBefore(START)
          || declared.isAfter(START.plusSeconds(400))) {
        continue;
      }
      if (orderNos.contains(l.orderNo())) continue;
      Instant at = releasedAt.plusSeconds(orderNos.size());
      CustomsReceipt r =
          new CustomsReceipt(
              "LATE-R-" + l.orderNo(),
              ReceiptKind.CUSTOMS_LIST,
              l.ebpCode(),
              l.orderNo(),
              null,
              null,
              null,
              null,
              l.copNo(),
              null,
              CustomsReceipt.RELEASED,
              at,
              "放行");
      Envelope<CustomsReceipt> env =
          Envelope.of(EventType.CUSTOMS_RECEIPT, "5349", r.guid(), Instant.now(), r);
      send(Topics.CUSTOMS_RECEIPTS, env.key(), env, null);
      orderNos.add(l.orderNo());
    }
    producer.flush();
    return orderNos;
  }

  static <V> void send(Topic<V> topic, String key, V value, Integer partition) {
    try {
      producer
          .send(
              new ProducerRecord<>(
                  topic.name(),
                  partition,
                  key.getBytes(StandardCharsets.UTF_8),
                  topic.serialize(value)))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish to " + topic.name(), e);
    }
  }

  // ---- exchange rates

  /**
   * Publishes the rates and waits until the job has taken them in: the offsets it commits on a
   * completed checkpoint cover them only once every operator has processed them. The traffic is
   * then priced with the same rates however its records interleave with the rates'.
   */
  static void publishRatesAndAwaitTheJobHasThem(List<FxRate> rates) throws Exception {
    long end = 0;
    for (FxRate r : rates) {
      RecordMetadata m =
          producer
              .send(
                  new ProducerRecord<>(
                      Topics.FX_RATES.name(),
                      r.key().getBytes(StandardCharsets.UTF_8),
                      Topics.FX_RATES.serialize(r)))
              .get();
      end = m.offset() + 1;
    }
    long last = end;
    TopicPartition partition = new TopicPartition(Topics.FX_RATES.name(), 0);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
      Eventually.await(
          () -> {
            try {
              OffsetAndMetadata o =
                  admin
                      .listConsumerGroupOffsets("sanliu-" + TradeStatisticsJob.NAME)
                      .partitionsToOffsetAndMetadata()
                      .get()
                      .get(partition);
              return o == null ? -1L : o.offset();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          },
          committed -> committed >= last,
          Duration.ofSeconds(90),
          "the job's committed offset of " + Topics.FX_RATES.name() + " reaching " + last);
    }
  }

  // ---- reading back

  /** Every readable record of a topic, partition by partition in offset order. */
  @SuppressWarnings("unchecked")
  static <T> List<T> readAll(Topic<T> topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<T> values = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(i -> new TopicPartition(topic.name(), i.partition()))
              .toList();
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      for (TopicPartition tp : partitions) {
        consumer.assign(List.of(tp));
        consumer.seekToBeginning(List.of(tp));
        while (consumer.position(tp) < ends.get(tp)) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            try {
              values.add(topic.deserialize(r.value()));
            } catch (RuntimeException unreadable) {
              // Another test's deliberately bad record: the job dead-letters it too.
            }
          }
        }
      }
    }
    return values;
  }

  static ExpectedStatistics expected(List<FxRate> rates, Function<Order, List<String>> sizes) {
    ExpectedStatistics x = new ExpectedStatistics(rates, TOP_N);
    x.addOrders(readAll(Topics.ORDERS), TradeStatisticsJobTest::inOurDay, sizes);
    x.addReleases(
        readAll(Topics.CUSTOMS_LISTS),
        readAll(Topics.CUSTOMS_RECEIPTS),
        TradeStatisticsJobTest::inOurDay);
    return x;
  }

  static long orders(ExpectedStatistics x, String sliceId) {
    ExpectedStatistics.Tally t = x.slices.get(sliceId);
    return t == null ? 0 : t.orders;
  }

  static String minuteTotal(String caliber, Instant at) {
    return ExpectedStatistics.sliceId(
        caliber, "1m", ExpectedStatistics.windowStart(at, "1m"), "TOTAL", null, "ALL");
  }

  // ---- Elasticsearch

  static Map<String, JsonNode> search(String index, Instant from, Instant to) {
    try {
      SearchResponse<ObjectNode> response =
          stack
              .elastic()
              .blocking()
              .search(
                  s ->
                      s.index(index)
                          .size(10_000)
                          .trackTotalHits(t -> t.enabled(true))
                          .query(
                              Query.of(
                                  q ->
                                      q.range(
                                          r ->
                                              r.untyped(
                                                  u ->
                                                      u.field("windowStart")
                                                          .gte(JsonData.of(from.toString()))
                                                          .lt(JsonData.of(to.toString())))))),
                  ObjectNode.class);
      assertTrue(response.hits().total().value() < 10_000, "one page holds them all");
      Map<String, JsonNode> byId = new TreeMap<>();
      response.hits().hits().forEach(h -> byId.put(h.id(), h.source()));
      return byId;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What differs between the expected slices of the given sizes and the stored documents. */
  static List<String> sliceDifferences(ExpectedStatistics expected, Set<String> sizes) {
    Map<String, JsonNode> stored = new TreeMap<>(search(Indices.TRADE_STATS, DAY_START, DAY_END));
    stored.values().removeIf(d -> !sizes.contains(d.get("windowSize").asText()));
    Map<String, ExpectedStatistics.Tally> wanted = new TreeMap<>(expected.slices);
    wanted.keySet().removeIf(id -> !sizes.contains(id.split(":")[1]));
    List<String> diff = new ArrayList<>();
    Set<String> ids = new TreeSet<>(wanted.keySet());
    ids.addAll(stored.keySet());
    for (String id : ids) {
      ExpectedStatistics.Tally t = wanted.get(id);
      JsonNode d = stored.get(id);
      if (t == null) diff.add("unexpected " + id + " " + d);
      else if (d == null) diff.add("missing " + id + " (" + t + ")");
      else {
        long buyers = d.get("buyers").asLong();
        long exact = t.buyers.size();
        boolean same =
            d.get("orders").asLong() == t.orders
                && d.get("parcels").asLong() == t.parcels
                && d.get("valueCents").asLong() == t.cents
                && d.get("valueCny").asDouble() == t.cents / 100.0
                && Math.abs(buyers - exact) <= Math.max(1, exact * 3 / 100);
        if (!same) diff.add(id + ": expected " + t + ", stored " + d);
      }
    }
    return diff;
  }

  static void awaitSlices(ExpectedStatistics expected, Set<String> sizes, String what) {
    Eventually.await(
        () -> sliceDifferences(expected, sizes), List::isEmpty, Duration.ofSeconds(120), what);
  }

  static void awaitTop(ExpectedStatistics expected) {
    Map<String, ExpectedStatistics.Ranked> wanted = expected.top();
    Eventually.await(
        () -> {
          Map<String, ExpectedStatistics.Ranked> stored = new TreeMap<>();
          search(Indices.TRADE_TOP, DAY_START, DAY_END)
              .forEach(
                  (id, d) ->
                      stored.put(
                          id,
                          new ExpectedStatistics.Ranked(
                              d.get("key").asText(),
                              d.get("orders").asLong(),
                              d.get("parcels").asLong(),
                              d.get("valueCents").asLong())));
          List<String> diff = new ArrayList<>();
          Set<String> ids = new TreeSet<>(wanted.keySet());
          ids.addAll(stored.keySet());
          for (String id : ids) {
            if (!java.util.Objects.equals(wanted.get(id), stored.get(id))) {
              diff.add(id + ": expected " + wanted.get(id) + ", stored " + stored.get(id));
            }
          }
          return diff;
        },
        List::isEmpty,
        Duration.ofSeconds(120),
        "the rankings of every window");
    assertTrue(wanted.size() > 100, "rankings: " + wanted.size());
  }

  // ---- dead letters

  static boolean inOurDay(Instant t) {
    return t != null && !t.isBefore(DAY_START) && t.isBefore(DAY_END);
  }

  static boolean isLate(String guid) {
    return guid != null && guid.startsWith("G-LATE-");
  }

  static String windowSizeOf(DeadLetter d) {
    try {
      return Json.mapper().readTree(d.payload()).get("windowSize").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
