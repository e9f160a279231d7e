package io.sanliu.model.credit;

import static io.sanliu.model.credit.CreditFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.Severity;
import org.junit.jupiter.api.Test;

class ScorecardTest {
  @Test
  void aParticipantWithoutEvidenceHasTheBaseScoreAndEveryFactorAtZero() {
    CreditScore s = CARD.score(new CreditLedger());
    assertEquals(Scorecard.BASE, s.score(), 1e-9);
    assertEquals(CreditFactor.values().length, s.contributions().size());
    s.contributions().forEach(c -> assertEquals(0, c.points(), 1e-9, c.factor().name()));
  }

  @Test
  void theScoreIsTheBasePlusTheContributions() {
    CreditLedger l = new CreditLedger();
    cleanDays(l, 10, 5, 300);
    l.record(failed(10), CARD.decay());
    l.record(alert(10, "x", Severity.MEDIUM), CARD.decay());
    CreditScore s = CARD.score(l);
    double sum =
        Scorecard.BASE + s.contributions().stream().mapToDouble(Contribution::points).sum();
    assertEquals(Math.min(100, sum), s.score(), 1e-9);
  }

  @Test
  void ratesAreShrunkTowardThePriorSoOneOddDayMovesLittle() {
    // A newcomer's first parcel fails: the raw rate is 100%, the shrunk one barely above 3%.
    CreditLedger l = new CreditLedger();
    l.record(failed(0), CARD.decay());
    Contribution match = CARD.score(l).of(CreditFactor.MATCH_RATE);
    double expectedRate =
        (1 + Scorecard.MATCH_PRIOR_WEIGHT * Scorecard.MATCH_PRIOR)
            / (1 + Scorecard.MATCH_PRIOR_WEIGHT);
    assertEquals(expectedRate, match.figure(), 1e-9);
    assertEquals(
        Scorecard.MATCH_WEIGHT
            * Math.max(-1, (Scorecard.MATCH_PRIOR - expectedRate) / Scorecard.MATCH_PRIOR),
        match.points(),
        1e-9);
    // With a long clean record, the same failure costs far less than the clean record earns.
    CreditLedger veteran = new CreditLedger();
    cleanDays(veteran, 60, 10, 500);
    veteran.record(failed(60), CARD.decay());
    assertTrue(
        CARD.score(veteran).of(CreditFactor.MATCH_RATE).points() > 0.8 * Scorecard.MATCH_WEIGHT);
  }

  @Test
  void aRateOfTwiceThePriorOrWorseLosesTheWholeWeight() {
    Contribution c = Scorecard.rate(CreditFactor.RETURN_RATE, 500, 1000, 0.01, 50, 4, "returned");
    assertEquals(-4, c.points(), 1e-9);
    Contribution clean = Scorecard.rate(CreditFactor.RETURN_RATE, 0, 1e9, 0.01, 50, 4, "returned");
    assertEquals(4, clean.points(), 1e-3);
  }

  @Test
  void alertsCountBySeverityWithDecayAndSaturate() {
    CreditLedger l = new CreditLedger();
    l.record(alert(0, "h", Severity.HIGH), CARD.decay());
    l.record(alert(90, "m", Severity.MEDIUM), CARD.decay());
    Contribution a = CARD.score(l).of(CreditFactor.ALERTS);
    double weighted = 6 * 0.5 + 3;
    assertEquals(weighted, a.figure(), 1e-9);
    assertEquals(-40 * (1 - Math.exp(-weighted / 10)), a.points(), 1e-9);
    for (int i = 0; i < 50; i++) l.record(alert(90, "c" + i, Severity.CRITICAL), CARD.decay());
    double many = CARD.score(l).of(CreditFactor.ALERTS).points();
    assertTrue(many >= -Scorecard.ALERT_WEIGHT && many < -39.9, "saturates at -40: " + many);
  }

  @Test
  void falsePositivesDoNotCountAndTruePositivesWeighMore() {
    CreditLedger l = new CreditLedger();
    l.record(alert(0, "a", Severity.HIGH), CARD.decay());
    l.record(alert(0, "b", Severity.HIGH), CARD.decay());
    l.record(CreditFact.review(CODE, day(0), "a", AlertMark.FALSE_POSITIVE), CARD.decay());
    l.record(CreditFact.review(CODE, day(0), "b", AlertMark.TRUE_POSITIVE), CARD.decay());
    assertEquals(6 * 1.5, CARD.score(l).of(CreditFactor.ALERTS).figure(), 1e-9);
  }

