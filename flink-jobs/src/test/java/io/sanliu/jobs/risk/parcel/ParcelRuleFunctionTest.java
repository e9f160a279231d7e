package io.sanliu.jobs.risk.parcel;

import static io.sanliu.jobs.risk.parcel.Parcels.atDeadline;
import static io.sanliu.jobs.risk.parcel.Parcels.matched;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.MatchResult;
import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelDocuments;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.ReferenceState;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.jobs.risk.RiskAlerts;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleScope;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParcelRuleFunctionTest {
  static final Instant CHANGED_AT = Instant.parse("2026-11-23T00:00:00Z");

  KeyedBroadcastOperatorTestHarness<String, ParcelOutcome, ReferenceUpdate, RiskAlert> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ParcelRuleFunction(),
            ParcelOutcome::parcelKey,
            Types.STRING,
            ReferenceState.descriptors());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  List<RiskAlert> send(ParcelOutcome outcome) throws Exception {
    int before = harness.extractOutputValues().size();
    harness.processElement(outcome, 0L);
    List<RiskAlert> all = harness.extractOutputValues();
    return all.subList(before, all.size());
  }

  void publish(RuleDefinition d) throws Exception {
    harness.processBroadcastElement(ReferenceUpdate.of(d), 0L);
  }

  /** Waybill at 1.5 times the list's gross weight: over the default 20%, under 60%. */
  static ParcelOutcome heavier() {
    return matched(Parcels.order(), Parcels.payment(), Parcels.weighing("3.525"), Parcels.list());
  }

  @Test
  void aNormalParcelRaisesNothing() throws Exception {
    assertEquals(List.of(), send(Parcels.complete()));
  }

  @Test
  void withoutAnyBroadcastTheShippedDefaultsApply() throws Exception {
    List<RiskAlert> alerts = send(heavier());
    assertEquals(1, alerts.size());
    RiskAlert a = alerts.get(0);
    assertEquals("weight-mismatch", a.ruleId());
    assertEquals(1, a.ruleVersion());
    assertEquals(RuleType.WEIGHT_MISMATCH, a.ruleType());
    assertFalse(a.shadow());
    assertEquals(RiskAlerts.alertId("weight-mismatch", Parcels.WAYBILL_KEY), a.alertId());
    assertEquals(List.of(Parcels.ORDER_KEY), a.orderKeys());
    assertEquals(List.of(Parcels.WAYBILL_KEY), a.waybillKeys());
    assertEquals(Parcels.waybill().eventTime(), a.eventTime());
  }

  @Test
  void eachRuleOfTheFamilyRunsOverTheOutcome() throws Exception {
    ParcelOutcome everything =
        matched(
            Parcels.taxed(new BigDecimal("20.00")),
            Parcels.paidBy("110105198001011234", "1"),
            Parcels.weighing("9.400"),
            Parcels.list());
    List<String> rules = send(everything).stream().map(RiskAlert::ruleId).sorted().toList();
    assertEquals(List.of("payer-not-buyer", "tax-below-computed", "weight-mismatch"), rules);
  }

  @Test
  void theSameFindingReportedAgainKeepsItsAlertId() throws Exception {
    ParcelOutcome onPayment =
        matched(Parcels.order(), Parcels.paidBy("110105198001011234", "1"), null, null);
    ParcelOutcome onList =
        matched(Parcels.order(), Parcels.paidBy("110105198001011234", "1"), null, Parcels.list());
    RiskAlert first = send(onPayment).get(0);
    RiskAlert again = send(onList).get(0);
    assertEquals("payer-not-buyer", first.ruleId());
    assertEquals(first.alertId(), again.alertId());
    assertEquals(List.of(), first.waybillKeys());
    assertEquals(List.of(Parcels.WAYBILL_KEY), again.waybillKeys(), "more known the second time");
  }

  @Test
  void aParameterChangedWithAHigherVersionTakesEffectAndAStaleCopyCannotUndoIt() throws Exception {
    RuleDefinition shipped = Parcels.rule("weight-mismatch");
    RuleDefinition lenient = shipped.withParams(Map.of("maxDeviation", "0.6"), "test", CHANGED_AT);
    publish(lenient);
    assertEquals(List.of(), send(heavier()), "1.5 times is within 60%");
    assertEquals(
        1,
        send(matched(Parcels.order(), Parcels.payment(), Parcels.weighing("4.000"), Parcels.list()))
            .size(),
        "1.7 times is not");

    publish(shipped); // version 1 again: older than what is in force
    assertEquals(List.of(), send(heavier()));
  }

  @Test
  void theVersionInForceIsRecordedOnTheAlert() throws Exception {
    RuleDefinition shipped = Parcels.rule("weight-mismatch");
    publish(shipped.withParams(Map.of("maxDeviation", "0.3"), "test", CHANGED_AT));
    assertEquals(2, send(heavier()).get(0).ruleVersion());
  }

  @Test
  void aDisabledRuleStopsFiring() throws Exception {
    RuleDefinition d = Parcels.rule("weight-mismatch");
    assertEquals(1, send(heavier()).size());
    publish(
        new RuleDefinition(
            d.ruleId(),
            d.type(),
            d.version() + 1,
            false,
            d.mode(),
            d.severity(),
            d.scope(),
            d.params(),
            "off",
            "test",
            CHANGED_AT));
    assertEquals(List.of(), send(heavier()));
  }

  @Test
  void aShadowRuleRaisesShadowAlertsUnderItsOwnIdAndVersion() throws Exception {
    RuleDefinition strict =
        Parcels.rule("weight-mismatch")
            .asShadow("weight-mismatch-strict", Map.of("maxDeviation", "0.05"), "test", CHANGED_AT);
    publish(strict);
    // 1.1 times: the live rule (20%) lets it pass, the shadow one (5%) does not.
    List<RiskAlert> alerts =
        send(
            matched(Parcels.order(), Parcels.payment(), Parcels.weighing("2.585"), Parcels.list()));
    assertEquals(1, alerts.size());
    RiskAlert a = alerts.get(0);
    assertTrue(a.shadow());
    assertEquals("weight-mismatch-strict", a.ruleId());
    assertEquals(1, a.ruleVersion());
    assertEquals(RiskAlerts.alertId("weight-mismatch-strict", Parcels.WAYBILL_KEY), a.alertId());

    List<RiskAlert> both = send(heavier());
    assertEquals(2, both.size());
    assertEquals(1, both.stream().filter(RiskAlert::shadow).count());
  }

  @Test
  void theScopeSeesTheOrdersTradeModeElseTheLists() throws Exception {
    RuleDefinition d = Parcels.rule("weight-mismatch");
    publish(
        new RuleDefinition(
            d.ruleId(),
            d.type(),
            d.version() + 1,
            true,
            d.mode(),
            d.severity(),
            new RuleScope(List.of(TradeMode.BONDED_1210), List.of()),
            d.params(),
            "bonded only",
            "test",
            CHANGED_AT));
    assertEquals(List.of(), send(heavier()), "the sample is 9610");
    ParcelOutcome bondedList =
        matched(
            null,
            null,
            Parcels.weighing("9.400"),
            Parcels.changed(Parcels.list(), l -> l.put("tradeMode", "1210")));
    assertEquals(1, send(bondedList).size());
  }

  @Test
  void anUnlinkedWaybillIsAnOrphanUnderItsWaybillKey() throws Exception {
    Waybill w = Parcels.waybill();
    ParcelOutcome unlinked =
        new ParcelOutcome(
            w.businessKey(),
            new MatchResult(
                null, null, MatchStatus.INCOMPLETE, List.of("order", "payment", "list"), List.of()),
            new ParcelDocuments(null, null, w, null));
    List<RiskAlert> alerts = send(unlinked);
    assertEquals(1, alerts.size());
    assertEquals("orphan-document", alerts.get(0).ruleId());
    assertEquals(List.of(Parcels.WAYBILL_KEY), alerts.get(0).waybillKeys());
  }

  @Test
  void aParcelAtItsDeadlineWithoutPaymentIsAMissingPaymentOnly() throws Exception {
    List<RiskAlert> alerts = send(atDeadline(Parcels.order(), null, null, null));
    assertEquals(List.of("missing-payment"), alerts.stream().map(RiskAlert::ruleId).toList());
    assertEquals("支付单缺失", alerts.get(0).ruleNameZh());
  }

  @Test
  void aPaidExportNeverDeclaredIsReportedAtTheDeadline() throws Exception {
    List<RiskAlert> alerts =
        send(atDeadline(Parcels.exportOrder(), Parcels.exportPayment(), null, null));
    assertEquals(List.of("export-not-shipped"), alerts.stream().map(RiskAlert::ruleId).toList());
  }
}
