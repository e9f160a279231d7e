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
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.risk.RuleDefinition;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaxBelowComputedRuleTest {
  private final TaxBelowComputedRule rule = new TaxBelowComputedRule();
  private final RuleDefinition definition = Parcels.rule("tax-below-computed");

  List<Finding> evaluate(ParcelOutcome outcome) {
    return rule.evaluate(context(outcome), definition);
  }

  static ParcelOutcome completeWith(Order order) {
    return matched(order, Parcels.payment(), Parcels.waybill(), Parcels.list());
  }

  @Test
  void taxExactlyComputedIsNormal() {
    assertEquals(List.of(), evaluate(Parcels.complete()));
  }

  @Test
  void aCentShortIsTolerated() {
    assertEquals(List.of(), evaluate(completeWith(Parcels.taxed(new BigDecimal("113.24")))));
  }

  @Test
  void twoCentsShortIsReported() {
    assertEquals(1, evaluate(completeWith(Parcels.taxed(new BigDecimal("113.23")))).size());
  }

  @Test
  void aTaxFarBelowIsExplainedWithBothAmountsAtTheOrdersTime() {
    List<Finding> found = evaluate(completeWith(Parcels.taxed(new BigDecimal("45.30"))));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(Parcels.ORDER_KEY, f.subject());
    assertEquals(List.of(Parcels.ORDER_KEY), f.orderKeys());
    assertEquals(List.of(Parcels.WAYBILL_KEY), f.waybillKeys());
    assertEquals(SampleEvents.EBC_CODE, f.enterpriseCode());
    assertEquals(Parcels.order().buyerId().hash(), f.entityKeys().get("buyer"));
    assertEquals("45.30", f.evidence().get("taxTotal"));
    assertEquals("113.25", f.evidence().get("computedTax"));
    assertEquals("1244.50", f.evidence().get("taxableValue"));
    assertEquals("list", f.evidence().get("insuredFeeFrom"));
    assertEquals(
        "申报税款 45.30 元，低于按完税价格 1,244.50 元 × 0.091 计算的 113.25 元（少 67.95 元）", f.explanationZh());
    assertEquals(
        "declared tax 45.30 CNY < computed 113.25 (0.091 x 1,244.50), short by 67.95",
        f.explanationEn());
    assertEquals(SampleEvents.APP_TIME, f.eventTime());
    assertTrue(f.score() > 50);
  }

  @Test
  void theListsInsuranceIsTaxable() {
    CustomsList insured =
        changed(Parcels.list(), l -> l.put("insuredFee", new BigDecimal("10.00")));
    // 9.1% of 1,254.50 = 114.16: the declared 113.25 left insurance out.
    Finding f =
        evaluate(matched(Parcels.order(), Parcels.payment(), Parcels.waybill(), insured)).get(0);
    assertEquals("114.16", f.evidence().get("computedTax"));
    assertEquals("10.00", f.evidence().get("insuredFee"));
  }

  @Test
  void withoutAListTheWaybillsInsuranceCounts() {
    Waybill insured = changed(Parcels.waybill(), w -> w.put("insuredFee", new BigDecimal("10.00")));
    Finding f = evaluate(matched(Parcels.order(), Parcels.payment(), insured, null)).get(0);
    assertEquals("waybill", f.evidence().get("insuredFeeFrom"));
    assertEquals("114.16", f.evidence().get("computedTax"));
  }

  @Test
  void anEarlyViewWithoutListOrWaybillIsNotJudged() {
    Order low = Parcels.taxed(new BigDecimal("45.30"));
    ParcelOutcome early = matched(low, Parcels.paidBy("110105198001011234", "1"), null, null);
    assertEquals(MatchStatus.MISMATCH, early.status(), "reported on the payment's arrival");
    assertEquals(List.of(), evaluate(early));
  }

  @Test
  void theLastWordWithoutListOrWaybillIsJudgedWithoutInsurance() {
    List<Finding> found =
        evaluate(atDeadline(Parcels.taxed(new BigDecimal("45.30")), Parcels.payment(), null, null));
    assertEquals(1, found.size());
    assertEquals("none", found.get(0).evidence().get("insuredFeeFrom"));
  }

  @Test
  void exportsPayNoImportTax() {
    Order export = changed(Parcels.exportOrder(), o -> o.put("taxTotal", BigDecimal.ZERO));
    assertEquals(
        List.of(),
        evaluate(atDeadline(export, Parcels.exportPayment(), null, Parcels.exportList())));
  }
}
