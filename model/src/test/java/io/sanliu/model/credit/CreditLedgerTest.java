package io.sanliu.model.credit;

import static io.sanliu.model.credit.CreditFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.Severity;
import org.junit.jupiter.api.Test;

class CreditLedgerTest {
  final Decay decay = CARD.decay();

  @Test
  void countsDecayToTheNewestEventTime() {
    CreditLedger l = new CreditLedger();
    l.record(failed(0), decay);
    l.record(matched(90), decay);
    // The failure is one half-life old when the match arrives.
    assertEquals(0.5, l.failed(), 1e-9);
    assertEquals(1.0, l.matched(), 1e-9);
    assertEquals(day(90), l.asOf());
  }

  @Test
  void aLateFactIsAddedWithTheWeightOfItsAge() {
    CreditLedger l = new CreditLedger();
    l.record(matched(180), decay);
    l.record(failed(0), decay);
    assertEquals(0.25, l.failed(), 1e-9);
    assertEquals(day(180), l.asOf(), "a late fact does not move the clock back");
  }

  @Test
  void verifiedTurnoverIsExactPer30And90And365Days() {
    CreditLedger l = new CreditLedger();
    l.record(verified(0, 1000), decay);
    l.record(verified(300, 200), decay);
    l.record(verified(340, 30), decay);
    l.record(verified(365, 4), decay);
    // Windows end with the newest fact's day (day 365): 30 days = days 336..365.
    assertEquals(34, l.verifiedTurnover(30), 1e-9);
    assertEquals(234, l.verifiedTurnover(90), 1e-9);
    assertEquals(234, l.verifiedTurnover(365), 1e-9, "day 0 is 366 days back");
    l.record(verified(900, 1), decay);
    assertEquals(1, l.verifiedTurnover(365), 1e-9, "older days are forgotten");
  }

  @Test
  void anAlertRaisedAgainIsOneAlertAndKeepsItsReview() {
    CreditLedger l = new CreditLedger();
    l.record(alert(1, "a1", Severity.HIGH), decay);
    l.record(CreditFact.review(CODE, day(2), "a1", AlertMark.FALSE_POSITIVE), decay);
    l.record(alert(3, "a1", Severity.HIGH), decay);
    assertEquals(1, l.alerts().size());
    assertTrue(l.alerts().get("a1").falsePositive());
    assertEquals(day(1).toEpochMilli(), l.alerts().get("a1").timeMillis());
  }

  @Test
  void negativeListEntriesAreKeptAfterTheirRemoval() {
    CreditLedger l = new CreditLedger();
    l.record(CreditFact.negative(CODE, day(0), "NL-1", false, "ENTERPRISE 拒不配合"), decay);
    assertTrue(l.negative().get("NL-1").listed());
    l.record(CreditFact.negative(CODE, day(10), "NL-1", true, null), decay);
    assertFalse(l.negative().get("NL-1").listed());
    assertEquals(day(10).toEpochMilli(), l.negative().get("NL-1").removedAtMillis());
  }
}
