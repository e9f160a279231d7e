package io.sanliu.jobs.risk.parcel;

import static io.sanliu.jobs.risk.parcel.Parcels.changed;
import static io.sanliu.jobs.risk.parcel.Parcels.context;
import static io.sanliu.jobs.risk.parcel.Parcels.matched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.matching.FieldCheck;
import io.sanliu.jobs.matching.MatchResult;
import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelDocuments;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.risk.RuleDefinition;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentMismatchRuleTest {
  private final DocumentMismatchRule rule = new DocumentMismatchRule();
  private final RuleDefinition definition = Parcels.rule("document-mismatch");

  List<Finding> evaluate(ParcelOutcome outcome) {
    return rule.evaluate(context(outcome), definition);
  }

  static Payment paying(String amount) {
    return changed(Parcels.payment(), p -> p.put("amountPaid", new BigDecimal(amount)));
  }

  @Test
  void aNormalParcelIsNoMismatch() {
    assertEquals(MatchStatus.COMPLETE, Parcels.complete().status());
    assertEquals(List.of(), evaluate(Parcels.complete()));
  }

  @Test
  void anAmountPaidTwoCentsOffIsAMismatchNamingBothAmountsAtThePaymentsTime() {
    List<Finding> found =
        evaluate(matched(Parcels.order(), paying("1357.77"), Parcels.waybill(), Parcels.list()));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(Parcels.ORDER_KEY, f.subject());
    assertEquals(List.of(Parcels.ORDER_KEY), f.orderKeys());
    assertEquals(List.of(Parcels.WAYBILL_KEY), f.waybillKeys());
    assertEquals(SampleEvents.EBC_CODE, f.enterpriseCode());
    assertEquals(Parcels.order().buyerId().hash(), f.entityKeys().get("buyer"));
    assertEquals("1357.77 ≠ 1357.75", f.evidence().get("payment/order amountPaid=acturalPaid"));
    assertTrue(f.explanationZh().contains("1357.77") && f.explanationZh().contains("1357.75"));
    assertTrue(f.explanationZh().contains("支付单/订单"), f.explanationZh());
    assertTrue(f.explanationEn().contains("1357.77 vs 1357.75"), f.explanationEn());
    assertEquals(SampleEvents.PAY_TIME, f.eventTime());
  }

  @Test
  void anAmountPaidACentOffIsWithinTolerance() {
    assertEquals(
        List.of(),
        evaluate(matched(Parcels.order(), paying("1357.76"), Parcels.waybill(), Parcels.list())));
  }

  @Test
  void aListLineWithAnotherQuantityIsAMismatchAtTheListsTime() {
    CustomsList more =
        changed(
            Parcels.list(),
            l -> {
              var first = (ObjectNode) l.withArray("items").get(0);
              first.put("qty", new BigDecimal("3"));
            });
    List<Finding> found =
        evaluate(matched(Parcels.order(), Parcels.payment(), Parcels.waybill(), more));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals("3 ≠ 2", f.evidence().get("list/order items[SKU-0001].qty"));
    assertTrue(f.explanationZh().contains("清单/订单 items[SKU-0001].qty 3 ≠ 2"), f.explanationZh());
    assertEquals(SampleEvents.DECL_TIME, f.eventTime());
  }

  @Test
  void aLineMissingFromTheListIsAMismatch() {
    CustomsList fewer = changed(Parcels.list(), l -> l.withArray("items").remove(1));
    List<Finding> found = evaluate(matched(Parcels.order(), null, null, fewer));
    assertEquals(1, found.size());
    assertEquals(
        "not declared ≠ ordered", found.get(0).evidence().get("list/order items[SKU-0002]"));
  }

  @Test
  void aConsigneeDifferingOnTheWaybillIsShownMaskedOnly() {
    Waybill other =
        changed(
            Parcels.waybill(),
            w ->
                w.set(
                    "consignee",
                    JsonNodeFactory.instance.pojoNode(SampleEvents.HASHER.name("李四"))));
    Finding f = evaluate(matched(Parcels.order(), null, other, null)).get(0);
    String shown = f.evidence().get("waybill/order consignee");
    assertEquals(
        SampleEvents.HASHER.name("李四").masked() + " ≠ " + Parcels.order().consignee().masked(),
        shown);
    assertFalse(shown.contains(Parcels.order().consignee().hash()), "no hash in the evidence");
  }

  @Test
  void aPayerWhoIsNotTheBuyerIsLeftToItsOwnRule() {
    ParcelOutcome o =
        matched(Parcels.order(), Parcels.paidBy("110105198001011234", "1"), null, null);
    assertEquals(MatchStatus.MISMATCH, o.status(), "the matcher does flag it");
    assertEquals(List.of(), evaluate(o));
  }

  @Test
  void aNormalExportWhoseOrderNamesNoBuyerIsNoMismatch() {
    ParcelOutcome o =
        matched(
            Parcels.exportOrder(),
            Parcels.exportPayment(),
            Parcels.exportWaybill(),
            Parcels.exportList());
    assertEquals(
        MatchStatus.COMPLETE, o.status(), "no buyer on the order: nothing to disagree with");
    assertEquals(List.of(), evaluate(o));
  }

  @Test
  void anExportPaidDomesticallyIsLeftToItsOwnRule() {
    ParcelOutcome o =
        matched(
            Parcels.exportOrder(),
            changed(
                Parcels.paidBy("110105198001011234", "1"),
                p -> {
                  p.put("amountPaid", new BigDecimal("1244.50"));
                  p.put("currency", "502");
                }),
            null,
            null);
    assertEquals(List.of(), evaluate(o));
  }

  @Test
  void taxAndWeightAnomaliesAreNoMismatch() {
    ParcelOutcome taxed =
        matched(
            Parcels.taxed(new BigDecimal("20.00")),
            Parcels.payment(),
            Parcels.waybill(),
            Parcels.list());
    ParcelOutcome weighed =
        matched(Parcels.order(), Parcels.payment(), Parcels.weighing("9.400"), Parcels.list());
    assertEquals(List.of(), evaluate(taxed));
    assertEquals(List.of(), evaluate(weighed));
  }

  @Test
  void aWeightCheckIsNeverThisRulesEvenIfTheMatcherMakesOne() {
    ParcelDocuments docs =
        new ParcelDocuments(Parcels.order(), Parcels.payment(), Parcels.waybill(), Parcels.list());
    MatchResult weight =
        new MatchResult(
            SampleEvents.EBP_CODE,
            SampleEvents.ORDER_NO,
            MatchStatus.MISMATCH,
            List.of(),
            List.of(new FieldCheck("grossWeight", "waybill/list", "9.400", "2.350", false)));
    assertEquals(List.of(), evaluate(new ParcelOutcome(Parcels.ORDER_KEY, weight, docs)));
  }
}
