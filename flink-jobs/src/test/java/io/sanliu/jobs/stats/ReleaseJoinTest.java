package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static io.sanliu.jobs.stats.StatsFixtures.line;
import static io.sanliu.jobs.stats.StatsFixtures.list;
import static io.sanliu.jobs.stats.StatsFixtures.receipt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.SampleEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
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

  KeyedOneInputStreamOperatorTestHarness<String, ListDocument, ReleasedList> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new ReleaseJoin(WAIT), ListDocument::joinKey, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void sendList(CustomsList l) throws Exception {
    for (ListDocument d : ListDocument.ofList(envelope(l))) {
      harness.processElement(d, l.eventTime().toEpochMilli());
    }
  }

  void sendReceipt(CustomsReceipt r) throws Exception {
    for (ListDocument d : ListDocument.ofReceipt(envelope(r))) {
      harness.processElement(d, r.returnTime().toEpochMilli());
    }
  }

  void watermark(Instant at) throws Exception {
    harness.processWatermark(at.toEpochMilli());
  }

  /** The released lists emitted, as order number @ the record's timestamp. */
  List<String> released() {
    return harness.extractOutputStreamRecords().stream()
        .map(r -> r.getValue().list().orderNo() + "@" + r.getTimestamp())
        .toList();
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
    ReleasedList r = harness.extractOutputValues().get(0);
    assertEquals(LIST.guid(), r.listGuid());
    assertEquals(RELEASED, r.releasedAt());
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
  void aReceiptNamingOnlyTheListNumberFindsItsList() throws Exception {
    sendList(LIST);
    sendReceipt(receipt(null, LIST.copNo(), CustomsReceipt.RELEASED, RELEASED));
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
          List.of(), ListDocument.ofReceipt(envelope(receipt("SO1", null, status, RELEASED))));
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
        List.of(),
        ListDocument.ofReceipt(
            Envelope.of(EventType.CUSTOMS_RECEIPT, "5349", "R-W", RELEASED, waybill)));
  }

  @Test
  void aListNeverReleasedIsForgottenAfterTheWait() throws Exception {
    sendList(LIST);
    watermark(DECLARED.plus(WAIT).minusMillis(1));
    assertEquals(2 * 2, harness.numKeyedStateEntries(), "list and forget time, under two keys");

    watermark(DECLARED.plus(WAIT));

    assertEquals(0, harness.numKeyedStateEntries());
    assertEquals(List.of(), released());
  }

  @Test
  void aCountedListIsRememberedUntilTheWaitIsOverThenForgotten() throws Exception {
    sendList(LIST);
    sendReceipt(receipt("SO1", null, CustomsReceipt.RELEASED, RELEASED));
    watermark(RELEASED);
    assertEquals(1, released().size());

    watermark(RELEASED.plus(WAIT));

    assertEquals(0, harness.numKeyedStateEntries());
  }

  @Test
  void aDeletedListIsNotFiled() {
    CustomsList deleted =
        new CustomsList(
            LIST.guid(),
            io.sanliu.model.events.AppType.DELETE,
            LIST.appTime(),
            LIST.appStatus(),
            LIST.orderNo(),
            LIST.ebpCode(),
            LIST.ebcCode(),
            LIST.logisticsNo(),
            LIST.logisticsCode(),
            LIST.payNo(),
            LIST.copNo(),
            LIST.preNo(),
            LIST.invtNo(),
            LIST.direction(),
            LIST.declTime(),
            LIST.customsCode(),
            LIST.portCode(),
            LIST.ieDate(),
            LIST.buyerIdType(),
            LIST.buyerId(),
            LIST.buyerName(),
            LIST.buyerTelephone(),
            LIST.consigneeAddress(),
            LIST.agentCode(),
            LIST.areaCode(),
            LIST.tradeMode(),
            LIST.trafMode(),
            LIST.country(),
            LIST.freight(),
            LIST.insuredFee(),
            LIST.currency(),
            LIST.packNo(),
            LIST.grossWeight(),
            LIST.netWeight(),
            LIST.items());

    assertEquals(List.of(), ListDocument.ofList(envelope(deleted)));
    assertEquals(
        3,
        ListDocument.ofList(envelope(SampleEvents.customsList())).size(),
        "filed by order, copNo and invtNo");
  }
}
