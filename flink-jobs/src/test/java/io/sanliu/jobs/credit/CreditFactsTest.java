package io.sanliu.jobs.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.risk.CreditSeverity;
import io.sanliu.jobs.risk.Documents;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskAlerts;
import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditFactsTest {
  static final Instant AT = Instant.parse("2047-06-01T00:00:00Z");

  static RiskAlert alert(String ruleId, String enterprise) {
    Finding f =
        Finding.about("X-" + ruleId).enterprise(enterprise).explain("z", "e").at(AT).build();
    return RiskAlerts.raise(Documents.shipped(ruleId), f, AT);
  }

  @Test
  void anAlertRaisedForALowGradeCountsAtItsRulesSeverity() {
    RiskAlert raised = CreditSeverity.apply(alert("volume-spike", "4403CF0001"), Grade.D);
    assertEquals(Severity.HIGH, raised.severity());
    List<CreditFact> facts = CreditFacts.ofAlert(raised);
    assertEquals(1, facts.size());
    assertEquals(Severity.MEDIUM.name(), facts.get(0).severity().name());
  }

  @Test
  void aCreditRulesAlertIsNotEvidenceOfCredit() {
    assertEquals(List.of(), CreditFacts.ofAlert(alert("credit-downgrade", "4403CF0002")));
  }
}
