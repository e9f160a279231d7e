package io.sanliu.jobs.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.model.archive.TraceParcel;
import io.sanliu.model.config.Config;
import io.sanliu.model.credit.Contribution;
import io.sanliu.model.credit.CreditFactor;
import io.sanliu.model.credit.CreditProfile;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import io.sanliu.model.simulation.NegativeListEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The credit pipeline ({@link CreditJob#profiles}) on bounded sources: review outcomes reach the
 * participants their alerts were attributed to (directly, through the parcel, through waybills) and
 * reweigh the ALERTS factor; consumer evaluations reach the order's enterprise and make the
 * EVALUATIONS factor. Expectations follow the formulas of docs/credit.md, with its constants.
 */
class ReviewsAndEvaluationsScoringTest {
  static final Instant AT = Instant.parse("2049-04-01T08:00:00Z");
  static final double HALF_LIFE_DAYS = 90; // SANLIU_CREDIT_HALF_LIFE's default
  static final TraceParcel ALERTED = TraceParcel.of("RV49A", AT);
  static final TraceParcel EVALUATED = TraceParcel.of("RV49E", AT);
  static final String DIRECT = "EBCRV49D";
  static final String CARRIER = "LOGRV49";
  static Map<String, CreditProfile> last;

  @BeforeAll
  static void score() throws Exception {
    Instant raised = AT.plus(Duration.ofHours(1));
    Instant reviewed = AT.plus(Duration.ofDays(2));
    RiskAlert onOrder =
        alert("rv49-order", Severity.HIGH, null, List.of(ALERTED.orderKey()), List.of(), raised);
    RiskAlert onEnterprise =
        alert("rv49-direct", Severity.MEDIUM, DIRECT, List.of("EBPX:SO9"), List.of(), raised);
    RiskAlert onWaybill =
        alert("rv49-waybill", Severity.LOW, null, List.of(), List.of(CARRIER + ":SF1"), raised);
    List<AlertReview> reviews =
        List.of(
            review(onOrder, AlertStatus.CLOSED_TRUE_POSITIVE, reviewed),
            review(onEnterprise, AlertStatus.CLOSED_FALSE_POSITIVE, reviewed),
            review(onWaybill, AlertStatus.CLOSED_TRUE_POSITIVE, reviewed));
    Instant evaluated = AT.plus(Duration.ofDays(5));
    List<Envelope<Evaluation>> evaluations =
        List.of(
            evaluation("EV49-1", null, 1, true, evaluated),
            evaluation("EV49-2", null, 2, false, evaluated),
            evaluation("EV49-3", EVALUATED.ebcCode(), 5, false, evaluated),
            // The first again (a platform sending it twice): counted once.
            evaluation("EV49-1", null, 1, true, evaluated));

    Config config = Config.defaults();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<Envelope<Order>> orders = new java.util.ArrayList<>();
    for (TraceParcel p : List.of(ALERTED, EVALUATED)) {
      for (Envelope<? extends BusinessEvent> e : p.envelopes()) {
        if (e.type() == EventType.ORDER) orders.add(cast(e));
      }
    }
    var profiles =
        CreditJob.profiles(
            config,
            new CreditInputs(
                timed(env, orders, new TypeHint<>() {}, e -> e.eventTime()),
                none(env, new TypeHint<Envelope<CustomsList>>() {}),
                none(env, new TypeHint<Envelope<CustomsReceipt>>() {}),
                none(env, new TypeHint<ParcelOutcome>() {}),
                timed(
                    env,
                    List.of(onOrder, onEnterprise, onWaybill),
                    new TypeHint<>() {},
                    RiskAlert::eventTime),
                timed(env, reviews, new TypeHint<>() {}, AlertReview::reviewedAt),
                timed(env, evaluations, new TypeHint<>() {}, e -> e.eventTime()),
                none(env, new TypeHint<NegativeListEntry>() {})));
    last = new HashMap<>();
    try (CloseableIterator<CreditProfile> it = profiles.executeAndCollect("reviews")) {
      while (it.hasNext()) {
        CreditProfile p = it.next();
        last.merge(p.code(), p, (a, b) -> b.revision() > a.revision() ? b : a);
      }
    }
  }

  @Test
  void aTruePositiveReviewOfAnAlertNamingOnlyAnOrderWeighsHalfAgainOnTheOrdersEnterprise() {
    CreditProfile p = last.get(ALERTED.ebcCode());
    // HIGH is 6 points, ×1.5 as a true positive, decayed from the alert's time to the review's.
    double decay = Math.pow(0.5, (2 * 24 - 1) / 24.0 / HALF_LIFE_DAYS);
    double s = 6 * 1.5 * decay;
    assertEquals(s, of(p, CreditFactor.ALERTS).figure(), 1e-9);
    assertEquals(-40 * (1 - Math.exp(-s / 10)), of(p, CreditFactor.ALERTS).points(), 1e-9);
    assertEquals(1, p.alertsTruePositive());
    assertEquals(AT.plus(Duration.ofDays(2)), p.asOf(), "the review is the newest evidence");
  }

  @Test
  void aFalsePositiveReviewOfAnAlertNamingItsEnterpriseTakesTheAlertBack() {
    CreditProfile p = last.get(DIRECT);
    assertEquals(0.0, of(p, CreditFactor.ALERTS).points(), 1e-12);
    assertEquals(0.0, of(p, CreditFactor.ALERTS).figure(), 1e-12);
    assertFalse(last.containsKey("EBPX"), "the order is not the way to an alert naming its firm");
  }

  @Test
  void aReviewOfAnAlertNamingOnlyAWaybillReachesItsLogisticsFirm() {
    CreditProfile p = last.get(CARRIER);
    double s = 1 * 1.5 * Math.pow(0.5, (2 * 24 - 1) / 24.0 / HALF_LIFE_DAYS);
    assertEquals(-40 * (1 - Math.exp(-s / 10)), of(p, CreditFactor.ALERTS).points(), 1e-9);
  }

  @Test
  void evaluationsReachTheOrdersEnterpriseAndMakeTheEvaluationsFactor() {
    CreditProfile p = last.get(EVALUATED.ebcCode());
    Contribution c = of(p, CreditFactor.EVALUATIONS);
    // Three evaluations (the repeated one once), one complaint, scores 1, 2 and 5, all at one time.
    double complaintRate = (1 + 20 * 0.035) / (3 + 20);
    double meanScore = (1 + 2 + 5 + 20 * 4.3) / (3 + 20);
    double points = 2 * Math.max(-1, (0.035 - complaintRate) / 0.035) + 2 * ((meanScore - 4.3) / 1);
    assertEquals(3.0, c.observations(), 1e-9);
    assertEquals(complaintRate, c.figure(), 1e-12);
    assertEquals(points, c.points(), 1e-9);
    assertTrue(points < 0, "one complaint in three and a low mean cost points");
    assertEquals(75 + points, p.score(), 0.051);
  }

  static Contribution of(CreditProfile p, CreditFactor f) {
    assertTrue(p != null, "no profile");
    return p.contributions().stream().filter(c -> c.factor() == f).findFirst().orElseThrow();
  }

  static RiskAlert alert(
      String id,
      Severity severity,
      String enterprise,
      List<String> orders,
      List<String> waybills,
      Instant at) {
    return new RiskAlert(
        id,
        "volume-spike",
        1,
        RuleType.VOLUME_SPIKE,
        null,
        null,
        severity,
        50,
        AlertStatus.OPEN,
        false,
        orders,
        waybills,
        enterprise,
        List.of(),
        Map.of(),
        null,
        null,
        Map.of(),
        at,
        at,
        at);
  }

  static AlertReview review(RiskAlert a, AlertStatus outcome, Instant at) {
    return new AlertReview(
        a.alertId(),
        a.ruleId(),
        a.ruleType(),
        outcome,
        false,
        a.enterpriseCode(),
        a.orderKeys(),
        a.waybillKeys(),
        a.eventTime(),
        at,
        "risk_officer");
  }

  static Envelope<Evaluation> evaluation(
      String id, String ebcCode, int score, boolean complaint, Instant at) {
    Evaluation e =
        new Evaluation(
            id,
            EVALUATED.ebpCode(),
            EVALUATED.orderNo(),
            ebcCode,
            null,
            score,
            complaint,
            "物流",
            null,
            at);
    return Envelope.of(EventType.EVALUATION, EVALUATED.ebpCode(), "G-" + id, at, e);
  }

  @SuppressWarnings("unchecked")
  static <T extends BusinessEvent> Envelope<T> cast(Envelope<? extends BusinessEvent> e) {
    return (Envelope<T>) e;
  }

  static <T> DataStream<T> timed(
      StreamExecutionEnvironment env, List<T> items, TypeHint<T> type, EventTimeOf<T> time) {
    return env.fromData(items, TypeInformation.of(type))
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<T>forMonotonousTimestamps()
                .withTimestampAssigner((x, previous) -> time.apply(x).toEpochMilli()));
  }

  /** An element's event time; serializable, since Flink ships the assigner to its tasks. */
  interface EventTimeOf<T> extends java.io.Serializable {
    Instant apply(T t);
  }

  /** A stream that ends at once (Flink's fromData cannot take an empty collection). */
  static <T> DataStream<T> none(StreamExecutionEnvironment env, TypeHint<T> type) {
    return env.fromSequence(0, 0)
        .flatMap((Long x, Collector<T> out) -> {}, TypeInformation.of(type))
        .name("none");
  }
}
