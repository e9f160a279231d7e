package io.sanliu.jobs.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.CreditFactor;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.CreditProfile;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.events.Severity;
import io.sanliu.model.simulation.NegativeListEntry;
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

class CreditFunctionTest {
  static final Instant T = Instant.parse("2047-05-01T00:00:00Z");
  KeyedOneInputStreamOperatorTestHarness<String, CreditFact, CreditProfile> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new CreditFunction(Duration.ofDays(90), 2)),
            CreditFact::code,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(CreditFact f) throws Exception {
    harness.processElement(new StreamRecord<>(f, f.time().toEpochMilli()));
  }

  List<CreditGradeChange> changes() {
    return harness.getSideOutput(CreditFunction.GRADE_CHANGES) == null
        ? List.of()
        : harness.getSideOutput(CreditFunction.GRADE_CHANGES).stream()
            .map(StreamRecord::getValue)
            .toList();
  }

  @Test
  void eachParticipantHasItsOwnAccountAndRevisions() throws Exception {
    send(CreditFact.of("A1", Participant.ENTERPRISE, CreditFact.Kind.PARCEL_MATCHED, T));
    send(CreditFact.of("B1", Participant.ENTERPRISE, CreditFact.Kind.PARCEL_FAILED, T));
    List<CreditProfile> out = harness.extractOutputValues();
    assertEquals(List.of("A1", "B1"), out.stream().map(CreditProfile::code).toList());
    assertTrue(out.get(0).score() > out.get(1).score());
    assertEquals(1, out.get(1).revision());
    assertEquals(2, changes().size(), "each gets its first grade");
  }

  @Test
  void alertsDowngradeWithTheCauseAndTheGradeChangeIsASideOutput() throws Exception {
    for (int i = 0; i < 40; i++) {
      Instant t = T.plusSeconds(60L * i);
      send(CreditFact.of("E1", Participant.ENTERPRISE, CreditFact.Kind.PARCEL_MATCHED, t));
      send(CreditFact.of("E1", Participant.ENTERPRISE, CreditFact.Kind.LIST_RELEASED, t));
      send(CreditFact.verified("E1", Participant.ENTERPRISE, t, 50_000));
    }
    CreditProfile before =
        harness.extractOutputValues().get(harness.extractOutputValues().size() - 1);
    assertEquals(Grade.A, before.grade(), before.score() + " " + before.factorPoints());
    Instant later = T.plus(Duration.ofHours(2));
    send(
        CreditFact.alert(
            "E1", Participant.ENTERPRISE, later, "a1", "TAX_BELOW_COMPUTED", Severity.HIGH));
    send(
        CreditFact.alert(
            "E1", Participant.ENTERPRISE, later, "a2", "UNDERVALUATION", Severity.HIGH));
    List<CreditProfile> out = harness.extractOutputValues();
    CreditProfile after = out.get(out.size() - 1);
    assertTrue(after.grade().ordinal() > Grade.A.ordinal(), "downgraded: " + after.score());
    assertEquals(CreditFactor.ALERTS, after.cause());
    assertEquals(2, after.alertsByRule().size());
    List<CreditGradeChange> downgrades =
        changes().stream().filter(CreditGradeChange::downgrade).toList();
    assertEquals(Grade.A, downgrades.get(0).from(), "the first alert takes it out of A");
    CreditGradeChange change = changes().get(changes().size() - 1);
    assertEquals(after.grade(), change.to());
    assertTrue(change.downgrade());
    assertEquals(later, change.at());
    assertEquals("E1@" + String.format("%010d", change.revision()), change.changeId());
  }

  @Test
  void aRemovalFromTheNegativeListLiftsTheListingAndItsWeightFades() throws Exception {
    NegativeListEntry entry =
        new NegativeListEntry(
            "NL-CF-1",
            NegativeListEntry.Subject.ENTERPRISE,
            "N1",
            null,
            null,
            null,
            "走私",
            "ZONE",
            T,
            null);
    for (CreditFact f : CreditFacts.ofNegative(entry)) send(f);
    CreditProfile listed = last();
    assertTrue(listed.negativeListed());
    assertEquals(-40.0, listed.factorPoints().get(CreditFactor.NEGATIVE_LIST.name()), 0.01);
    NegativeListEntry removed = entry.removed(T.plus(Duration.ofDays(1)), "整改完成", "admin");
    List<CreditFact> facts = CreditFacts.ofNegative(removed);
    assertEquals(
        List.of(CreditFact.Kind.NEGATIVE_LISTED, CreditFact.Kind.NEGATIVE_REMOVED),
        facts.stream().map(CreditFact::kind).toList(),
        "both: a job starting after the removal still knows the listing");
    for (CreditFact f : facts) send(f);
    CreditProfile off = last();
    assertEquals(false, off.negativeListed());
    // A later fact, 90 days (one half-life) after the removal, finds the listing's weight halved.
    send(
        CreditFact.of(
            "N1",
            Participant.ENTERPRISE,
            CreditFact.Kind.PARCEL_MATCHED,
            T.plus(Duration.ofDays(91))));
    assertEquals(-20.0, last().factorPoints().get(CreditFactor.NEGATIVE_LIST.name()), 0.5);
  }

  CreditProfile last() {
    List<CreditProfile> out = harness.extractOutputValues();
    return out.get(out.size() - 1);
  }

  List<NegativeListEntry> entriesByRule() {
    var side = harness.getSideOutput(CreditFunction.NEGATIVE_ENTRIES);
    return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
  }

  @Test
  void anEnterpriseStillAtTheWorstGradeAfterThirtyDaysIsListedByRule() throws Exception {
    // Listed by hand: D at once (75 - 40).
    send(CreditFact.negative("W1", T, "NL-W1", false, "ENTERPRISE 走私"));
    assertEquals(Grade.D, last().grade());
    harness.processWatermark(T.plus(Duration.ofDays(30)).toEpochMilli() - 1);
    assertEquals(List.of(), entriesByRule(), "not yet thirty days");
    harness.processWatermark(T.plus(Duration.ofDays(30)).toEpochMilli());
    List<NegativeListEntry> listed = entriesByRule();
    assertEquals(1, listed.size());
    NegativeListEntry e = listed.get(0);
    assertEquals("rule-worst-grade:W1:" + T.toEpochMilli(), e.entryId());
    assertEquals(NegativeListEntry.Subject.ENTERPRISE, e.subject());
    assertEquals("W1", e.enterpriseCode());
    assertEquals(NegativeListByRule.LISTER, e.listedBy());
    assertEquals(T.plus(Duration.ofDays(30)), e.listedAt());
  }

  @Test
  void anEnterpriseThatLeftTheWorstGradeIsNotListed() throws Exception {
    send(CreditFact.negative("W2", T, "NL-W2", false, "ENTERPRISE 走私"));
    // Taken off a day later: its points fade, and the turnover and matches of a good month lift it.
    NegativeListEntry entry =
        new NegativeListEntry(
            "NL-W2",
            NegativeListEntry.Subject.ENTERPRISE,
            "W2",
            null,
            null,
            null,
            "走私",
            "ZONE",
            T,
            null);
    for (CreditFact f :
        CreditFacts.ofNegative(entry.removed(T.plus(Duration.ofDays(1)), "误列", "admin"))) {
      send(f);
    }
    for (int i = 0; i < 400; i++) {
      Instant at = T.plus(Duration.ofDays(2)).plusSeconds(3600L * i);
      send(CreditFact.verified("W2", Participant.ENTERPRISE, at, 25_000));
      send(CreditFact.of("W2", Participant.ENTERPRISE, CreditFact.Kind.PARCEL_MATCHED, at));
    }
    assertTrue(last().grade() != Grade.D, "left D: " + last().grade());
    harness.processWatermark(T.plus(Duration.ofDays(40)).toEpochMilli());
    assertEquals(List.of(), entriesByRule());
  }

  @Test
  void aConfirmedFakeTradeListsItsEnterpriseWhicheverOfAlertAndReviewComesFirst() throws Exception {
    send(CreditFact.review("F1", T.plus(Duration.ofDays(1)), "A-1", "CLOSED_TRUE_POSITIVE"));
    send(
        CreditFact.alert(
            "F1", Participant.ENTERPRISE, T, "A-1", "EXPORT_NOT_SHIPPED", Severity.HIGH));
    assertEquals(
        List.of("rule-fake-trade:F1:A-1"), entriesByRule().stream().map(e -> e.entryId()).toList());
    // A false positive, or a confirmed alert of another kind, lists nothing.
    send(
        CreditFact.alert(
            "F2", Participant.ENTERPRISE, T, "A-2", "EXPORT_NOT_SHIPPED", Severity.HIGH));
    send(CreditFact.review("F2", T, "A-2", "CLOSED_FALSE_POSITIVE"));
    send(CreditFact.alert("F3", Participant.ENTERPRISE, T, "A-3", "SINGLE_LIMIT", Severity.HIGH));
    send(CreditFact.review("F3", T, "A-3", "CLOSED_TRUE_POSITIVE"));
    assertEquals(1, entriesByRule().size());
  }
}
