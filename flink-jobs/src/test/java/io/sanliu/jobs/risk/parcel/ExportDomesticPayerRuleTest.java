package io.sanliu.jobs.risk.parcel;

import static io.sanliu.jobs.risk.parcel.Parcels.changed;
import static io.sanliu.jobs.risk.parcel.Parcels.context;
import static io.sanliu.jobs.risk.parcel.Parcels.matched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.risk.RuleDefinition;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportDomesticPayerRuleTest {
  static final String RESIDENT = "110105198001011234";

  private final ExportDomesticPayerRule rule = new ExportDomesticPayerRule();
  private final RuleDefinition definition = Parcels.rule("export-domestic-payer");

  List<Finding> evaluate(ParcelOutcome outcome, RuleDefinition d) {
    return rule.evaluate(context(outcome), d);
  }

  static Payment residentPays() {
    return changed(
        Parcels.paidBy(RESIDENT, "1"),
        p -> {
          p.put("amountPaid", new BigDecimal("1244.50"));
          p.put("currency", "502");
        });
  }

  @Test
  void anExportPaidWithAResidentIdCardIsReportedAtThePaymentsTime() {
    List<Finding> found =
        evaluate(
            matched(Parcels.exportOrder(), residentPays(), null, Parcels.exportList()), definition);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    String masked = SampleEvents.HASHER.idNumber(RESIDENT).masked();
    assertEquals(Parcels.ORDER_KEY, f.subject());
    assertEquals(List.of(Parcels.ORDER_KEY), f.orderKeys());
    assertEquals(List.of(Parcels.WAYBILL_KEY), f.waybillKeys());
    assertEquals(SampleEvents.EBC_CODE, f.enterpriseCode());
    assertEquals("1", f.evidence().get("payerIdType"));
    assertEquals(masked, f.evidence().get("payerId"));
    assertEquals("502", f.evidence().get("destination"));
    assertFalse(f.evidence().containsValue(residentPays().payerId().hash()));
    assertTrue(f.explanationZh().contains("1,244.50") && f.explanationZh().contains("证件类型 1"));
    assertTrue(
        f.explanationEn().contains("1,244.50") && f.explanationEn().contains("payerIdType 1"));
    assertEquals(SampleEvents.PAY_TIME, f.eventTime());
  }

  @Test
  void aForeignPayerIsNormal() {
    assertEquals(
        List.of(),
        evaluate(matched(Parcels.exportOrder(), Parcels.exportPayment(), null, null), definition));
  }

  @Test
  void anImportPaidWithAResidentIdCardIsNormal() {
    assertEquals(List.of(), evaluate(Parcels.complete(), definition));
  }
}
