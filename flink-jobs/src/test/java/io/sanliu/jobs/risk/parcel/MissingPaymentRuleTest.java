package io.sanliu.jobs.risk.parcel;

import static io.sanliu.jobs.risk.parcel.Parcels.atDeadline;
import static io.sanliu.jobs.risk.parcel.Parcels.changed;
import static io.sanliu.jobs.risk.parcel.Parcels.context;
import static io.sanliu.jobs.risk.parcel.Parcels.matched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.risk.RuleDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingPaymentRuleTest {
  private final MissingPaymentRule rule = new MissingPaymentRule();
  private final RuleDefinition definition = Parcels.rule("missing-payment");

  List<Finding> evaluate(ParcelOutcome outcome) {
    return rule.evaluate(context(outcome), definition);
  }

  @Test
  void anOrderIncompleteAtThePaymentDeadlineWithoutPaymentIsReportedAtTheOrdersTime() {
    ParcelOutcome o = matched(Parcels.order(), null, null, null);
    assertEquals(MatchStatus.INCOMPLETE, o.status());
    List<Finding> found = evaluate(o);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(Parcels.ORDER_KEY, f.subject());
    assertEquals(List.of(Parcels.ORDER_KEY), f.orderKeys());
    assertEquals(List.of(), f.waybillKeys(), "no waybill known yet");
    assertEquals(SampleEvents.EBC_CODE, f.enterpriseCode());
    assertEquals(Parcels.order().buyerId().hash(), f.entityKeys().get("buyer"));
    assertEquals("1357.75", f.evidence().get("acturalPaid"));
    assertEquals("payment,waybill,list", f.evidence().get("missing"));
    assertTrue(f.explanationZh().contains("1,357.75") && f.explanationZh().contains("支付单"));
    assertTrue(f.explanationEn().contains("1,357.75") && f.explanationEn().contains("no payment"));
    assertEquals(SampleEvents.APP_TIME, f.eventTime());
  }

  @Test
  void atTheLastDeadlineTheWaybillKeyIsNamedToo() {
    Finding f = evaluate(matched(Parcels.order(), null, Parcels.waybill(), Parcels.list())).get(0);
    assertEquals(List.of(Parcels.WAYBILL_KEY), f.waybillKeys());
  }

  @Test
  void anIncompleteParcelWithItsPaymentIsNotMissingOne() {
    assertEquals(List.of(), evaluate(matched(Parcels.order(), Parcels.payment(), null, null)));
  }

  @Test
  void aMismatchReportedOnArrivalIsNoDeadline() {
    ParcelOutcome o =
        matched(
            Parcels.order(),
            null,
            null,
            changed(Parcels.list(), l -> l.withArray("items").remove(1)));
    assertEquals(MatchStatus.MISMATCH, o.status());
    assertEquals(List.of(), evaluate(o));
  }

  @Test
  void aPaymentWithoutItsOrderIsAnOrphanNotAMissingPayment() {
    assertEquals(List.of(), evaluate(atDeadline(null, Parcels.payment(), null, null)));
  }
}
