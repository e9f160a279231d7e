package io.sanliu.jobs.index;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.elastic.DocumentConverter;
import io.sanliu.jobs.elastic.ElasticsearchSink;
import io.sanliu.jobs.elastic.ElasticsearchSinkSettings;
import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.jobs.stats.FxPricing;
import io.sanliu.model.config.Config;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * The composite index (综合指数, docs/composite-index.md), published every minute of event time to
 * {@link Indices#COMPOSITE_INDEX}:
 *
 * <pre>
 *   orders ── in yuan (FX broadcast) ─────────────────────────┐
 *   customs lists + list receipts ── clearance times (per order) ─┤
 *   tracking events ── pick-up to delivery (per waybill) ──────┼─ the zone's minutes ─ index
 *   live alerts ── severity weights ───────────────────────────┘
 * </pre>
 *
 * Orders drive the clock (never idle); the other inputs may fall silent without holding it back.
 */
public final class CompositeIndexJob implements SanliuJob {
  public static final String NAME = "composite-index";
  public static final String STAGE = "flink:" + NAME;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    DataStream<Envelope<Order>> orders =
        read(
            env,
            config,
            Topics.ORDERS,
            new TypeHint<Envelope<Order>>() {},
            EventTimes.forEnvelopesNeverIdle(config));
    BroadcastStream<FxRate> rates = FxPricing.rates(env, config, NAME);
    TypeInformation<IndexEvent> eventType = TypeInformation.of(IndexEvent.class);
    SingleOutputStreamOperator<IndexEvent> orderEvents =
        orders
            // Changes and deletions refer to an order already counted.
            .filter(e -> e.payload().appType() == AppType.NEW)
            .name("new orders")
            .uid(NAME + "-new-orders")
            .connect(rates)
            .process(new OrderValues(STAGE), eventType)
            .name("orders in yuan")
            .uid(NAME + "-order-values");

    TypeInformation<StretchMark> markType = TypeInformation.of(StretchMark.class);
    DataStream<IndexEvent> clearance =
        read(
                env,
                config,
                Topics.CUSTOMS_LISTS,
                new TypeHint<Envelope<CustomsList>>() {},
                EventTimes.forEnvelopes(config))
            .flatMap(
                (Envelope<CustomsList> e, Collector<StretchMark> out) ->
                    IndexInputs.declared(e).ifPresent(out::collect),
                markType)
            .name("declarations")
            .uid(NAME + "-declarations")
            .union(
                read(
                        env,
                        config,
                        Topics.CUSTOMS_RECEIPTS,
                        new TypeHint<Envelope<CustomsReceipt>>() {},
                        EventTimes.forEnvelopes(config))
                    .flatMap(
                        (Envelope<CustomsReceipt> e, Collector<StretchMark> out) ->
                            IndexInputs.released(e).ifPresent(out::collect),
                        markType)
                    .name("releases")
                    .uid(NAME + "-releases"))
            .keyBy(StretchMark::key, Types.STRING)
            .process(new StretchTimer(IndexEvent::release), eventType)
            .name("clearance times")
            .uid(NAME + "-clearance-times");
    DataStream<IndexEvent> transit =
        read(
                env,
                config,
                Topics.LOGISTICS_EVENTS,
                new TypeHint<Envelope<LogisticsEvent>>() {},
                EventTimes.forEnvelopes(config))
            .flatMap(
                (Envelope<LogisticsEvent> e, Collector<StretchMark> out) ->
                    IndexInputs.tracking(e).ifPresent(out::collect),
                markType)
            .name("pick-ups and deliveries")
            .uid(NAME + "-tracking")
            .keyBy(StretchMark::key, Types.STRING)
            .process(new StretchTimer(IndexEvent::delivery), eventType)
            .name("transit times")
            .uid(NAME + "-transit-times");
    DataStream<IndexEvent> alerts =
        read(
                env,
                config,
                Topics.ALERTS,
                new TypeHint<Envelope<RiskAlert>>() {},
                EventTimes.forEnvelopes(config))
            .flatMap(
                (Envelope<RiskAlert> e, Collector<IndexEvent> out) ->
                    IndexInputs.alert(e).ifPresent(out::collect),
                eventType)
            .name("live alerts")
            .uid(NAME + "-alerts");

    orderEvents
        .union(clearance, transit, alerts)
        .keyBy(e -> "zone", Types.STRING)
        .process(new CompositeIndexFunction(), TypeInformation.of(CompositeIndexPoint.class))
        .name("the zone's minutes")
        .uid(NAME + "-minutes")
        .map(CompositeIndexPoint::document, TypeInformation.of(CompositeIndexPoint.Document.class))
        .name("index documents")
        .uid(NAME + "-documents")
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(
                    Indices.COMPOSITE_INDEX,
                    (CompositeIndexPoint.Document d) -> d.minuteStart().toString()),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.COMPOSITE_INDEX)
        .uid(NAME + "-index");
    orderEvents
        .getSideOutput(FxPricing.UNPRICED)
        .sinkTo(KafkaStreams.deadLetterSink(config))
        .name("dead letters of the composite index")
        .uid(NAME + "-dead-letters");
  }

  private static <T extends BusinessEvent> DataStream<Envelope<T>> read(
      StreamExecutionEnvironment env,
      Config config,
      Topic<Envelope<T>> topic,
      TypeHint<Envelope<T>> type,
      WatermarkStrategy<Envelope<T>> watermarks) {
    return KafkaStreams.read(env, config, NAME, topic, TypeInformation.of(type), watermarks);
  }
}
