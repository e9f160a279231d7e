package io.sanliu.jobs.matching;

import static io.sanliu.jobs.matching.ThreeDocumentMatcherTest.changed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.events.Payment;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.Waybill;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParcelMatchFunctionTest {
  static final String KEY = SampleEvents.EBP_CODE + ":" + SampleEvents.ORDER_NO;
  static final Instant ORDERED = SampleEvents.order().eventTime();

  KeyedOneInputStreamOperatorTestHarness<String, ParcelDocument, ParcelOutcome> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new ParcelMatchFunction(MatchTimeouts.DEFAULT)),
            ParcelDocument::parcelKey,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(ParcelDocument doc) throws Exception {
    harness.processElement(new StreamRecord<>(doc, doc.eventTime().toEpochMilli()));
  }

  void watermark(Instant at) throws Exception {
    harness.processWatermark(at.toEpochMilli());
  }

  List<MatchStatus> statuses() {
    return harness.extractOutputValues().stream().map(ParcelOutcome::status).toList();
  }

  static ParcelDocument order() {
    return ParcelDocument.of(KEY, SampleEvents.order());
  }

  static ParcelDocument payment() {
    return ParcelDocument.of(KEY, SampleEvents.payment());
  }

  static ParcelDocument waybill() {
    return ParcelDocument.of(KEY, SampleEvents.waybill());
  }

  static ParcelDocument list() {
    return ParcelDocument.of(KEY, SampleEvents.customsList());
  }

  @Test
  void aParcelArrivingInReverseOrderIsReportedCompleteOnceAndForgotten() throws Exception {
    send(list());
    send(waybill());
    send(payment());
    assertEquals(List.of(), statuses(), "nothing before the last document");
    send(order());
    assertEquals(List.of(MatchStatus.COMPLETE), statuses());
    watermark(ORDERED.plus(Duration.ofDays(2)));
    assertEquals(List.of(MatchStatus.COMPLETE), statuses(), "no timeout after completion");
    assertEquals(1, harness.numKeyedStateEntries(), "only the completed marker is kept");
  }

  @Test
  void aLateCopyOfACompletedParcelIsIgnored() throws Exception {
    send(order());
    send(payment());
    send(waybill());
    send(list());
    send(payment());
    watermark(ORDERED.plus(Duration.ofDays(2)));
    assertEquals(List.of(MatchStatus.COMPLETE), statuses());
  }

  @Test
  void aMismatchIsReportedAndAChangedDocumentMendsIt() throws Exception {
    Payment wrong =
        changed(SampleEvents.payment(), p -> p.put("amountPaid", new BigDecimal("1.00")));
    send(order());
    send(ParcelDocument.of(KEY, wrong));
    assertEquals(List.of(MatchStatus.MISMATCH), statuses());
    Payment corrected = changed(SampleEvents.payment(), p -> p.put("appType", "2"));
    send(ParcelDocument.of(KEY, corrected));
    send(waybill());
    send(list());
    assertEquals(List.of(MatchStatus.MISMATCH, MatchStatus.COMPLETE), statuses());
  }

  @Test
  void aMissingPaymentIsReportedThirtyMinutesAfterTheOrderInEventTime() throws Exception {
    send(order());
    watermark(ORDERED.plus(Duration.ofMinutes(29)));
    assertEquals(List.of(), statuses());
    watermark(ORDERED.plus(Duration.ofMinutes(31)));
    assertEquals(List.of(MatchStatus.INCOMPLETE), statuses());
    assertEquals(
        List.of("payment", "waybill", "list"),
        harness.extractOutputValues().get(0).result().missing());
  }

  @Test
  void whatIsStillMissingAtTheDeadlineIsReportedAndTheParcelForgotten() throws Exception {
    send(order());
    send(payment());
    watermark(ORDERED.plus(Duration.ofHours(23)));
    assertEquals(List.of(), statuses(), "the payment came in time");
    watermark(ORDERED.plus(Duration.ofHours(25)));
    assertEquals(List.of(MatchStatus.INCOMPLETE), statuses());
    assertEquals(
        List.of("waybill", "list"), harness.extractOutputValues().get(0).result().missing());
    assertEquals(0, harness.numKeyedStateEntries());
  }

  @Test
  void documentsWithoutAnOrderAreReportedAtTheirDeadline() throws Exception {
    send(payment());
    watermark(SampleEvents.payment().eventTime().plus(Duration.ofHours(25)));
    assertEquals(List.of(MatchStatus.INCOMPLETE), statuses());
    assertEquals(
        List.of("order", "waybill", "list"),
        harness.extractOutputValues().get(0).result().missing());
  }

  @Test
  void aDeletedDocumentIsNoLongerPartOfTheParcel() throws Exception {
    Waybill deleted = changed(SampleEvents.waybill(), w -> w.put("appType", "3"));
    send(order());
    send(payment());
    send(waybill());
    send(ParcelDocument.of(KEY, deleted));
    send(list());
    assertEquals(List.of(), statuses(), "the waybill is gone: not complete yet");
    watermark(ORDERED.plus(Duration.ofHours(25)));
    assertEquals(List.of(MatchStatus.INCOMPLETE), statuses());
    assertEquals(List.of("waybill"), harness.extractOutputValues().get(0).result().missing());
  }
}
