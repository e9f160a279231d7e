package io.sanliu.jobs.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.kafka.Topics;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A backlog read by a fresh job: one partition's records an hour ahead of another's. Event time is
 * kept per partition, so the partition read ahead does not make the other one's records late.
 */
@ExtendWith(SanliuStackExtension.class)
class PartitionEventTimeTest {
  private static final String SOURCE = "partition-clock-test";
  private static final int PER_PARTITION = 20_000;
  // Counted by the job's operator in this JVM (the MiniCluster runs in-process).
  static final AtomicInteger seen = new AtomicInteger();
  static final AtomicInteger late = new AtomicInteger();

  @Test
  void aPartitionReadAheadDoesNotMakeAnotherPartitionsBacklogLate(SanliuStack stack)
      throws Exception {
    Instant startAt = Instant.now();
    Instant early = Instant.parse("2043-03-01T00:00:00Z");
    Instant ahead = early.plus(Duration.ofHours(1));
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    try (var producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      // The partition an hour ahead is written first: a reader without per-partition time sees it
      // first and moves its clock an hour past the other partition's records.
      for (int i = 0; i < PER_PARTITION; i++) send(producer, 0, ahead.plusMillis(i), i);
      for (int i = 0; i < PER_PARTITION; i++) send(producer, 1, early.plusMillis(i), i);
      producer.flush();
    }
    Config config =
        stack.config().with(ConfigKey.KAFKA_START_AT, startAt.minusMillis(1).toString());
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(2)) {
      JobID job = flink.submit(new LatenessCount(), config);
      assertEquals(JobStatus.RUNNING, flink.awaitRunning(job, 60_000));
      Eventually.await(
          seen::get,
          n -> n == 2 * PER_PARTITION,
          Duration.ofSeconds(180),
          "the whole backlog read");
      assertEquals(0, late.get(), "records behind the watermark when they arrived");
      flink.cancel(job);
    }
  }

  private static void send(
      KafkaProducer<byte[], byte[]> producer, int partition, Instant at, int i) {
    Order order = SampleEvents.order();
    Envelope<Order> e =
        new Envelope<>(
            EventType.ORDER,
            Envelope.CURRENT_SCHEMA_VERSION,
            SOURCE,
            "clock-" + partition + "-" + i,
            at,
            Instant.now(),
            order);
    producer.send(
        new ProducerRecord<>(
            Topics.ORDERS.name(),
            partition,
            e.key().getBytes(StandardCharsets.UTF_8),
            Topics.ORDERS.serialize(e)));
  }

  /** Reads the orders with the platform's event-time policy and counts records that came late. */
  static final class LatenessCount implements SanliuJob {
    @Override
    public String name() {
      return "partition-clock-test";
    }

    @Override
    public void build(StreamExecutionEnvironment env, Config config) {
      TypeInformation<Envelope<Order>> type =
          TypeInformation.of(new TypeHint<Envelope<Order>>() {});
      KafkaStreams.read(
              env, config, name(), Topics.ORDERS, type, EventTimes.<Order>forEnvelopes(config))
          .process(
              new ProcessFunction<Envelope<Order>, Boolean>() {
                @Override
                public void processElement(
                    Envelope<Order> order, Context ctx, Collector<Boolean> out) {
                  if (!SOURCE.equals(order.source())) return;
                  if (ctx.timestamp() < ctx.timerService().currentWatermark())
                    late.incrementAndGet();
                  seen.incrementAndGet();
                }
              })
          .sinkTo(new DiscardingSink<>());
    }
  }
}
