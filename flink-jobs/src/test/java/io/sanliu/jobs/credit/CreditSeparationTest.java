package io.sanliu.jobs.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.matching.MatchTimeouts;
import io.sanliu.jobs.matching.ParcelMatching;
import io.sanliu.jobs.matching.ParcelOutcomes;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.jobs.risk.RiskEngineJob;
import io.sanliu.jobs.risk.RiskInputs;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.credit.CreditProfile;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.FxReceipt;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.model.simulation.GroundTruth;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.simulator.AnomalyRates;
import io.sanliu.simulator.sink.EnvelopeFactory;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.Emission;
import io.sanliu.simulator.traffic.Label;
import io.sanliu.simulator.traffic.TrafficEngine;
import io.sanliu.simulator.traffic.TrafficSettings;
import io.sanliu.simulator.zone.Zone;
import io.sanliu.simulator.zone.ZoneShape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The scorecard against the simulator's labelled bad actors: a simulated zone's traffic (generated
 * in-process, no Kafka) goes through the risk engine's real rules and the credit job's real
 * pipeline in one bounded Flink job; the last credit score of every e-commerce enterprise must
 * separate the enterprises whose orders carry injected anomalies from the others (ROC AUC >= 0.9).
 */
class CreditSeparationTest {
  static final long SEED = 41;
  static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
  static final ZoneShape SHAPE = new ZoneShape(80, 3000);
  static final Duration ARRIVALS = Duration.ofHours(3);
  static final double DOCUMENTS_PER_SECOND = 2.5;

  /**
   * Labels of a sender's message handling, not of an enterprise's conduct: a replayed payment or
   * waybill is the payment or logistics firm's, a burst of refused documents its sender's.
   */
  static final Set<AnomalyKind> SENDER_KINDS =
      EnumSet.of(AnomalyKind.REPLAYED_MESSAGE, AnomalyKind.REJECTED_BURST);

  @Test
  void scoresSeparateTheLabelledBadEnterprisesFromTheOthers() throws Exception {
    // Compression 1 (zone time is event time) so the rules' default windows fit the traffic; the
    // split window the simulator assumes is the split rule's default; no volume spikes (the rule
    // needs a day of baseline the run does not have).
    AnomalyRates rates = AnomalyRates.defaults().with(AnomalyKind.ENTERPRISE_VOLUME_SPIKE, 0);
    TrafficEngine engine =
        new TrafficEngine(
            Zone.build(SEED, SHAPE),
            new TrafficSettings(
                SEED,
                START,
                1,
                DOCUMENTS_PER_SECOND,
                rates,
                0.3,
                0.3,
                Duration.ofMinutes(10),
                SHAPE,
                Duration.ZERO));
    engine.stopArrivalsAfter(START.plus(ARRIVALS));
    long started = System.nanoTime();
    Traffic traffic = Traffic.of(engine);
    long generated = System.nanoTime();
    Map<String, Double> scores = scores(traffic);
    long scored = System.nanoTime();

    Set<String> enterprises = traffic.enterprises();
    Set<String> bad = traffic.badEnterprises();
    List<Double> badScores = new ArrayList<>();
    List<Double> goodScores = new ArrayList<>();
    for (String e : enterprises) {
      assertTrue(scores.containsKey(e), "no credit profile for enterprise " + e);
      (bad.contains(e) ? badScores : goodScores).add(scores.get(e));
    }
    double auc = auc(badScores, goodScores);
    System.out.printf(
        "credit separation: seed %d, %.1f documents/s over %s of arrivals (compression 1), %d"
            + " arrivals, %d labels (%d of enterprises); %d enterprises: %d bad, %d good; ROC AUC"
            + " %.4f (generated in %d ms, scored in %d ms)%n  bad  %s%n  good %s%n",
        SEED,
        DOCUMENTS_PER_SECOND,
        ARRIVALS,
        engine.arrivals(),
        traffic.labels().size(),
        traffic.labels().stream().filter(l -> !SENDER_KINDS.contains(l.kind())).count(),
        enterprises.size(),
        badScores.size(),
        goodScores.size(),
        auc,
        (generated - started) / 1_000_000,
        (scored - generated) / 1_000_000,
        badScores.stream().sorted().toList(),
        goodScores.stream().sorted().toList());
    assertTrue(badScores.size() >= 10 && goodScores.size() >= 10, "both classes are populated");
    assertTrue(auc >= 0.9, "ROC AUC " + auc);
  }

