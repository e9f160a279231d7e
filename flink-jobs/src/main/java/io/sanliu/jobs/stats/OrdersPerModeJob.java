package io.sanliu.jobs.stats;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.elastic.DocumentConverter;
import io.sanliu.jobs.elastic.ElasticsearchSink;
import io.sanliu.jobs.elastic.ElasticsearchSinkSettings;
import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.model.config.Config;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.Topics;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * New orders per trade mode per event-time minute. The foundation slice: it proves the path gateway
 * → Kafka → Flink → Elasticsearch → API, and feeds the screens' order ticker until the full
 * statistics job lands.
 */
public final class OrdersPerModeJob implements SanliuJob {
  public static final String NAME = "orders-per-mode";

  /** Orders arriving this late still update their minute (an overwrite by document id). */
  static final Duration ALLOWED_LATENESS = Duration.ofMinutes(10);

  /** Orders whose platform did not say the mode. */
  static final String UNKNOWN_MODE = "UNKNOWN";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    KafkaStreams.read(
            env,
            config,
            NAME,
            Topics.ORDERS,
            TypeInformation.of(new TypeHint<Envelope<Order>>() {}),
            EventTimes.<Order>forEnvelopes(config))
        // Changes and deletions refer to an order already counted.
        .filter(e -> e.payload().appType() == AppType.NEW)
        .name("new orders")
        .uid(NAME + "-new-orders")
        .keyBy(OrdersPerModeJob::modeOf)
        .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
        .allowedLateness(ALLOWED_LATENESS)
        .aggregate(new CountOrders<>(), new ToModeMinuteCount())
        .name("count per mode and minute")
        .uid(NAME + "-count")
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.ORDERS_PER_MODE, ModeMinuteCount::documentId),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.ORDERS_PER_MODE)
        .uid(NAME + "-sink");
  }

  static String modeOf(Envelope<Order> order) {
    return order.payload().tradeMode() == null ? UNKNOWN_MODE : order.payload().tradeMode().code();
  }
}
