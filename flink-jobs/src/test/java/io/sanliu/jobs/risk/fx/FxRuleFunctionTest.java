package io.sanliu.jobs.risk.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.MatchResult;
import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelDocuments;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.Documents;
import io.sanliu.jobs.risk.ReferenceState;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.jobs.risk.parcel.Parcels;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.FxReceipt;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.SampleEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FxRuleFunctionTest {
  static final Order ORDER = Parcels.exportOrder();
  static final Payment PAYMENT = Parcels.exportPayment(); // 1,244.50 USD (502)
  static final String KEY = ORDER.businessKey();
  static final Instant PAID = PAYMENT.eventTime();
  static final Instant DUE = PAID.plus(Duration.ofDays(15));

  KeyedBroadcastOperatorTestHarness<String, FxSignal, ReferenceUpdate, RiskAlert> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new FxRuleFunction(), FxSignal::orderKey, Types.STRING, ReferenceState.descriptors());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  static ParcelOutcome outcome(Order order, Payment payment) {
    return new ParcelOutcome(
        order.businessKey(),
        new MatchResult(
            order.ebpCode(), order.orderNo(), MatchStatus.COMPLETE, List.of(), List.of()),
        new ParcelDocuments(order, payment, null, null));
  }

  void paid() throws Exception {
    FxSignal s = FxSignal.ofOutcome(outcome(ORDER, PAYMENT)).orElseThrow();
    harness.processElement(s, s.at().toEpochMilli());
  }

  void received(String id, String amount, String currency, Instant at) throws Exception {
    FxReceipt r =
        new FxReceipt(
            id,
            "C4403PAY001",
            ORDER.ebpCode(),
            ORDER.orderNo(),
            ORDER.ebcCode(),
            currency,
            new BigDecimal(amount),
            "502",
            at);
    FxSignal s = FxSignal.ofReceipt(Documents.envelope(EventType.FX_RECEIPT, r));
    harness.processElement(s, at.toEpochMilli());
  }

  List<RiskAlert> alerts() {
    return harness.extractOutputValues();
  }

  @Test
  void proceedsReceivedInTimeRaiseNothing() throws Exception {
    paid();
    received("R1", "1244.50", "502", PAID.plus(Duration.ofDays(3)));
    harness.watermark(DUE.toEpochMilli() + 1);
    assertEquals(List.of(), alerts());
  }

  @Test
  void noProceedsWithinTheTimeIsAnAlertAtTheDeadline() throws Exception {
    paid();
    harness.watermark(DUE.toEpochMilli() - 1);
    assertEquals(List.of(), alerts(), "not yet due");
    harness.watermark(DUE.toEpochMilli());
    RiskAlert a = alerts().get(0);
    assertEquals("export-no-fx-receipt", a.ruleId());
    assertEquals(List.of(KEY), a.orderKeys());
    assertEquals(ORDER.ebcCode(), a.enterpriseCode());
    assertEquals(DUE, a.eventTime());
    assertEquals("1244.50", a.evidence().get("amountPaid"));
    assertEquals("0", a.evidence().get("received"));
    assertEquals("502", a.evidence().get("currency"));
    assertTrue(a.explanationEn().contains("no proceeds received within 15 d"), a.explanationEn());
  }

  @Test
  void receiptsBeforeThePaymentIsReportedCountAndASecondCopyCountsOnce() throws Exception {
    received("R1", "600.00", "502", PAID.plus(Duration.ofDays(1)));
    received("R1", "600.00", "502", PAID.plus(Duration.ofDays(1)));
    paid();
    received("R2", "500.00", "502", PAID.plus(Duration.ofDays(2)));
    received("R3", "9000.00", "142", PAID.plus(Duration.ofDays(2)));
    harness.watermark(DUE.toEpochMilli());
    RiskAlert a = alerts().get(0);
    assertEquals("1100.00", a.evidence().get("received"), "600 + 500, not the yuan, R1 once");
    assertEquals("3", a.evidence().get("receipts"));
    assertEquals("R3 9000.00 (142)", a.evidence().get("otherCurrencies"));
    assertTrue(a.explanationEn().contains("only 1100.00 received"), a.explanationEn());
  }

  @Test
  void bankFeesWithinTheToleranceAreNotAShortfall() throws Exception {
    paid();
    received("R1", "1232.06", "502", PAID.plus(Duration.ofDays(3))); // 99.0% of 1,244.50
    harness.watermark(DUE.toEpochMilli());
    assertEquals(List.of(), alerts());
  }

  @Test
  void aShorterWaitPublishedBeforeThePaymentSetsItsOwnDeadline() throws Exception {
    harness.processBroadcastElement(
        ReferenceUpdate.of(Documents.changedRule("export-no-fx-receipt", Map.of("within", "P3D"))),
        0);
    paid();
    harness.watermark(PAID.plus(Duration.ofDays(3)).toEpochMilli());
    assertEquals(1, alerts().size());
    assertEquals("PT72H", alerts().get(0).evidence().get("within"));
  }

  @Test
  void onlyPaidExportsAreWatched() {
    assertTrue(FxSignal.ofOutcome(outcome(SampleEvents.order(), SampleEvents.payment())).isEmpty());
    assertTrue(FxSignal.ofOutcome(outcome(ORDER, null)).isEmpty(), "no payment, no proceeds due");
    assertEquals(
        new BigDecimal("1244.50"), FxSignal.ofOutcome(outcome(ORDER, PAYMENT)).get().amount());
  }
}
