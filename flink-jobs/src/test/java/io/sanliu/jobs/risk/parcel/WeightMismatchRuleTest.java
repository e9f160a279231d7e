package io.sanliu.jobs.risk.parcel;

import static io.sanliu.jobs.risk.parcel.Parcels.context;
import static io.sanliu.jobs.risk.parcel.Parcels.matched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.risk.RuleDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightMismatchRuleTest {
  private final WeightMismatchRule rule = new WeightMismatchRule();
  private final RuleDefinition definition = Parcels.rule("weight-mismatch");

  List<Finding> evaluate(ParcelOutcome outcome) {
    return rule.evaluate(context(outcome), definition);
  }

  /** The sample list declares 2.350 kg gross. */
  static ParcelOutcome weighing(String kg) {
    return matched(Parcels.order(), Parcels.payment(), Parcels.weighing(kg), Parcels.list());
  }

  @Test
  void normalTrafficWithinOneAndAHalfPercentIsFine() {
    assertEquals(List.of(), evaluate(weighing("2.385")));
    assertEquals(List.of(), evaluate(weighing("2.315")));
  }

  @Test
  void exactlyTheMaximumDeviationIsAccepted() {
    assertEquals(List.of(), evaluate(weighing("2.820"))); // 1.2
    assertEquals(List.of(), evaluate(weighing("1.880"))); // 0.8
  }

  @Test
  void justBeyondTheMaximumIsReported() {
    assertEquals(1, evaluate(weighing("2.822")).size());
    assertEquals(1, evaluate(weighing("1.878")).size());
  }

  @Test
  void aWaybillFourTimesTheListIsExplainedWithBothWeightsAtTheWaybillsTime() {
    List<Finding> found = evaluate(weighing("9.400"));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(Parcels.WAYBILL_KEY, f.subject());
    assertEquals(List.of(Parcels.ORDER_KEY), f.orderKeys());
    assertEquals(List.of(Parcels.WAYBILL_KEY), f.waybillKeys());
    assertEquals(SampleEvents.EBC_CODE, f.enterpriseCode());
    assertEquals("9.400", f.evidence().get("waybillWeight"));
    assertEquals("2.350", f.evidence().get("grossWeight"));
    assertEquals("4.0000", f.evidence().get("ratio"));
    assertEquals("运单重量 9.400 kg，清单毛重 2.350 kg，相差 300.0%，超过允许的 20%", f.explanationZh());
    assertEquals(
        "waybill weight 9.400 kg vs list gross weight 2.350 kg: 300.0% off, more than 20%",
        f.explanationEn());
    assertEquals(Parcels.waybill().eventTime(), f.eventTime());
    assertEquals(100, f.score());
  }

  @Test
  void aWaybillOfATenthIsReported() {
    Finding f = evaluate(weighing("0.235")).get(0);
    assertEquals("0.1000", f.evidence().get("ratio"));
    assertTrue(f.explanationEn().contains("90.0% off"), f.explanationEn());
  }

  @Test
  void withoutTheListThereIsNothingToCompare() {
    assertEquals(
        List.of(),
        evaluate(matched(Parcels.order(), Parcels.payment(), Parcels.weighing("9.400"), null)));
  }
}
