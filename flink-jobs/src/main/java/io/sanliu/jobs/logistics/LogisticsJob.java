package io.sanliu.jobs.logistics;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.elastic.DocumentConverter;
import io.sanliu.jobs.elastic.ElasticsearchSink;
import io.sanliu.jobs.elastic.ElasticsearchSinkSettings;
import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * Smart logistics (智能物流): every waybill's journey verifiable (a timeline of what carriers and
 * customs reported, in event-time order, each transition checked against the table), measurable
 * (stage durations per route, mode and carrier) and controllable (stalled parcels marked, delivery
 * forecast). See docs/logistics.md.
 *
 * <pre>
 * tracking events ─────────────────────────┐
 * customs lists ─┬─ declarations ──────────┤
 *                └─ links ─┐               ├─► ShipmentTracker ──── documents ───► ShipmentWatch
 * customs receipts ────────┴► ReceiptRouter┘    (per waybill)                     (per waybill)
 *                                                    │ completed stages             ▲    │
 *                                                    ▼                   broadcast  │    ▼
 *                                              StageStatistics (per stage key) ─────┘  sanliu-shipments
 *                                                    └─► sanliu-logistics-stages
 * </pre>
 */
public final class LogisticsJob implements SanliuJob {
  public static final String NAME = "logistics";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    DataStream<Envelope<LogisticsEvent>> tracking =
        read(env, config, Topics.LOGISTICS_EVENTS, new TypeHint<Envelope<LogisticsEvent>>() {});
    DataStream<Envelope<CustomsList>> lists =
        read(env, config, Topics.CUSTOMS_LISTS, new TypeHint<Envelope<CustomsList>>() {});
    DataStream<Envelope<CustomsReceipt>> receipts =
        read(env, config, Topics.CUSTOMS_RECEIPTS, new TypeHint<Envelope<CustomsReceipt>>() {});

    TypeInformation<Milestone> milestoneType = TypeInformation.of(Milestone.class);
    DataStream<Milestone> trackingSteps =
        tracking
            .flatMap(
                (Envelope<LogisticsEvent> e, Collector<Milestone> out) ->
                    Milestone.of(e).ifPresent(out::collect),
                milestoneType)
            .name("tracking as milestones")
            .uid(NAME + "-tracking-milestones");
    DataStream<Milestone> declarations =
        lists
            .flatMap(
                (Envelope<CustomsList> e, Collector<Milestone> out) ->
                    Milestone.ofList(e).ifPresent(out::collect),
                milestoneType)
            .name("list declarations")
            .uid(NAME + "-declarations");
    DataStream<ListLink> links =
        lists
            .flatMap(
                (Envelope<CustomsList> e, Collector<ListLink> out) ->
                    ListLink.of(e).forEach(out::collect),
                TypeInformation.of(ListLink.class))
            .name("lists as receipt links")
            .uid(NAME + "-list-links");
    DataStream<Envelope<CustomsReceipt>> listReceipts =
        receipts
            .filter(
                e ->
                    e.payload().kind() == ReceiptKind.CUSTOMS_LIST
                        && e.payload().businessKey() != null)
            .name("receipts of lists")
            .uid(NAME + "-list-receipts");
    DataStream<Milestone> customsSteps =
        links
            .connect(listReceipts)
            .keyBy(ListLink::linkKey, Envelope::key, Types.STRING)
            .process(new ReceiptRouter(), milestoneType)
            .name("list receipts given their waybill")
            .uid(NAME + "-route-receipts");

    TypeInformation<ShipmentDocument> docType = TypeInformation.of(ShipmentDocument.class);
    SingleOutputStreamOperator<ShipmentDocument> tracked =
        trackingSteps
            .union(declarations, customsSteps)
            .keyBy(Milestone::waybillKey)
            .process(
                new ShipmentTracker(config.getDuration(ConfigKey.LOGISTICS_RETENTION)), docType)
            .name("waybill state machine")
            .uid(NAME + "-tracker");
    SingleOutputStreamOperator<StageSummary> summaries =
        tracked
            .getSideOutput(ShipmentTracker.STAGES)
            .keyBy(StageSample::keyId)
            .process(new StageStatistics(), TypeInformation.of(StageSummary.class))
            .name("stage statistics")
            .uid(NAME + "-stage-statistics");
    summaries
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.LOGISTICS_STAGES, StageSummary::key),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.LOGISTICS_STAGES)
        .uid(NAME + "-stages-index");
    tracked
        .keyBy(ShipmentDocument::waybillKey)
        .connect(summaries.broadcast(ShipmentWatch.STAGES))
        .process(new ShipmentWatch(StallPolicy.from(config)), docType)
        .name("stall watch and ETA")
        .uid(NAME + "-watch")
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.SHIPMENTS, ShipmentDocument::waybillKey),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.SHIPMENTS)
        .uid(NAME + "-shipments-index");
  }

  /**
   * A business topic with the shared event time. Idle partitions may be skipped here: every input
   * of this job, the broadcast statistics included, derives from these topics and carries their
   * watermarks (unlike the risk engine's reference data, at the end of time).
   */
  private static <T extends BusinessEvent> DataStream<Envelope<T>> read(
      StreamExecutionEnvironment env,
      Config config,
      Topic<Envelope<T>> topic,
      TypeHint<Envelope<T>> type) {
    return KafkaStreams.read(
        env, config, NAME, topic, TypeInformation.of(type), EventTimes.<T>forEnvelopes(config));
  }
}
