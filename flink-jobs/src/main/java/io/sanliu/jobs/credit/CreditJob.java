package io.sanliu.jobs.credit;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.elastic.DocumentConverter;
import io.sanliu.jobs.elastic.ElasticsearchSink;
import io.sanliu.jobs.elastic.ElasticsearchSinkSettings;
import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.jobs.matching.MatchTimeouts;
import io.sanliu.jobs.matching.ParcelMatching;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.CreditProfile;
import io.sanliu.model.credit.VerifiedTrade;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.simulation.NegativeListEntry;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The credit system's evaluation (信用评价): keeps every participant's credit account current from the
 * parcels' match results (matched here again, from the business topics), customs statuses, alerts
 * and their review outcomes, consumer evaluations and the negative list. Profiles go to {@link
 * Indices#CREDIT} (id: code) and {@link Indices#CREDIT_HISTORY} (id: code@revision); grade changes
 * to {@link Topics#CREDIT_GRADES}; every verified parcel to the ledger {@link
 * Indices#VERIFIED_TRADE} (id: ebpCode:orderNo). See docs/credit.md.
 */
public final class CreditJob implements SanliuJob {
  public static final String NAME = "credit";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    DataStream<Envelope<Order>> orders = read(env, config, Topics.ORDERS, new TypeHint<>() {});
    DataStream<Envelope<Payment>> payments =
        read(env, config, Topics.PAYMENTS, new TypeHint<>() {});
    DataStream<Envelope<CustomsList>> lists =
        read(env, config, Topics.CUSTOMS_LISTS, new TypeHint<>() {});
    DataStream<Envelope<Waybill>> waybills =
        read(env, config, Topics.WAYBILLS, new TypeHint<>() {});
    DataStream<Envelope<CustomsReceipt>> receipts =
        read(env, config, Topics.CUSTOMS_RECEIPTS, new TypeHint<>() {});
    DataStream<RiskAlert> alerts =
        read(env, config, Topics.ALERTS, new TypeHint<Envelope<RiskAlert>>() {})
            .map(Envelope::payload, TypeInformation.of(RiskAlert.class))
            .name("alerts")
            .uid(NAME + "-alerts");
    DataStream<Envelope<Evaluation>> evaluations =
        read(env, config, Topics.EVALUATIONS, new TypeHint<>() {});
    DataStream<AlertReview> reviews =
        KafkaStreams.read(
            env,
            config,
            NAME,
            Topics.ALERT_REVIEWS,
            TypeInformation.of(AlertReview.class),
            WatermarkStrategy.<AlertReview>forBoundedOutOfOrderness(
                    config.getMillis(ConfigKey.FLINK_MAX_OUT_OF_ORDERNESS_MS))
                .withTimestampAssigner((r, previous) -> r.reviewedAt().toEpochMilli())
                .withIdleness(config.getMillis(ConfigKey.FLINK_IDLE_SOURCE_MS)));
    DataStream<NegativeListEntry> negative =
        KafkaStreams.read(
            env,
            config,
            NAME,
            Topics.NEGATIVE_LIST,
            TypeInformation.of(NegativeListEntry.class),
            WatermarkStrategy.<NegativeListEntry>forBoundedOutOfOrderness(
                    config.getMillis(ConfigKey.FLINK_MAX_OUT_OF_ORDERNESS_MS))
                .withTimestampAssigner(
                    (e, previous) -> e.listedAt() == null ? 0 : e.listedAt().toEpochMilli())
                .withIdleness(config.getMillis(ConfigKey.FLINK_IDLE_SOURCE_MS)));
    DataStream<ParcelOutcome> outcomes =
        ParcelMatching.matched(NAME, MatchTimeouts.from(config), orders, payments, lists, waybills)
            .all();

    SingleOutputStreamOperator<CreditProfile> profiles =
        profiles(
            config,
            new CreditInputs(
                orders, lists, receipts, outcomes, alerts, reviews, evaluations, negative));
    profiles
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.CREDIT, CreditProfile::code),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.CREDIT)
        .uid(NAME + "-profiles-index");
    profiles
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.CREDIT_HISTORY, CreditProfile::historyId),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.CREDIT_HISTORY)
        .uid(NAME + "-history-index");
    profiles
        .getSideOutput(CreditFunction.GRADE_CHANGES)
        .sinkTo(gradeTopic(config))
        .name("to " + Topics.CREDIT_GRADES.name())
        .uid(NAME + "-grades-topic");
    profiles
        .getSideOutput(CreditFunction.NEGATIVE_ENTRIES)
        .sinkTo(negativeListTopic(config))
        .name("to " + Topics.NEGATIVE_LIST.name())
        .uid(NAME + "-negative-list-topic");
    ledger(config, outcomes, receipts)
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.VERIFIED_TRADE, VerifiedTrade::orderKey),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.VERIFIED_TRADE)
        .uid(NAME + "-ledger-index");
  }

  /**
   * The verified trade ledger: one entry per parcel matched COMPLETE and released (800), with its
   * amounts and taxes (docs/credit.md).
   */
  public static SingleOutputStreamOperator<VerifiedTrade> ledger(
      Config config,
      DataStream<ParcelOutcome> outcomes,
      DataStream<Envelope<CustomsReceipt>> receipts) {
    return outcomes
        .filter(o -> o.result() != null && o.result().orderNo() != null)
        .name("match results of parcels")
        .uid(NAME + "-ledger-outcomes")
        .connect(
            receipts
                .filter(VerifiedTradeLedger::isRelease)
                .name("release receipts naming the order")
                .uid(NAME + "-ledger-releases"))
        .keyBy(ParcelOutcome::parcelKey, Envelope::key, Types.STRING)
        .process(
            new VerifiedTradeLedger(config.getDuration(ConfigKey.CREDIT_RETENTION)),
            TypeInformation.of(VerifiedTrade.class))
        .name("verified trade ledger")
        .uid(NAME + "-ledger");
  }

  /**
   * The credit pipeline on its inputs: parcel evidence attributed to participants, then every
   * participant's account. Grade changes are the side output {@link CreditFunction#GRADE_CHANGES}.
   */
  public static SingleOutputStreamOperator<CreditProfile> profiles(Config config, CreditInputs in) {
    TypeInformation<ParcelSignal> signalType = TypeInformation.of(ParcelSignal.class);
    TypeInformation<CreditFact> factType = TypeInformation.of(CreditFact.class);
    DataStream<ParcelSignal> signals =
        in.orders()
            .map(ParcelSignal::ofOrder, signalType)
            .name("orders as parcel signals")
            .uid(NAME + "-order-signals")
            .union(
                in.lists()
                    .map(ParcelSignal::ofList, signalType)
                    .name("lists as parcel signals")
                    .uid(NAME + "-list-signals"),
                in.receipts()
                    .flatMap(
                        (Envelope<CustomsReceipt> e, Collector<ParcelSignal> out) ->
                            ParcelSignal.ofReceipt(e).ifPresent(out::collect),
                        signalType)
                    .name("customs statuses as parcel signals")
                    .uid(NAME + "-status-signals"),
                in.outcomes()
                    .process(
                        new ProcessFunction<ParcelOutcome, ParcelSignal>() {
                          @Override
                          public void processElement(
                              ParcelOutcome o, Context ctx, Collector<ParcelSignal> out) {
                            long t = ctx.timestamp() != null ? ctx.timestamp() : 0L;
                            ParcelSignal.ofOutcome(o, t).ifPresent(out::collect);
                          }
                        },
                        signalType)
                    .name("match results as parcel signals")
                    .uid(NAME + "-match-signals"),
                in.alerts()
                    .filter(CreditFacts::throughParcels)
                    .name("alerts naming orders only")
                    .uid(NAME + "-parcel-alerts")
                    .flatMap(
                        (RiskAlert a, Collector<ParcelSignal> out) ->
                            ParcelSignal.ofAlert(a).forEach(out::collect),
                        signalType)
                    .name("alerts as parcel signals")
                    .uid(NAME + "-alert-signals"),
                in.reviews()
                    .filter(CreditFacts::throughParcels)
                    .name("reviews of alerts naming orders only")
                    .uid(NAME + "-parcel-reviews")
                    .flatMap(
                        (AlertReview r, Collector<ParcelSignal> out) ->
                            ParcelSignal.ofReview(r).forEach(out::collect),
                        signalType)
                    .name("reviews as parcel signals")
                    .uid(NAME + "-review-signals"),
                in.evaluations()
                    .flatMap(
                        (Envelope<Evaluation> e, Collector<ParcelSignal> out) ->
                            ParcelSignal.ofEvaluation(e).ifPresent(out::collect),
                        signalType)
                    .name("evaluations as parcel signals")
                    .uid(NAME + "-evaluation-signals"));
    DataStream<CreditFact> parcelFacts =
        signals
            .keyBy(ParcelSignal::parcelKey, Types.STRING)
            .process(
                new ParcelAttribution(config.getDuration(ConfigKey.CREDIT_RETENTION)), factType)
            .name("parcel evidence to participants")
            .uid(NAME + "-attribution");
    DataStream<CreditFact> direct =
        in.alerts()
            .flatMap(
                (RiskAlert a, Collector<CreditFact> out) ->
                    CreditFacts.ofAlert(a).forEach(out::collect),
                factType)
            .name("alerts naming their participant")
            .uid(NAME + "-direct-alerts")
            .union(
                in.reviews()
                    .flatMap(
                        (AlertReview r, Collector<CreditFact> out) ->
                            CreditFacts.ofReview(r).forEach(out::collect),
                        factType)
                    .name("reviews of alerts naming their participant")
                    .uid(NAME + "-direct-reviews"),
                in.negativeList()
                    .flatMap(
                        (NegativeListEntry e, Collector<CreditFact> out) ->
                            CreditFacts.ofNegative(e).forEach(out::collect),
                        factType)
                    .name("negative list entries")
                    .uid(NAME + "-negative-list"));
    return parcelFacts
        .union(direct)
        .keyBy(CreditFact::code, Types.STRING)
        .process(
            new CreditFunction(
                config.getDuration(ConfigKey.CREDIT_HALF_LIFE),
                config.getDouble(ConfigKey.CREDIT_GRADE_MARGIN),
                config.getDuration(ConfigKey.CREDIT_LIST_AFTER_WORST)),
            TypeInformation.of(CreditProfile.class))
        .name("credit accounts")
        .uid(NAME + "-accounts");
  }

  private static <T extends BusinessEvent> DataStream<Envelope<T>> read(
      StreamExecutionEnvironment env,
      Config config,
      Topic<Envelope<T>> topic,
      TypeHint<Envelope<T>> type) {
    return KafkaStreams.read(
        env, config, NAME, topic, TypeInformation.of(type), EventTimes.<T>forEnvelopes(config));
  }

  /** Entries by rule, on the topic the risk engine, the API and this job read. */
  private static KafkaSink<NegativeListEntry> negativeListTopic(Config config) {
    return KafkaSink.<NegativeListEntry>builder()
        .setBootstrapServers(config.get(ConfigKey.KAFKA_BOOTSTRAP))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(
            (KafkaRecordSerializationSchema<NegativeListEntry>)
                (entry, context, timestamp) ->
                    new ProducerRecord<>(
                        Topics.NEGATIVE_LIST.name(),
                        entry.key().getBytes(StandardCharsets.UTF_8),
                        Topics.NEGATIVE_LIST.serialize(entry)))
        .build();
  }

  private static KafkaSink<CreditGradeChange> gradeTopic(Config config) {
    return KafkaSink.<CreditGradeChange>builder()
        .setBootstrapServers(config.get(ConfigKey.KAFKA_BOOTSTRAP))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(
            (KafkaRecordSerializationSchema<CreditGradeChange>)
                (change, context, timestamp) ->
                    new ProducerRecord<>(
                        Topics.CREDIT_GRADES.name(),
                        change.key().getBytes(StandardCharsets.UTF_8),
                        Topics.CREDIT_GRADES.serialize(change)))
        .build();
  }
}
