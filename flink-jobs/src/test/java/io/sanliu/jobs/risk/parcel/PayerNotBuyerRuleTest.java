package io.sanliu.jobs.risk.parcel;

import static io.sanliu.jobs.risk.parcel.Parcels.changed;
import static io.sanliu.jobs.risk.parcel.Parcels.context;
import static io.sanliu.jobs.risk.parcel.Parcels.matched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.risk.RuleDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayerNotBuyerRuleTest {
  static final String OTHER_RESIDENT = "110105198001011234";

  private final PayerNotBuyerRule rule = new PayerNotBuyerRule();
  private final RuleDefinition definition = Parcels.rule("payer-not-buyer");

  List<Finding> evaluate(ParcelOutcome outcome) {
    return rule.evaluate(context(outcome), definition);
  }

  static Payment otherPayer() {
    return Parcels.paidBy(OTHER_RESIDENT, "1");
  }

  @Test
  void aRetailImportPaidByAnotherResidentIsReportedAtThePaymentsTime() {
    List<Finding> found = evaluate(matched(Parcels.order(), otherPayer(), null, null));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    String payer = SampleEvents.HASHER.idNumber(OTHER_RESIDENT).masked();
    String buyer = Parcels.order().buyerId().masked();
    assertEquals(Parcels.ORDER_KEY, f.subject());
    assertEquals(List.of(Parcels.ORDER_KEY), f.orderKeys());
    assertEquals(Parcels.order().buyerId().hash(), f.entityKeys().get("buyer"));
    assertEquals(otherPayer().payerId().hash(), f.entityKeys().get("payer"));
    assertEquals(payer, f.evidence().get("payerId"));
    assertEquals(buyer, f.evidence().get("buyerId"));
    assertFalse(f.evidence().containsValue(otherPayer().payerId().hash()), "masked values only");
    assertTrue(f.explanationZh().contains(payer) && f.explanationZh().contains("1,357.75"));
    assertTrue(f.explanationEn().contains(buyer) && f.explanationEn().contains("1,357.75"));
    assertEquals(SampleEvents.PAY_TIME, f.eventTime());
  }

  @Test
  void theBuyerPayingIsFine() {
    assertEquals(List.of(), evaluate(Parcels.complete()));
  }

  @Test
  void anExportPaidBySomeoneElseIsNotThisRules() {
    assertEquals(
        List.of(), evaluate(matched(Parcels.exportOrder(), Parcels.exportPayment(), null, null)));
  }

  @Test
  void withoutThePaymentThereIsNothingToCompare() {
    assertEquals(List.of(), evaluate(matched(Parcels.order(), null, null, Parcels.list())));
  }

  @Test
  void anOrderWithoutTradeModeIsJudgedByItsListsMode() {
    Order noMode = changed(Parcels.order(), o -> o.remove("tradeMode"));
    assertEquals(1, evaluate(matched(noMode, otherPayer(), null, Parcels.list())).size());
    assertEquals(
        List.of(), evaluate(matched(noMode, otherPayer(), null, null)), "no mode, no judgement");
  }
}
