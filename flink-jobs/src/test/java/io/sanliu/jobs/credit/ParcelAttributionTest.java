package io.sanliu.jobs.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.credit.ParcelSignal.Kind;
import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParcelAttributionTest {
  static final String KEY = "4403960001:SO-1";
  static final Instant T = Instant.parse("2047-05-01T00:00:00Z");
  KeyedOneInputStreamOperatorTestHarness<String, ParcelSignal, CreditFact> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ParcelAttribution(Duration.ofDays(14))),
            ParcelSignal::parcelKey,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  static ParcelSignal signal(Kind kind, long seconds, String status) {
    boolean order = kind == Kind.ORDER;
    boolean list = kind == Kind.LIST;
    return new ParcelSignal(
        KEY,
        kind,
        T.plusSeconds(seconds),
        order || list ? "EBC1" : null,
        order || list ? "4403960001" : null,
        order ? "PAY1" : null,
        list ? "LOG1" : null,
        order ? 250.0 : null,
        status,
        kind == Kind.ALERT ? "alert-1" : null,
        kind == Kind.ALERT ? "UNDERVALUATION" : null,
        kind == Kind.ALERT ? Severity.HIGH : null,
        null,
        null,
        false);
  }

  static ParcelSignal review(long seconds, String outcome) {
    return new ParcelSignal(
        KEY,
        Kind.REVIEW,
        T.plusSeconds(seconds),
        null,
        null,
        null,
        null,
        null,
        outcome,
        "alert-1",
        "UNDERVALUATION",
        null,
        null,
        null,
        false);
  }

  static ParcelSignal evaluation(long seconds, String id, String ebcCode, int score, boolean c) {
    return new ParcelSignal(
        KEY,
        Kind.EVALUATION,
        T.plusSeconds(seconds),
        ebcCode,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        id,
        score,
        c);
  }

  void send(ParcelSignal s) throws Exception {
    harness.processElement(new StreamRecord<>(s, s.time().toEpochMilli()));
  }

  List<CreditFact> facts() {
    List<CreditFact> out = harness.extractOutputValues();
    harness.getOutput().clear();
    return out;
  }

  @Test
  void evidenceBeforeTheOrderWaitsForItsEnterprise() throws Exception {
    send(signal(Kind.ALERT, 1, null));
    send(signal(Kind.CUSTOMS_STATUS, 2, "500"));
    assertTrue(facts().isEmpty(), "no enterprise known yet");
    send(signal(Kind.ORDER, 0, null));
    List<CreditFact> out = facts();
    assertEquals(1, out.stream().filter(f -> f.kind() == CreditFact.Kind.ALERT).count());
    CreditFact alert =
        out.stream().filter(f -> f.kind() == CreditFact.Kind.ALERT).findFirst().orElseThrow();
    assertEquals("EBC1", alert.code());
    assertEquals("alert-1", alert.ref());
    assertEquals(Severity.HIGH, alert.severity());
    // Inspection goes to the enterprise and the platform (no list yet: no logistics firm known).
    assertEquals(
        List.of("EBC1", "4403960001"),
        out.stream()
            .filter(f -> f.kind() == CreditFact.Kind.LIST_INSPECTED)
            .map(CreditFact::code)
            .toList());
  }

  @Test
  void aParcelMatchedAndReleasedIsVerifiedTurnoverOnce() throws Exception {
    send(signal(Kind.ORDER, 0, null));
    send(signal(Kind.LIST, 10, null));
    facts();
    send(signal(Kind.MATCH, 20, "COMPLETE"));
    List<CreditFact> matched = facts();
    assertEquals(
        List.of(
            Participant.ENTERPRISE,
            Participant.PLATFORM,
            Participant.PAYMENT,
            Participant.LOGISTICS),
        matched.stream().map(CreditFact::participant).toList());
    assertTrue(matched.stream().allMatch(f -> f.kind() == CreditFact.Kind.PARCEL_MATCHED));
    send(signal(Kind.CUSTOMS_STATUS, 30, "800"));
    List<CreditFact> released = facts();
    List<CreditFact> verified =
        released.stream().filter(f -> f.kind() == CreditFact.Kind.VERIFIED).toList();
    assertEquals(2, verified.size(), "enterprise and platform");
    assertEquals(250.0, verified.get(0).amountCny());
    // The same results again (a replay, a second report) count for nothing more.
    send(signal(Kind.MATCH, 40, "COMPLETE"));
    send(signal(Kind.CUSTOMS_STATUS, 50, "800"));
    send(signal(Kind.ALERT, 60, null));
    send(signal(Kind.ALERT, 61, null));
    List<CreditFact> again = facts();
    assertEquals(1, again.size(), "only the alert, once: " + again);
  }

  @Test
  void aFailedMatchIsReportedOnceAndGivesNoTurnover() throws Exception {
    send(signal(Kind.ORDER, 0, null));
    send(signal(Kind.MATCH, 5, "MISMATCH"));
    send(signal(Kind.MATCH, 6, "MISMATCH"));
    send(signal(Kind.CUSTOMS_STATUS, 30, "800"));
    List<CreditFact> out = facts();
    assertEquals(
        3,
        out.stream().filter(f -> f.kind() == CreditFact.Kind.PARCEL_FAILED).count(),
        "enterprise, platform, payment firm; once");
    assertTrue(out.stream().noneMatch(f -> f.kind() == CreditFact.Kind.VERIFIED));
  }

  @Test
  void aReviewGoesOnceToTheEnterpriseItsAlertWentTo() throws Exception {
    send(review(100, "CLOSED_TRUE_POSITIVE"));
    assertTrue(facts().isEmpty(), "no enterprise known yet");
    send(signal(Kind.ORDER, 0, null));
    send(signal(Kind.ALERT, 1, null));
    send(review(101, "CLOSED_TRUE_POSITIVE"));
    List<CreditFact> out = facts();
    List<CreditFact> reviews =
        out.stream().filter(f -> f.kind() == CreditFact.Kind.ALERT_REVIEW).toList();
    assertEquals(1, reviews.size(), out::toString);
    assertEquals("EBC1", reviews.get(0).code());
    assertEquals("alert-1", reviews.get(0).ref());
    assertEquals("CLOSED_TRUE_POSITIVE", reviews.get(0).note());
    assertEquals(T.plusSeconds(100), reviews.get(0).time());
  }

  @Test
  void anEvaluationGoesToTheOrdersEnterpriseOnceOrAtOnceToTheOneItNames() throws Exception {
    send(evaluation(200, "EV1", null, 2, true));
    assertTrue(facts().isEmpty(), "no enterprise known yet");
    send(evaluation(201, "EV2", "EBC9", 5, false));
    List<CreditFact> named = facts();
    assertEquals(1, named.size());
    assertEquals("EBC9", named.get(0).code());
    assertEquals(5.0, named.get(0).amountCny());
    send(signal(Kind.ORDER, 0, null));
    send(evaluation(202, "EV1", null, 2, true));
    List<CreditFact> out = facts();
    assertEquals(1, out.size(), "the waiting one, once: " + out);
    CreditFact f = out.get(0);
    assertEquals(CreditFact.Kind.EVALUATION, f.kind());
    assertEquals("EBC1", f.code());
    assertEquals(Participant.ENTERPRISE, f.participant());
    assertEquals("EV1", f.ref());
    assertEquals(2.0, f.amountCny());
    assertTrue(f.complaint());
  }

  @Test
  void theParcelIsForgottenAfterItsRetention() throws Exception {
    send(signal(Kind.ORDER, 0, null));
    assertEquals(1, harness.numKeyedStateEntries());
    harness.processWatermark(T.plus(Duration.ofDays(15)).toEpochMilli());
    assertEquals(0, harness.numKeyedStateEntries());
  }
}
