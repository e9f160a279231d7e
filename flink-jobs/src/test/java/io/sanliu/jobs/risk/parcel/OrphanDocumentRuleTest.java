package io.sanliu.jobs.risk.parcel;

import static io.sanliu.jobs.risk.parcel.Parcels.atDeadline;
import static io.sanliu.jobs.risk.parcel.Parcels.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.MatchResult;
import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelDocuments;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.risk.RuleDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrphanDocumentRuleTest {
  private final OrphanDocumentRule rule = new OrphanDocumentRule();
  private final RuleDefinition definition = Parcels.rule("orphan-document");

  List<Finding> evaluate(ParcelOutcome outcome) {
    return rule.evaluate(context(outcome), definition);
  }

  /** What {@code WaybillLinker.UNLINKED} reports for a waybill no list named in time. */
  static ParcelOutcome unlinked(Waybill w) {
    return new ParcelOutcome(
        w.businessKey(),
        new MatchResult(
            w.ebpCode(),
            w.orderNo(),
            MatchStatus.INCOMPLETE,
            List.of("order", "payment", "list"),
            List.of()),
        new ParcelDocuments(null, null, w, null));
  }

  @Test
  void aPaymentWhoseOrderNeverCameIsReportedUnderItsOrderKey() {
    List<Finding> found = evaluate(atDeadline(null, Parcels.payment(), null, null));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(Parcels.ORDER_KEY, f.subject());
    assertEquals(List.of(Parcels.ORDER_KEY), f.orderKeys());
    assertEquals(List.of(), f.waybillKeys());
    assertEquals(SampleEvents.PAY_CODE, f.enterpriseCode(), "the sender");
    assertEquals(List.of(Parcels.payment().guid()), f.messageGuids());
    assertEquals("1357.75", f.evidence().get("amountPaid"));
    assertEquals(SampleEvents.PAY_TRANSACTION_ID, f.evidence().get("payTransactionId"));
    assertTrue(f.explanationZh().contains("1,357.75") && f.explanationZh().contains("未申报"));
    assertTrue(f.explanationEn().contains("1,357.75") && f.explanationEn().contains("never"));
    assertEquals(SampleEvents.PAY_TIME, f.eventTime());
  }

  @Test
  void aWaybillNoListNamedIsReportedUnderItsWaybillKey() {
    List<Finding> found = evaluate(unlinked(Parcels.waybill()));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(Parcels.WAYBILL_KEY, f.subject());
    assertEquals(List.of(), f.orderKeys());
    assertEquals(List.of(Parcels.WAYBILL_KEY), f.waybillKeys());
    assertEquals(SampleEvents.LOGISTICS_CODE, f.enterpriseCode());
    assertEquals("2.350", f.evidence().get("weight"));
    assertTrue(f.explanationZh().contains(SampleEvents.LOGISTICS_NO));
    assertTrue(f.explanationEn().contains(SampleEvents.LOGISTICS_NO));
    assertEquals(Parcels.waybill().eventTime(), f.eventTime());
  }

  @Test
  void documentsWithTheirOrderOrListAreNoOrphans() {
    assertEquals(List.of(), evaluate(atDeadline(Parcels.order(), Parcels.payment(), null, null)));
    assertEquals(List.of(), evaluate(atDeadline(null, null, Parcels.waybill(), Parcels.list())));
  }
}
