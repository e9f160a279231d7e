package io.sanliu.jobs.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.CreditSeverity;
import io.sanliu.jobs.risk.Documents;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskAlerts;
import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

  static AlertReview review(RiskAlert a, AlertStatus outcome) {
    return new AlertReview(
        a.alertId(),
        a.ruleId(),
        a.ruleType(),
        outcome,
        a.shadow(),
        a.enterpriseCode(),
        a.orderKeys(),
        a.waybillKeys(),
        a.eventTime(),
        AT.plusSeconds(3600),
        "risk_officer");
  }

  @Test
  void aReviewGoesToTheParticipantTheAlertNamesAndNotThroughTheParcels() {
    RiskAlert a = alert("volume-spike", "4403CF0003");
    List<CreditFact> facts = CreditFacts.ofReview(review(a, AlertStatus.CLOSED_FALSE_POSITIVE));
    assertEquals(1, facts.size());
    assertEquals("4403CF0003", facts.get(0).code());
    assertEquals(CreditFact.Kind.ALERT_REVIEW, facts.get(0).kind());
    assertEquals(a.alertId(), facts.get(0).ref());
    assertEquals("CLOSED_FALSE_POSITIVE", facts.get(0).note());
    assertEquals(AT.plusSeconds(3600), facts.get(0).time());
    assertFalse(CreditFacts.throughParcels(review(a, AlertStatus.CLOSED_TRUE_POSITIVE)));
  }

  @Test
  void aReviewOfAnAlertNamingOnlyWaybillsGoesToTheirLogisticsFirms() {
    RiskAlert a =
        new RiskAlert(
            "rv-waybills",
            "logistics-stall",
            1,
            RuleType.VOLUME_SPIKE,
            null,
            null,
            Severity.LOW,
            10,
            AlertStatus.OPEN,
            false,
            List.of(),
            List.of("LOGA:SF1", "LOGA:SF2", "LOGB:SF3"),
            null,
            List.of(),
            Map.of(),
            null,
            null,
            Map.of(),
            AT,
            AT,
            AT);
    List<CreditFact> facts = CreditFacts.ofReview(review(a, AlertStatus.CLOSED_TRUE_POSITIVE));
    assertEquals(List.of("LOGA", "LOGB"), facts.stream().map(CreditFact::code).toList());
    assertEquals(
        facts.stream().map(CreditFact::code).toList(),
        CreditFacts.ofAlert(a).stream().map(CreditFact::code).toList(),
        "the same participants as the alert");
  }

  @Test
  void aReviewOfAnAlertNamingOnlyOrdersGoesThroughTheParcels() {
    RiskAlert onOrders =
        new RiskAlert(
            "rv-orders",
            "volume-spike",
            1,
            RuleType.VOLUME_SPIKE,
            null,
            null,
            Severity.HIGH,
            10,
            AlertStatus.OPEN,
            false,
            List.of("EBP1:SO1"),
            List.of(),
            null,
            List.of(),
            Map.of(),
            null,
            null,
            Map.of(),
            AT,
            AT,
            AT);
    AlertReview r = review(onOrders, AlertStatus.CLOSED_TRUE_POSITIVE);
    assertEquals(List.of(), CreditFacts.ofReview(r));
    assertTrue(CreditFacts.throughParcels(r));
    assertEquals(
        List.of("EBP1:SO1"),
        ParcelSignal.ofReview(r).stream().map(ParcelSignal::parcelKey).toList());
  }

  @Test
  void aReviewOfAShadowOrCreditRulesAlertIsNotEvidence() {
    RiskAlert credit = alert("credit-downgrade", "4403CF0004");
    assertEquals(List.of(), CreditFacts.ofReview(review(credit, AlertStatus.CLOSED_TRUE_POSITIVE)));
  }

  @Test
  void aCreditRulesAlertIsNotEvidenceOfCredit() {
    assertEquals(List.of(), CreditFacts.ofAlert(alert("credit-downgrade", "4403CF0002")));
  }
}