  @Test
  void aReviewArrivingBeforeItsAlertStillDecidesHowTheAlertWeighs() {
    CreditLedger l = new CreditLedger();
    l.record(CreditFact.review(CODE, day(1), "early", AlertMark.FALSE_POSITIVE), CARD.decay());
    l.record(alert(0, "early", Severity.CRITICAL), CARD.decay());
    assertEquals(0, CARD.score(l).of(CreditFactor.ALERTS).points(), 1e-12);
  }

  static CreditFact evaluation(double d, String id, int score, boolean complaint) {
    return CreditFact.evaluation(CODE, day(d), id, score, complaint);
  }

  @Test
  void evaluationsAreShrunkTowardTheirPriorsSoAFewMoveLittle() {
    // A newcomer's one evaluation: a complaint with the worst score.
    CreditLedger l = new CreditLedger();
    l.record(evaluation(0, "e1", 1, true), CARD.decay());
    Contribution c = CARD.score(l).of(CreditFactor.EVALUATIONS);
    double rate = (1 + 20 * 0.035) / 21;
    double mean = (1 + 20 * 4.3) / 21;
    assertEquals(rate, c.figure(), 1e-12);
    assertEquals(1, c.observations(), 1e-12);
    assertEquals(2 * Math.max(-1, (0.035 - rate) / 0.035) + 2 * (mean - 4.3), c.points(), 1e-9);
    // No evaluations: both at their priors, no points.
    assertEquals(0, CARD.score(new CreditLedger()).of(CreditFactor.EVALUATIONS).points(), 1e-12);
  }

  @Test
  void manyHappyConsumersEarnAndManyComplaintsLoseAtMostTheWeight() {
    CreditLedger happy = new CreditLedger();
    CreditLedger angry = new CreditLedger();
    for (int i = 0; i < 2000; i++) {
      happy.record(evaluation(i / 100.0, "h" + i, 5, false), CARD.decay());
      angry.record(evaluation(i / 100.0, "a" + i, 1, true), CARD.decay());
    }
    double good = CARD.score(happy).of(CreditFactor.EVALUATIONS).points();
    // No complaints: the complaint half (2) whole; mean near 5: 0.7 of the score half (2).
    assertTrue(good > 2 + 2 * 0.65 && good < 2 + 2 * 0.7, "happy: " + good);
    assertEquals(
        -Scorecard.EVALUATION_WEIGHT,
        CARD.score(angry).of(CreditFactor.EVALUATIONS).points(),
        1e-9);
  }

  @Test
  void evaluationsDecayLikeTheOtherCounts() {
    CreditLedger l = new CreditLedger();
    l.record(evaluation(0, "old", 1, true), CARD.decay());
    l.record(evaluation(90, "new", 5, false), CARD.decay());
    Contribution c = CARD.score(l).of(CreditFactor.EVALUATIONS);
    // The complaint is a half-life old: it weighs 0.5 of 1.5 evaluations.
    assertEquals(1.5, c.observations(), 1e-9);
    assertEquals((0.5 + 20 * 0.035) / 21.5, c.figure(), 1e-12);
  }

  @Test
  void turnoverEarnsPointsOnALogScale() {
    CreditLedger small = new CreditLedger();
    small.record(verified(0, 9_000), CARD.decay());
    CreditLedger large = new CreditLedger();
    large.record(verified(0, 9_999_000), CARD.decay());
    assertEquals(
        8 * Math.log10(10) / 4,
        CARD.score(small).of(CreditFactor.VERIFIED_TURNOVER).points(),
        1e-9);
    assertEquals(8, CARD.score(large).of(CreditFactor.VERIFIED_TURNOVER).points(), 1e-9);
  }

  @Test
  void aNegativeListEntryCostsItsWeightWhileListedAndFadesAfterRemoval() {
    CreditLedger l = new CreditLedger();
    l.record(CreditFact.negative(CODE, day(0), "NL-1", false, "ENTERPRISE 拒不配合"), CARD.decay());
    assertEquals(-40, CARD.score(l).of(CreditFactor.NEGATIVE_LIST).points(), 1e-9);
    l.record(CreditFact.negative(CODE, day(10), "NL-1", true, null), CARD.decay());
    l.record(matched(100), CARD.decay());
    assertEquals(-20, CARD.score(l).of(CreditFactor.NEGATIVE_LIST).points(), 1e-9);
    CreditLedger goods = new CreditLedger();
    goods.record(CreditFact.negative(CODE, day(0), "NL-2", false, "GOODS 食品安全"), CARD.decay());
    assertEquals(-20, CARD.score(goods).of(CreditFactor.NEGATIVE_LIST).points(), 1e-9);
  }
}
