package io.sanliu.jobs.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.matching.MatchResult;
import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelDocuments;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.parcel.ParcelContext;
import io.sanliu.jobs.risk.parcel.TaxBelowComputedRule;
import io.sanliu.model.Json;
import io.sanliu.model.credit.VerifiedTrade;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What decides a ledger entry: first match result COMPLETE, a release (800), once per parcel. */
class VerifiedTradeLedgerTest {
  static final Order ORDER = SampleEvents.order();
  static final String KEY = ORDER.businessKey();
  static final Instant T = Instant.parse("2041-04-01T00:00:00Z");
  static final Duration RETENTION = Duration.ofDays(14);

  KeyedTwoInputStreamOperatorTestHarness<
          String, ParcelOutcome, Envelope<CustomsReceipt>, VerifiedTrade>
      harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
            new VerifiedTradeLedger(RETENTION),
            ParcelOutcome::parcelKey,
            Envelope::key,
            Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  static ParcelOutcome outcome(MatchStatus status) {
    return new ParcelOutcome(
        KEY,
        new MatchResult(ORDER.ebpCode(), ORDER.orderNo(), status, List.of(), List.of()),
        new ParcelDocuments(
            ORDER, SampleEvents.payment(), SampleEvents.waybill(), SampleEvents.customsList()));
  }

  static Envelope<CustomsReceipt> receipt(String status, Instant at) {
    ObjectNode tree = Json.mapper().valueToTree(SampleEvents.customsReceipt());
    tree.put("returnStatus", status).put("returnTime", at.toString());
    CustomsReceipt r = Json.mapper().convertValue(tree, CustomsReceipt.class);
    return Envelope.of(EventType.CUSTOMS_RECEIPT, "CUSTOMS", "R-" + status + at, at, r);
  }

  void match(MatchStatus status, Instant at) throws Exception {
    harness.processElement1(outcome(status), at.toEpochMilli());
  }

  void status(String status, Instant at) throws Exception {
    harness.processElement2(receipt(status, at), at.toEpochMilli());
  }

  List<VerifiedTrade> entries() {
    return harness.extractOutputValues();
  }

  @Test
  void aMatchedParcelIsWrittenWhenCustomsReleasesIt() throws Exception {
    match(MatchStatus.COMPLETE, T);
    assertTrue(entries().isEmpty(), "matched but not released");
    Instant released = T.plus(Duration.ofHours(3));
    status(CustomsReceipt.RELEASED, released);

    assertEquals(1, entries().size());
    VerifiedTrade t = entries().get(0);
    assertEquals(KEY, t.orderKey());
    assertEquals(ORDER.ebcCode(), t.ebcCode());
    assertEquals(released, t.releasedAt());
    assertEquals(ORDER.acturalPaid().movePointRight(2).longValueExact(), t.turnoverCents());
    assertEquals(ORDER.taxTotal().movePointRight(2).longValueExact(), t.taxTotalCents());
  }

  @Test
  void aReleaseBeforeTheMatchWaitsForIt() throws Exception {
    Instant released = T.plus(Duration.ofHours(1));
    status(CustomsReceipt.RELEASED, released);
    assertTrue(entries().isEmpty(), "released but not matched yet");
    match(MatchStatus.COMPLETE, T.plus(Duration.ofHours(2)));

    assertEquals(1, entries().size());
    assertEquals(released, entries().get(0).releasedAt());
  }

  @Test
  void aParcelWhoseFirstResultFailedIsNotVerifiedEvenWhenMendedLater() throws Exception {
    match(MatchStatus.MISMATCH, T);
    match(MatchStatus.COMPLETE, T.plusSeconds(60));
    status(CustomsReceipt.RELEASED, T.plus(Duration.ofHours(3)));
    assertTrue(entries().isEmpty(), "the credit job counts the first result: so does the ledger");
  }

  @Test
  void otherCustomsStatusesAreNotARelease() throws Exception {
    match(MatchStatus.COMPLETE, T);
    status(CustomsReceipt.INSPECTION, T.plusSeconds(60));
    status(CustomsReceipt.RETURNED, T.plusSeconds(120));
    assertTrue(entries().isEmpty());
  }

  @Test
  void aParcelIsWrittenOnceWhateverArrivesAgain() throws Exception {
    match(MatchStatus.COMPLETE, T);
    status(CustomsReceipt.RELEASED, T.plus(Duration.ofHours(3)));
    status(CustomsReceipt.RELEASED, T.plus(Duration.ofHours(4)));
    match(MatchStatus.COMPLETE, T.plus(Duration.ofHours(5)));
    assertEquals(1, entries().size());
  }

  @Test
  void theLedgersComprehensiveTaxIsTheTaxBelowComputedRulesTax() {
    // A list with insurance and an order declaring too little, so that the rule speaks.
    ObjectNode list = Json.mapper().valueToTree(SampleEvents.customsList());
    list.put("insuredFee", "3.35");
    ObjectNode order = Json.mapper().valueToTree(ORDER);
    order.put("taxTotal", "1.00").put("goodsValue", "987.65").put("freight", "12.34");
    ParcelOutcome outcome =
        new ParcelOutcome(
            KEY,
            new MatchResult(
                ORDER.ebpCode(), ORDER.orderNo(), MatchStatus.COMPLETE, List.of(), List.of()),
            new ParcelDocuments(
                Json.mapper().convertValue(order, Order.class),
                SampleEvents.payment(),
                SampleEvents.waybill(),
                Json.mapper().convertValue(list, CustomsList.class)));
    RuleDefinition rule =
        DefaultRules.all().stream()
            .filter(r -> r.type() == RuleType.TAX_BELOW_COMPUTED)
            .findFirst()
            .orElseThrow();
    Finding finding = new TaxBelowComputedRule().evaluate(new ParcelContext(outcome), rule).get(0);
    ParcelDocuments d = outcome.documents();
    VerifiedTrade t =
        VerifiedTrade.of(d.order(), d.payment(), d.list(), d.waybill(), T).orElseThrow();
    assertEquals(cents(finding.evidence().get("computedTax")), t.taxComputedCents());
    assertEquals(cents(finding.evidence().get("taxableValue")), t.taxableValueCents());
    assertEquals(cents(finding.evidence().get("taxTotal")), t.taxTotalCents());
  }

  static long cents(String yuan) {
    return new BigDecimal(yuan).movePointRight(2).longValueExact();
  }

  @Test
  void theParcelIsForgottenAfterTheRetention() throws Exception {
    match(MatchStatus.COMPLETE, T);
    status(CustomsReceipt.RELEASED, T.plus(Duration.ofHours(3)));
    assertEquals(1, harness.numKeyedStateEntries());
    harness.processBothWatermarks(
        new Watermark(T.plus(Duration.ofHours(3)).plus(RETENTION).toEpochMilli()));
    assertEquals(0, harness.numKeyedStateEntries());
  }
}
