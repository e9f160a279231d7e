package io.sanliu.jobs.risk.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.risk.Documents;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.credit.CreditFactor;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreditDowngradeRuleTest {
  static final Instant AT = Instant.parse("2044-03-01T08:00:00Z");
  final CreditDowngradeRule rule = new CreditDowngradeRule();
  final RuleDefinition shipped = Documents.shipped("credit-downgrade");

  static CreditGradeChange change(Grade from, Grade to, long revision) {
    boolean down = from != null && from.betterThan(to);
    return new CreditGradeChange(
        "4403CR0001",
        List.of(Participant.ENTERPRISE),
        from,
        to,
        down,
        41.5,
        56.0,
        CreditFactor.ALERTS,
        List.of(),
        revision,
        AT);
  }

  @Test
  void aDowngradeToTheWorstGradeIsAnAlertNamingTheParticipantAndTheCause() {
    List<Finding> found = rule.evaluate(change(Grade.C, Grade.D, 7), shipped);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals("4403CR0001", f.enterpriseCode());
    assertEquals("4403CR0001@0000000007", f.subject(), "one alert per grade change");
    assertEquals("C", f.evidence().get("from"));
    assertEquals("D", f.evidence().get("to"));
    assertEquals("ALERTS", f.evidence().get("cause"));
    assertEquals(AT, f.eventTime());
    assertEquals(
        "participant 4403CR0001 downgraded from C to D (untrusted), score 41.5, mostly ALERTS",
        f.explanationEn());
  }

  @Test
  void upgradesFirstGradesAndDowngradesAboveTheGradeRaiseNothing() {
    assertEquals(List.of(), rule.evaluate(change(Grade.D, Grade.C, 8), shipped), "an upgrade");
    assertEquals(List.of(), rule.evaluate(change(null, Grade.D, 1), shipped), "a first grade");
    assertEquals(List.of(), rule.evaluate(change(Grade.B, Grade.C, 3), shipped), "C is above D");
    RuleDefinition fromC = Documents.changedRule("credit-downgrade", Map.of("grade", "C"));
    assertEquals(1, rule.evaluate(change(Grade.B, Grade.C, 3), fromC).size());
    assertEquals(1, rule.evaluate(change(Grade.B, Grade.D, 3), fromC).size(), "or below");
  }
}
