package io.sanliu.jobs.risk;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.elastic.DocumentConverter;
import io.sanliu.jobs.elastic.ElasticsearchSink;
import io.sanliu.jobs.elastic.ElasticsearchSinkSettings;
import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.jobs.matching.MatchTimeouts;
import io.sanliu.jobs.matching.ParcelMatching;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.matching.ParcelOutcomes;
import io.sanliu.jobs.risk.credit.GradeRuleFunction;
import io.sanliu.jobs.risk.enterprise.EnterpriseRuleFunction;
import io.sanliu.jobs.risk.fx.FxRuleFunction;
import io.sanliu.jobs.risk.fx.FxSignal;
import io.sanliu.jobs.risk.goods.HsPriceRuleFunction;
import io.sanliu.jobs.risk.goods.PricedLine;
import io.sanliu.jobs.risk.group.GroupedOrder;
import io.sanliu.jobs.risk.group.OrderGroupRuleFunction;
import io.sanliu.jobs.risk.group.OrderGroups;
import io.sanliu.jobs.risk.identity.IdentityLink;
import io.sanliu.jobs.risk.identity.IdentityLinks;
import io.sanliu.jobs.risk.identity.IdentityRuleFunction;
import io.sanliu.jobs.risk.order.OrderRuleFunction;
import io.sanliu.jobs.risk.parcel.ParcelRuleFunction;
import io.sanliu.jobs.risk.shipment.ShipmentRuleFunction;
import io.sanliu.jobs.risk.shipment.ShipmentSignal;
import io.sanliu.jobs.risk.technical.TechnicalRuleFunction;
import io.sanliu.jobs.risk.technical.TechnicalSignal;
import io.sanliu.jobs.state.Utf8StringType;
import io.sanliu.jobs.stats.CountedOrderSerializer;
import io.sanliu.jobs.stats.TradeFacts;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.FxReceipt;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topics;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The risk engine: three-document matching and every rule family, fed by the business topics, the
 * dead-letter topic and the broadcast reference data (rule definitions from the control topic, the
 * negative list, goods filings). Alerts go to {@link Indices#ALERTS} and {@link Topics#ALERTS}.
 */
public final class RiskEngineJob implements SanliuJob {
  public static final String NAME = "risk-engine";

  /**
   * Every family's key: strings written as UTF-8 blocks in checkpoints and timers (Flink's string
   * serializer writes a character per call, most of the snapshot time in a profile).
   */
  private static final TypeInformation<String> KEY = Utf8StringType.INSTANCE;

  private final String name;

  public RiskEngineJob() {
    this(NAME);
  }

  /**
   * The engine under another name: its own consumer group, so it reads the topics afresh (a
   * benchmark's run over a backlog). Operator uids stay the engine's.
   */
  public RiskEngineJob(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    // Chained operators hand records on without a deep copy each (a decoded order was copied once
    // per chained consumer). Safe here: the records are immutable and nothing mutates what it got.
    env.getConfig().enableObjectReuse();
    DataStream<Envelope<Order>> orders =
        read(env, config, name, Topics.ORDERS, new TypeHint<Envelope<Order>>() {});
    DataStream<Envelope<Payment>> payments =
        read(env, config, name, Topics.PAYMENTS, new TypeHint<Envelope<Payment>>() {});
    DataStream<Envelope<CustomsList>> lists =
        read(env, config, name, Topics.CUSTOMS_LISTS, new TypeHint<Envelope<CustomsList>>() {});
    DataStream<Envelope<Waybill>> waybills =
        read(env, config, name, Topics.WAYBILLS, new TypeHint<Envelope<Waybill>>() {});
    DataStream<Envelope<LogisticsEvent>> tracking =
        read(
            env,
            config,
            name,
            Topics.LOGISTICS_EVENTS,
            new TypeHint<Envelope<LogisticsEvent>>() {});
    DataStream<DeadLetter> deadLetters =
        KafkaStreams.read(
            env,
            config,
            name,
            Topics.DEAD_LETTER,
            TypeInformation.of(DeadLetter.class),
            WatermarkStrategy.<DeadLetter>forBoundedOutOfOrderness(
                    config.getMillis(ConfigKey.FLINK_MAX_OUT_OF_ORDERNESS_MS))
                .withTimestampAssigner((d, previous) -> d.rejectedAt().toEpochMilli())
                .withIdleness(config.getMillis(ConfigKey.FLINK_IDLE_SOURCE_MS)));
    ParcelOutcomes outcomes =
        ParcelMatching.outcomes(
            NAME, config, MatchTimeouts.from(config), orders, payments, lists, waybills);
    // Proceeds are rare next to the parcels they join: a quiet partition may go idle, the FX
    // operator keeping the clock of the parcel outcomes it is fed with them.
    DataStream<Envelope<FxReceipt>> fxReceipts =
        KafkaStreams.read(
            env,
            config,
            name,
            Topics.FX_RECEIPTS,
            TypeInformation.of(new TypeHint<Envelope<FxReceipt>>() {}),
            EventTimes.<FxReceipt>forEnvelopes(config));
    // Grade changes are reference data (the severity raise) and the credit rules' input; they
    // carry no event time of the engine's clock.
    DataStream<CreditGradeChange> grades =
        KafkaStreams.read(
            env,
            config,
            name,
            Topics.CREDIT_GRADES,
            TypeInformation.of(CreditGradeChange.class),
            ReferenceWatermarks.none());
    DataStream<RiskAlert> alerts =
        alerts(
            new RiskInputs(
                orders, payments, lists, waybills, tracking, deadLetters, grades, fxReceipts),
            outcomes,
            ReferenceStreams.read(env, config, name)
                .union(
                    grades
                        .map(ReferenceUpdate::of, TypeInformation.of(ReferenceUpdate.class))
                        .name("credit grades")
                        .uid(NAME + "-credit-grades")));
    alerts
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.ALERTS, RiskAlert::alertId),
                // Alerts are few and screens wait for them: flushed within a fifth of a second.
                ElasticsearchSinkSettings.from(config).withMaxTimeInBuffer(200)))
        .name("to " + Indices.ALERTS)
        .uid(NAME + "-alerts-index");
    alerts
        .sinkTo(AlertTopic.sink(config))
        .name("to " + Topics.ALERTS.name())
        .uid(NAME + "-alerts-topic");
  }

  /**
   * Every rule family over its inputs and the parcels' match outcomes, reference data (rule
   * definitions, negative list, goods filings) broadcast to each: the engine's alerts, without
   * their sinks. The job feeds it from Kafka; a test may feed it any streams with event time.
   */
  public static DataStream<RiskAlert> alerts(
      RiskInputs in, ParcelOutcomes outcomes, DataStream<ReferenceUpdate> references) {
    BroadcastStream<ReferenceUpdate> reference = references.broadcast(ReferenceState.descriptors());
    // Goods filings and the negative list only for the families that read them (orders, HS-code
    // prices): every subtask of every family snapshots its copy of the broadcast state.
    BroadcastStream<ReferenceUpdate> rulesAndGrades =
        references
            .filter(ReferenceUpdate::everyFamilyReads)
            .name("rule definitions and grades")
            .uid(NAME + "-rules-and-grades")
            .broadcast(ReferenceState.descriptors());
    DataStream<Envelope<Order>> orders = in.orders();
    DataStream<Envelope<Payment>> payments = in.payments();
    DataStream<Envelope<CustomsList>> lists = in.lists();
    DataStream<Envelope<Waybill>> waybills = in.waybills();
    DataStream<Envelope<LogisticsEvent>> tracking = in.tracking();
    DataStream<DeadLetter> deadLetters = in.deadLetters();
    TypeInformation<RiskAlert> alertType = TypeInformation.of(RiskAlert.class);
    DataStream<RiskAlert> orderAlerts =
        orders
            .keyBy(Envelope::key, KEY)
            .connect(reference)
            .process(new OrderRuleFunction(), alertType)
            .name("order rules")
            .uid(NAME + "-order-rules");
    DataStream<RiskAlert> priceAlerts =
        lists
            .flatMap(
                (Envelope<CustomsList> e, org.apache.flink.util.Collector<PricedLine> out) ->
                    PricedLine.of(e).forEach(out::collect),
                TypeInformation.of(PricedLine.class))
            .name("priced list lines")
            .uid(NAME + "-priced-lines")
            .keyBy(PricedLine::priceKey, KEY)
            .connect(reference)
            .process(new HsPriceRuleFunction(), alertType)
            .name("HS-code price rules")
            .uid(NAME + "-price-rules");
    DataStream<RiskAlert> parcelAlerts =
        outcomes
            .all()
            .keyBy(ParcelOutcome::parcelKey, KEY)
            .connect(rulesAndGrades)
            .process(new ParcelRuleFunction(), alertType)
            .name("parcel rules")
            .uid(NAME + "-parcel-rules");
    DataStream<RiskAlert> groupAlerts =
        orders
            .flatMap(
                (Envelope<Order> e, org.apache.flink.util.Collector<GroupedOrder> out) ->
                    OrderGroups.of(e).forEach(out::collect),
                TypeInformation.of(GroupedOrder.class))
            .name("orders by buyer and address")
            .uid(NAME + "-order-groups")
            .keyBy(GroupedOrder::groupKey, KEY)
            .connect(rulesAndGrades)
            .process(new OrderGroupRuleFunction(), alertType)
            .name("buyer and address rules")
            .uid(NAME + "-group-rules");
    TypeInformation<IdentityLink> linkType = TypeInformation.of(IdentityLink.class);
    DataStream<RiskAlert> identityAlerts =
        orders
            .flatMap(
                (Envelope<Order> e, org.apache.flink.util.Collector<IdentityLink> out) ->
                    IdentityLinks.fromOrder(e).forEach(out::collect),
                linkType)
            .name("identity links of orders")
            .uid(NAME + "-order-identity-links")
            .union(
                outcomes.flatMap(
                    (ParcelOutcome o, org.apache.flink.util.Collector<IdentityLink> out) ->
                        IdentityLinks.fromParcel(o).forEach(out::collect),
                    linkType,
                    "identity links of payments",
                    NAME + "-payer-identity-links"))
            .keyBy(IdentityLink::subjectKey, KEY)
            .connect(rulesAndGrades)
            .process(new IdentityRuleFunction(), alertType)
            .name("identity rules")
            .uid(NAME + "-identity-rules");
    DataStream<RiskAlert> enterpriseAlerts =
        orders
            .filter(e -> e.payload().ebcCode() != null)
            .name("orders with an enterprise")
            .uid(NAME + "-enterprise-orders")
            // The family reads an order's key, times, type and enterprise: names, addresses and
            // payment details would be most of what crosses to it.
            .map(TradeFacts::countedPart, CountedOrderSerializer.TYPE)
            .name("counted part of orders")
            .uid(NAME + "-enterprise-counted-orders")
            .keyBy(e -> e.payload().ebcCode(), KEY)
            .connect(rulesAndGrades)
            .process(new EnterpriseRuleFunction(), alertType)
            .name("enterprise rules")
            .uid(NAME + "-enterprise-rules");
    TypeInformation<ShipmentSignal> shipmentType = TypeInformation.of(ShipmentSignal.class);
    DataStream<RiskAlert> shipmentAlerts =
        tracking
            .map(ShipmentSignal::of, shipmentType)
            .name("tracking as shipment signals")
            .uid(NAME + "-tracking-signals")
            .union(
                lists
                    .flatMap(
                        (Envelope<CustomsList> e,
                            org.apache.flink.util.Collector<ShipmentSignal> out) ->
                            ShipmentSignal.ofList(e).ifPresent(out::collect),
                        shipmentType)
                    .name("lists as shipment signals")
                    .uid(NAME + "-list-signals"))
            .keyBy(ShipmentSignal::waybillKey, KEY)
            .connect(rulesAndGrades)
            .process(new ShipmentRuleFunction(), alertType)
            .name("shipment rules")
            .uid(NAME + "-shipment-rules");
    TypeInformation<TechnicalSignal> technicalType = TypeInformation.of(TechnicalSignal.class);
    DataStream<TechnicalSignal> records =
        guids(orders, "order", technicalType)
            .union(
                guids(payments, "payment", technicalType),
                guids(lists, "list", technicalType),
                guids(waybills, "waybill", technicalType));
    DataStream<RiskAlert> technicalAlerts =
        deadLetters
            .flatMap(
                (DeadLetter d, org.apache.flink.util.Collector<TechnicalSignal> out) ->
                    TechnicalSignal.ofDeadLetter(d).ifPresent(out::collect),
                technicalType)
            .name("refused input")
            .uid(NAME + "-refusals")
            .union(records)
            .keyBy(TechnicalSignal::key, KEY)
            .connect(rulesAndGrades)
            .process(new TechnicalRuleFunction(), alertType)
            .name("technical rules")
            .uid(NAME + "-technical-rules");

    DataStream<RiskAlert> all =
        orderAlerts.union(
            priceAlerts,
            parcelAlerts,
            groupAlerts,
            identityAlerts,
            enterpriseAlerts,
            shipmentAlerts,
            technicalAlerts);
    if (in.fxReceipts() != null) {
      TypeInformation<FxSignal> fxType = TypeInformation.of(FxSignal.class);
      DataStream<RiskAlert> fxAlerts =
          outcomes
              .flatMap(
                  (ParcelOutcome o, org.apache.flink.util.Collector<FxSignal> out) ->
                      FxSignal.ofOutcome(o).ifPresent(out::collect),
                  fxType,
                  "paid exports",
                  NAME + "-paid-exports")
              .union(
                  in.fxReceipts()
                      .map(FxSignal::ofReceipt, fxType)
                      .name("FX receipts")
                      .uid(NAME + "-fx-receipts"))
              .keyBy(FxSignal::orderKey, KEY)
              .connect(rulesAndGrades)
              .process(new FxRuleFunction(), alertType)
              .name("FX rules")
              .uid(NAME + "-fx-rules");
      all = all.union(fxAlerts);
    }
    if (in.grades() == null) return all;
    DataStream<RiskAlert> creditAlerts =
        in.grades()
            .keyBy(CreditGradeChange::code, KEY)
            .connect(rulesAndGrades)
            .process(new GradeRuleFunction(), alertType)
            .name("credit rules")
            .uid(NAME + "-credit-rules");
    return all.union(creditAlerts);
  }

  /** The record guids of one document stream, for the replay rule. */
  private static <T extends io.sanliu.model.events.BusinessEvent> DataStream<TechnicalSignal> guids(
      DataStream<Envelope<T>> documents, String what, TypeInformation<TechnicalSignal> type) {
    return documents
        .flatMap(
            (Envelope<T> e, org.apache.flink.util.Collector<TechnicalSignal> out) ->
                TechnicalSignal.ofRecord(e).ifPresent(out::collect),
            type)
        .name(what + " guids")
        .uid(NAME + "-" + what + "-guids");
  }

  private static <T extends io.sanliu.model.events.BusinessEvent> DataStream<Envelope<T>> read(
      StreamExecutionEnvironment env,
      Config config,
      String job,
      io.sanliu.model.kafka.Topic<Envelope<T>> topic,
      TypeHint<Envelope<T>> type) {
    return KafkaStreams.read(
        env,
        config,
        job,
        topic,
        TypeInformation.of(type),
        EventTimes.<T>forEnvelopesNeverIdle(config));
  }
}