  @Test
  void aucCountsThePairsAGoodScoreWins() {
    assertEquals(1.0, auc(List.of(50.0, 60.0), List.of(70.0, 80.0)));
    assertEquals(0.0, auc(List.of(90.0), List.of(70.0, 80.0)));
    // One of four pairs won, one tied (half): 1.5 / 4.
    assertEquals(0.375, auc(List.of(70.0, 80.0), List.of(70.0, 75.0)));
  }

  /**
   * ROC AUC of "a lower score means a bad actor": the share of (bad, good) pairs in which the good
   * enterprise scores higher, ties counting half (the Mann-Whitney statistic).
   */
  static double auc(List<Double> bad, List<Double> good) {
    double wins = 0;
    for (double b : bad) {
      for (double g : good) {
        if (g > b) wins += 1;
        else if (g == b) wins += 0.5;
      }
    }
    return wins / ((double) bad.size() * good.size());
  }

  /**
   * The risk engine's alert wiring and the credit job's profile wiring over the traffic, as bounded
   * sources (their final watermark fires every pending timer): the last score of every participant.
   */
  static Map<String, Double> scores(Traffic t) throws Exception {
    Config config = Config.defaults();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    DataStream<Envelope<Order>> orders =
        source(env, t.of(EventType.ORDER), new TypeHint<Envelope<Order>>() {}, config);
    DataStream<Envelope<Payment>> payments =
        source(env, t.of(EventType.PAYMENT), new TypeHint<Envelope<Payment>>() {}, config);
    DataStream<Envelope<CustomsList>> lists =
        source(env, t.of(EventType.CUSTOMS_LIST), new TypeHint<Envelope<CustomsList>>() {}, config);
    DataStream<Envelope<Waybill>> waybills =
        source(env, t.of(EventType.WAYBILL), new TypeHint<Envelope<Waybill>>() {}, config);
    DataStream<Envelope<LogisticsEvent>> tracking =
        source(
            env,
            t.of(EventType.LOGISTICS_EVENT),
            new TypeHint<Envelope<LogisticsEvent>>() {},
            config);
    DataStream<Envelope<CustomsReceipt>> receipts =
        source(
            env,
            t.of(EventType.CUSTOMS_RECEIPT),
            new TypeHint<Envelope<CustomsReceipt>>() {},
            config);
    DataStream<DeadLetter> deadLetters =
        env.fromData(t.deadLetters(), TypeInformation.of(DeadLetter.class))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<DeadLetter>forBoundedOutOfOrderness(
                        config.getMillis(ConfigKey.FLINK_MAX_OUT_OF_ORDERNESS_MS))
                    .withTimestampAssigner((d, previous) -> d.rejectedAt().toEpochMilli()));
    DataStream<NegativeListEntry> negative =
        env.fromData(t.negativeList(), TypeInformation.of(NegativeListEntry.class))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<NegativeListEntry>forMonotonousTimestamps()
                    .withTimestampAssigner((e, previous) -> e.listedAt().toEpochMilli()));
    TypeInformation<ReferenceUpdate> refType = TypeInformation.of(ReferenceUpdate.class);
    DataStream<ReferenceUpdate> reference =
        env.fromData(t.references(), refType)
            .assignTimestampsAndWatermarks(
                io.sanliu.jobs.risk.ReferenceWatermarks.<ReferenceUpdate>none());

    // Matched once and shared: the risk engine and the credit job match the same way.
    ParcelOutcomes outcomes =
        ParcelMatching.matched(
            "separation", MatchTimeouts.from(config), orders, payments, lists, waybills);
    DataStream<Envelope<FxReceipt>> fxReceipts =
        source(env, t.of(EventType.FX_RECEIPT), new TypeHint<Envelope<FxReceipt>>() {}, config);
    var alerts =
        RiskEngineJob.alerts(
            new RiskInputs(
                orders, payments, lists, waybills, tracking, deadLetters, null, fxReceipts),
            outcomes,
            reference);
    DataStream<Envelope<Evaluation>> evaluations =
        source(env, t.of(EventType.EVALUATION), new TypeHint<Envelope<Evaluation>>() {}, config);
    // Nobody reviews the simulated zone's alerts: every one counts at its severity.
    DataStream<AlertReview> reviews =
        ReviewsAndEvaluationsScoringTest.none(env, new TypeHint<AlertReview>() {});
    var profiles =
        CreditJob.profiles(
            config,
            new CreditInputs(
                orders, lists, receipts, outcomes.all(), alerts, reviews, evaluations, negative));

    Map<String, CreditProfile> last = new HashMap<>();
    try (CloseableIterator<CreditProfile> it = profiles.executeAndCollect("credit separation")) {
      while (it.hasNext()) {
        CreditProfile p = it.next();
        if (!p.participants().contains(Participant.ENTERPRISE)) continue;
        last.merge(p.code(), p, (a, b) -> b.revision() > a.revision() ? b : a);
      }
    }
    Map<String, Double> out = new TreeMap<>();
    last.forEach((code, p) -> out.put(code, p.score()));
    return out;
  }

  static <T extends BusinessEvent> DataStream<Envelope<T>> source(
      StreamExecutionEnvironment env,
      List<Envelope<BusinessEvent>> docs,
      TypeHint<Envelope<T>> type,
      Config config) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    List<Envelope<T>> typed = (List) docs;
    return env.fromData(typed, TypeInformation.of(type))
        .assignTimestampsAndWatermarks(EventTimes.<T>forEnvelopesNeverIdle(config));
  }

  /** A run's documents as the gateway would publish them, its reference data and its labels. */
  record Traffic(
      Map<EventType, List<Envelope<BusinessEvent>>> published,
      List<DeadLetter> deadLetters,
      List<NegativeListEntry> negativeList,
      List<ReferenceUpdate> references,
      List<GroundTruth> labels) {

    static Traffic of(TrafficEngine engine) {
      EnvelopeFactory envelopes =
          new EnvelopeFactory(
              new PersonalDataHasher(
                  "credit-separation-key-0123456789".getBytes(StandardCharsets.UTF_8)));
      List<ReferenceUpdate> references = new ArrayList<>();
      for (Doc d : engine.filings()) {
        if (d.type() == EventType.GOODS_FILING) {
          references.add(
              ReferenceUpdate.of((GoodsFiling) envelopes.envelope(d, d.sendAt()).payload()));
        }
      }
      List<NegativeListEntry> negative = engine.negativeList();
      negative.forEach(e -> references.add(ReferenceUpdate.of(e)));
      Map<EventType, List<Envelope<BusinessEvent>>> published = new HashMap<>();
      List<DeadLetter> refused = new ArrayList<>();
      List<GroundTruth> labels = new ArrayList<>();
      Emission e;
      while ((e = engine.next()) != null) {
        if (e instanceof Label l) labels.add(l.truth());
        if (!(e instanceof Doc d)) continue;
        // What the gateway refuses goes to the dead-letter topic, as it would put it there.
        if (d.intent() == Doc.Intent.INVALID || d.intent() == Doc.Intent.REPLAY_SAME_MESSAGE) {
          refused.add(
              DeadLetter.of(
                  "gateway",
                  d.sender(),
                  d.messageGuid(),
                  d.format().xml() ? "application/xml" : "application/json",
                  List.of(
                      d.intent() == Doc.Intent.INVALID
                          ? d.expectedError()
                          : new DeadLetter.FieldError("guid", "replay of an accepted message")),
                  d.record().toString(),
                  d.sendAt()));
          continue;
        }
        published
            .computeIfAbsent(d.type(), k -> new ArrayList<>())
            .add(envelopes.envelope(d, d.sendAt()));
      }
      return new Traffic(published, refused, negative, references, labels);
    }

    List<Envelope<BusinessEvent>> of(EventType type) {
      return published.getOrDefault(type, List.of());
    }

    /** Enterprise of each order, by the order's business key ({@code ebpCode:orderNo}). */
    Map<String, String> enterpriseOfOrder() {
      Map<String, String> out = new HashMap<>();
      for (Envelope<BusinessEvent> e : of(EventType.ORDER)) {
        out.put(e.key(), ((Order) e.payload()).ebcCode());
      }
      return out;
    }

    /** Every e-commerce enterprise that placed an order. */
    Set<String> enterprises() {
      return new TreeSet<>(enterpriseOfOrder().values());
    }

    /**
     * The enterprises a label of their conduct names: by its enterprise code, or through the
     * enterprise of an order it names.
     */
    Set<String> badEnterprises() {
      Map<String, String> ofOrder = enterpriseOfOrder();
      Set<String> all = enterprises();
      Set<String> bad = new TreeSet<>();
      for (GroundTruth l : labels) {
        if (SENDER_KINDS.contains(l.kind())) continue;
        if (l.enterpriseCode() != null && all.contains(l.enterpriseCode())) {
          bad.add(l.enterpriseCode());
        }
        for (String k : l.orderKeys()) {
          String e = ofOrder.get(k);
          if (e != null) bad.add(e);
        }
      }
      return bad;
    }
  }
}
