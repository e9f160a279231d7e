package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static io.sanliu.jobs.stats.StatsFixtures.line;
import static io.sanliu.jobs.stats.StatsFixtures.list;
import static io.sanliu.jobs.stats.StatsFixtures.receipt;
import static io.sanliu.jobs.stats.StatsFixtures.withAppType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.state.Utf8StringType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.fx.FxRate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReleaseJoinTest {
  static final Instant DECLARED = Instant.parse("2026-11-22T02:00:00Z");
  static final Instant RELEASED = DECLARED.plus(Duration.ofHours(3));
  static final Duration WAIT = Duration.ofDays(7);
  static final CustomsList LIST =
      list("SO1", DECLARED, Direction.I, "142", 1, List.of(line("1901101000", "99.00", null)));

  KeyedBroadcastOperatorTestHarness<String, ListDocument, FxRate, TradeFact> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ReleaseJoin(WAIT, "flink:test"),
            ListDocument::joinKey,
            Utf8StringType.INSTANCE, // as the job keys it
            FxPricing.RATES);
    // The rates stand at the end of event time in the job (ReferenceWatermarks.none()).
    harness.processBroadcastWatermark(Long.MAX_VALUE);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void sendList(CustomsList l) throws Exception {
    harness.processElement(
        ListDocument.ofList(envelope(l)).orElseThrow(), l.eventTime().toEpochMilli());
  }

  void sendReceipt(CustomsReceipt r) throws Exception {
    harness.processElement(
        ListDocument.ofReceipt(envelope(r)).orElseThrow(), r.returnTime().toEpochMilli());
  }

  void watermark(Instant at) throws Exception {
    harness.processWatermark(at.toEpochMilli());
  }

  /** The released lists emitted, as order number @ the record's timestamp. */
  List<String> released() {
    return harness.extractOutputStreamRecords().stream()
        .map(r -> orderNo(r.getValue()) + "@" + r.getTimestamp())
        .toList();
  }

  /** Entries in the keyed state (the broadcast rates are operator state). */
  int keyedStateEntries() {
    return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  static String orderNo(TradeFact f) {
    return f.documentKey().substring(f.documentKey().indexOf(':') + 1);
  }

  static String at(Instant t) {
    return Long.toString(t.toEpochMilli());
  }

  @Test
  void aListIsEmittedOnceAtItsReleaseTimeWhenEventTimePassesIt() throws Exception {
    sendList(LIST);
    sendReceipt(receipt("SO1", null, CustomsReceipt.RELEASED, RELEASED));
    watermark(RELEASED.minusMillis(1));
    assertEquals(List.of(), released(), "not before event time reaches the release");

    watermark(RELEASED);

    assertEquals(List.of("SO1@" + at(RELEASED)), released());
    TradeFact f = harness.extractOutputValues().get(0);
    assertEquals(LIST.guid(), f.sourceGuid());
    assertEquals(RELEASED, f.eventTime());
    assertEquals(9900, f.valueCents(), "priced as it leaves");
  }

  @Test
  void aListWaitingAcrossACheckpointIsReleasedAfterTheRestore() throws Exception {
    sendList(LIST);
    OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
    harness.close();
    harness =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new ReleaseJoin(WAIT, "flink:test"), List.of(FxPricing.RATES)),
            ListDocument::joinKey,
            Utf8StringType.INSTANCE,
            1,
            1,
            0);
    harness.initializeState(checkpoint);
    harness.open();
    harness.processBroadcastWatermark(Long.MAX_VALUE);

    sendReceipt(receipt("SO1", null, CustomsReceipt.RELEASED, RELEASED));
    watermark(RELEASED);

    assertEquals(List.of("SO1@" + at(RELEASED)), released());
    assertEquals(9900, harness.extractOutputValues().get(0).valueCents());
    assertEquals(LIST.guid(), harness.extractOutputValues().get(0).sourceGuid());
  }

  @Test
  void aReleaseBeforeItsListWaitsForTheList() throws Exception {
    sendReceipt(receipt("SO1", null, CustomsReceipt.RELEASED, RELEASED));
    watermark(RELEASED.plusSeconds(60));
    sendList(LIST); // held up somewhere: its release is already behind event time
    assertEquals(List.of(), released());

    watermark(RELEASED.plusSeconds(61));

    assertEquals(List.of("SO1@" + at(RELEASED)), released(), "still at the release time");
  }

  @Test
  void secondReleasesClosuresAndReplayedListsDoNotCountItAgain() throws Exception {
    sendList(LIST);
    sendReceipt(receipt("SO1", null, CustomsReceipt.RELEASED, RELEASED));
    sendReceipt(receipt("SO1", null, CustomsReceipt.RELEASED, RELEASED.plusSeconds(5)));
    watermark(RELEASED.plusSeconds(10));
    sendList(LIST);
    sendReceipt(receipt("SO1", null, CustomsReceipt.CLOSED, RELEASED.plusSeconds(20)));
    watermark(RELEASED.plusSeconds(30));

    assertEquals(List.of("SO1@" + at(RELEASED)), released());
  }

  @Test
  void aClosureWithoutAReleaseCountsTheListAtTheClosure() throws Exception {
    sendList(LIST);
    sendReceipt(receipt("SO1", null, CustomsReceipt.CLOSED, RELEASED));
    watermark(RELEASED);

    assertEquals(List.of("SO1@" + at(RELEASED)), released());
  }

  @Test
  void otherStatusesAndOtherReceiptsReleaseNothing() throws Exception {
    for (String status :
        List.of(
            CustomsReceipt.RETURNED,
            CustomsReceipt.ACCEPTED,
            CustomsReceipt.CONCLUDED,
            CustomsReceipt.INSPECTION)) {
      assertEquals(
          Optional.empty(),
          ListDocument.ofReceipt(envelope(receipt("SO1", null, status, RELEASED))));
    }
    CustomsReceipt waybill =
        new CustomsReceipt(
            "R-W",
            ReceiptKind.WAYBILL,
            null,
            null,
            "4403180003",
            "LN-SO1",
            null,
            null,
            null,
            null,
            CustomsReceipt.RELEASED,
            RELEASED,
            null);
    assertEquals(
        Optional.empty(),
        ListDocument.ofReceipt(
            Envelope.of(EventType.CUSTOMS_RECEIPT, "5349", "R-W", RELEASED, waybill)));
  }

  @Test
  void aListNeverReleasedIsForgottenAfterTheWait() throws Exception {
    sendList(LIST);
    watermark(DECLARED.plus(WAIT).minusMillis(1));
    assertEquals(1, keyedStateEntries(), "one value, under its order's key");

    watermark(DECLARED.plus(WAIT));

    assertEquals(0, keyedStateEntries());
    assertEquals(List.of(), released());
  }

  @Test
  void aCountedListIsRememberedUntilTheWaitIsOverThenForgotten() throws Exception {
    sendList(LIST);
    sendReceipt(receipt("SO1", null, CustomsReceipt.RELEASED, RELEASED));
    watermark(RELEASED);
    assertEquals(1, released().size());

    watermark(RELEASED.plus(WAIT));

    assertEquals(0, keyedStateEntries());
  }

  @Test
  void aDeletedListIsNotFiled() {
    CustomsList deleted = withAppType(LIST, io.sanliu.model.events.AppType.DELETE);

    assertEquals(Optional.empty(), ListDocument.ofList(envelope(deleted)));
    assertEquals(List.of(), ListNumber.of(envelope(deleted)), "nor linked");
    CustomsList sample = SampleEvents.customsList();
    assertEquals(
        sample.businessKey(), ListDocument.ofList(envelope(sample)).orElseThrow().joinKey());
  }
}
