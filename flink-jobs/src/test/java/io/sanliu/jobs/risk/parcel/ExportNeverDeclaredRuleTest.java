package io.sanliu.jobs.risk.parcel;

import static io.sanliu.jobs.risk.parcel.Parcels.atDeadline;
import static io.sanliu.jobs.risk.parcel.Parcels.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportNeverDeclaredRuleTest {
  private final ExportNeverDeclaredRule rule = new ExportNeverDeclaredRule();
  private final RuleDefinition definition = Parcels.rule("export-not-shipped");

  List<Finding> evaluate(ParcelOutcome outcome) {
    return rule.evaluate(context(outcome), definition);
  }

  @Test
  void isTheParcelHalfOfExportNotShipped() {
    assertEquals(RuleType.EXPORT_NOT_SHIPPED, rule.type());
  }

  @Test
  void aPaidExportWithNeitherListNorWaybillAtTheDeadlineIsReportedAtThePaymentsTime() {
    List<Finding> found =
        evaluate(atDeadline(Parcels.exportOrder(), Parcels.exportPayment(), null, null));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(Parcels.ORDER_KEY, f.subject());
    assertEquals(List.of(Parcels.ORDER_KEY), f.orderKeys());
    assertEquals(List.of(), f.waybillKeys());
    assertEquals(SampleEvents.EBC_CODE, f.enterpriseCode());
    assertEquals("1244.50", f.evidence().get("amountPaid"));
    assertEquals("502", f.evidence().get("currency"));
    assertEquals("waybill,list", f.evidence().get("missing"));
    assertTrue(f.explanationZh().contains("1,244.50 502") && f.explanationZh().contains("清单和运单"));
    assertTrue(f.explanationEn().contains("1,244.50 502"), f.explanationEn());
    assertEquals(SampleEvents.PAY_TIME, f.eventTime());
  }

  @Test
  void aDeclaredExportIsTheShipmentStreamsToWatch() {
    assertEquals(
        List.of(),
        evaluate(
            atDeadline(
                Parcels.exportOrder(), Parcels.exportPayment(), null, Parcels.exportList())));
    assertEquals(
        List.of(),
        evaluate(
            atDeadline(
                Parcels.exportOrder(), Parcels.exportPayment(), Parcels.exportWaybill(), null)));
  }

  @Test
  void anUnpaidExportIsAMissingPaymentAndAnImportIsNotAnExport() {
    assertEquals(List.of(), evaluate(atDeadline(Parcels.exportOrder(), null, null, null)));
    assertEquals(List.of(), evaluate(atDeadline(Parcels.order(), Parcels.payment(), null, null)));
  }
}
