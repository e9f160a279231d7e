package io.sanliu.model.credit;

import static io.sanliu.model.credit.CreditFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CreditAccountTest {
  static final Instant NOW = Instant.parse("2047-06-01T00:00:00Z");

  CreditUpdate apply(CreditAccount a, CreditFact f) {
    return a.apply(CODE, f, CARD, POLICY, NOW);
  }

  @Test
  void theFirstFactGivesTheFirstGradeAndRevision() {
    CreditAccount a = new CreditAccount();
    CreditUpdate u = apply(a, matched(0));
    assertNotNull(u.gradeChange());
    assertNull(u.gradeChange().from());
    assertEquals(Grade.B, u.profile().grade());
    assertEquals(1, u.profile().revision());
    assertEquals(CODE + "@0000000001", u.profile().historyId());
    assertNull(u.profile().previousScore());
  }

  @Test
  void aFactThatDoesNotMoveTheScoreMakesNoRevision() {
    CreditAccount a = new CreditAccount();
    apply(a, alert(0, "a1", Severity.HIGH));
    // The same alert raised again with more evidence: same score.
    assertNull(apply(a, alert(0, "a1", Severity.HIGH)));
    assertEquals(1, a.revision());
  }

  @Test
  void aDowngradeIsExplainedByTheFactorThatMoved() {
    CreditAccount a = new CreditAccount();
    for (int d = 0; d < 30; d++) {
      for (int i = 0; i < 5; i++) {
        double t = d + i / 6.0;
        apply(a, matched(t));
        apply(a, released(t));
        apply(a, verified(t, 2000));
      }
    }
    assertEquals(Grade.A, a.grade());
    CreditUpdate u = null;
    for (int i = 0; i < 4 && (u == null || u.gradeChange() == null); i++) {
      u = apply(a, alert(30, "h" + i, Severity.HIGH));
    }
    assertNotNull(u.gradeChange(), "HIGH alerts take an A enterprise down");
    assertTrue(u.gradeChange().downgrade());
    assertEquals(Grade.A, u.gradeChange().from());
    assertEquals(CreditFactor.ALERTS, u.gradeChange().cause());
    assertEquals(CreditFactor.ALERTS, u.profile().cause());
    assertTrue(u.profile().factorPoints().get("ALERTS") < 0);
    assertEquals(Grade.A, u.profile().previousGrade());
    assertEquals(day(30), u.profile().gradeSince());
  }

  @Test
  void oneOddDayOfFailedParcelsDoesNotSwingAVeteransGrade() {
    CreditAccount a = new CreditAccount();
    for (int d = 0; d < 60; d++) {
      for (int i = 0; i < 8; i++) {
        double t = d + i / 9.0;
        apply(a, matched(t));
        apply(a, released(t));
        apply(a, verified(t, 1500));
      }
    }
    Grade before = a.grade();
    // The odd day: a third of its parcels fail, one list is returned and one inspected.
    for (int i = 0; i < 3; i++) apply(a, failed(60.2));
    for (int i = 0; i < 5; i++) apply(a, matched(60.3));
    apply(a, returned(60.4));
    apply(a, inspected(60.4));
    assertEquals(before, a.grade());
  }

  @Test
  void theProfileCarriesTheFiguresBehindTheScore() {
    CreditAccount a = new CreditAccount();
    apply(a, matched(0));
    apply(a, matched(0));
    apply(a, failed(0));
    apply(a, released(0));
    apply(a, returned(0));
    apply(a, inspected(0));
    apply(a, verified(0, 123.45));
    apply(a, alert(0, "m1", Severity.MEDIUM));
    CreditUpdate u = apply(a, alert(0, "l1", Severity.LOW));
    CreditProfile p = u.profile();
    assertEquals(2.0 / 3, p.matchRate(), 1e-4);
    assertEquals(0.5, p.releaseRate(), 1e-9);
    assertEquals(0.5, p.returnRate(), 1e-9);
    assertEquals(0.5, p.inspectionRate(), 1e-9);
    assertEquals(123.45, p.turnover30d(), 1e-9);
    assertEquals(1, p.alertsBySeverity().get("MEDIUM"));
    assertEquals(1, p.alertsBySeverity().get("LOW"));
    assertEquals(2, p.alertsByRule().get(0).count());
    assertEquals(CreditFactor.values().length, p.contributions().size());
    double sum =
        p.base() + p.factorPoints().values().stream().mapToDouble(Double::doubleValue).sum();
    assertEquals(p.score(), sum, 0.1);
    assertEquals(p.grade().suggestedInspectionRate(), p.inspectionRateSuggested());
  }
}
