package io.sanliu.jobs.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sanliu.model.credit.Grade;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CreditSeverityTest {
  static RiskAlert alert(String ruleId) {
    Finding f =
        Finding.about("S1")
            .enterprise("4403CS0001")
            .explain("说明", "explanation")
            .at(Instant.parse("2044-03-01T00:00:00Z"))
            .build();
    return RiskAlerts.raise(Documents.shipped(ruleId), f, Instant.parse("2044-03-01T00:00:01Z"));
  }

  @Test
  void anAlertAboutAnUntrustedEnterpriseIsRaisedOneLevelKeepingTheRulesSeverity() {
    RiskAlert medium = alert("volume-spike");
    assertEquals(Severity.MEDIUM, medium.severity());
    RiskAlert raised = CreditSeverity.apply(medium, Grade.D);
    assertEquals(Severity.HIGH, raised.severity());
    assertEquals(Severity.MEDIUM, raised.ruleSeverity(), "what the credit job counts");
    assertEquals("D", raised.evidence().get(CreditSeverity.CREDIT_GRADE));
    assertEquals(medium.alertId(), raised.alertId(), "the same alert");
    assertSame(raised, CreditSeverity.apply(raised, Grade.D), "raised once");
  }

  @Test
  void otherGradesAreRecordedNotRaisedAndAnUngradedEnterpriseIsUnchanged() {
    RiskAlert medium = alert("volume-spike");
    RiskAlert watched = CreditSeverity.apply(medium, Grade.C);
    assertEquals(Severity.MEDIUM, watched.severity());
    assertEquals("C", watched.evidence().get(CreditSeverity.CREDIT_GRADE));
    assertFalse(watched.evidence().containsKey(RiskAlert.SEVERITY_RAISED_FROM));
    assertSame(medium, CreditSeverity.apply(medium, null));
  }

  @Test
  void criticalStaysAndCreditRulesAreNotRaised() {
    RiskAlert downgrade = alert("credit-downgrade");
    assertEquals(Severity.HIGH, CreditSeverity.apply(downgrade, Grade.D).severity());
    assertEquals(Severity.CRITICAL, Severity.HIGH.raised());
    assertEquals(Severity.CRITICAL, Severity.CRITICAL.raised());
  }
}
