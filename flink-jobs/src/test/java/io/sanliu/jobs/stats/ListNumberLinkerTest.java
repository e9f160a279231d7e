package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static io.sanliu.jobs.stats.StatsFixtures.line;
import static io.sanliu.jobs.stats.StatsFixtures.list;
import static io.sanliu.jobs.stats.StatsFixtures.receipt;
import static io.sanliu.jobs.stats.StatsFixtures.withAppType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.state.Utf8StringType;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.fx.FxRate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListNumberLinkerTest {
  static final Instant DECLARED = Instant.parse("2026-11-22T02:00:00Z");
  static final Instant RELEASED = DECLARED.plus(Duration.ofHours(3));
  static final Duration WAIT = Duration.ofDays(7);
  static final CustomsList LIST =
      list("SO1", DECLARED, Direction.I, "142", 1, List.of(line("1901101000", "99.00", null)));
  static final String ORDER_KEY = LIST.businessKey();
  static final String COP_KEY = DocumentKeys.customsList(LIST.ebpCode(), LIST.copNo());

  KeyedTwoInputStreamOperatorTestHarness<String, ListNumber, ListDocument, ListDocument> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness = newHarness();
    harness.open();
  }

  static KeyedTwoInputStreamOperatorTestHarness<String, ListNumber, ListDocument, ListDocument>
      newHarness() throws Exception {
    return new KeyedTwoInputStreamOperatorTestHarness<>(
        new KeyedCoProcessOperator<>(new ListNumberLinker(WAIT)),
        ListNumber::numberKey,
        ListDocument::joinKey,
        Utf8StringType.INSTANCE);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void sendNumbers(CustomsList l) throws Exception {
    for (ListNumber n : ListNumber.of(envelope(l))) {
      harness.processElement1(n, l.eventTime().toEpochMilli());
    }
  }

  /** A release naming the list by its copNo only. */
  void sendReleaseByNumber(String guidSuffix, Instant at) throws Exception {
    CustomsReceipt r = receipt(null, LIST.copNo(), CustomsReceipt.RELEASED, at);
    ListDocument d = ListDocument.ofReceipt(envelope(r)).orElseThrow();
    harness.processElement2(
        new ListDocument(d.joinKey(), null, d.guid() + guidSuffix, d.source(), at),
        at.toEpochMilli());
  }

  /** The releases that left, as key @ release time. */
  List<String> linked() {
    return harness.extractOutputValues().stream()
        .map(d -> d.joinKey() + "@" + d.releasedAt())
        .toList();
  }

  int stateEntries() {
    return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  @Test
  void aListNamesItsNumbersButNotItsOrderKey() {
    assertEquals(
        List.of(new ListNumber(COP_KEY, ORDER_KEY)),
        ListNumber.of(envelope(LIST)),
        "the fixture's list has a copNo and no invtNo");
    CustomsList deleted = withAppType(LIST, AppType.DELETE);
    assertEquals(List.of(), ListNumber.of(envelope(deleted)));
  }

  @Test
  void aReleaseNamingTheListNumberLeavesUnderTheOrderKey() throws Exception {
    sendNumbers(LIST);
    sendReleaseByNumber("", RELEASED);

    assertEquals(List.of(ORDER_KEY + "@" + RELEASED), linked());
    ListDocument out = harness.extractOutputValues().get(0);
    assertEquals("R-null-800", out.guid(), "the receipt's own guid");
    assertEquals(null, out.list());
  }

  @Test
  void aReleaseBeforeItsListWaitsForTheListsNumber() throws Exception {
    sendReleaseByNumber("", RELEASED);
    assertEquals(List.of(), linked());

    sendNumbers(LIST);

    assertEquals(List.of(ORDER_KEY + "@" + RELEASED), linked());
  }

  @Test
  void whileTheFirstReleaseWaitsLaterOnesAreNotKept() throws Exception {
    sendReleaseByNumber("", RELEASED);
    sendReleaseByNumber("-again", RELEASED.plusSeconds(5));
    sendNumbers(LIST);

    assertEquals(List.of(ORDER_KEY + "@" + RELEASED), linked(), "the first release counts");
  }

  @Test
  void aLinkSurvivesACheckpoint() throws Exception {
    sendNumbers(LIST);
    OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
    harness.close();
    harness = newHarness();
    harness.initializeState(checkpoint);
    harness.open();

    sendReleaseByNumber("", RELEASED);

    assertEquals(List.of(ORDER_KEY + "@" + RELEASED), linked());
  }

  @Test
  void aWaitingReleaseSurvivesACheckpoint() throws Exception {
    sendReleaseByNumber("", RELEASED);
    OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
    harness.close();
    harness = newHarness();
    harness.initializeState(checkpoint);
    harness.open();

    sendNumbers(LIST);

    assertEquals(List.of(ORDER_KEY + "@" + RELEASED), linked());
    assertEquals("R-null-800", harness.extractOutputValues().get(0).guid());
  }

  @Test
  void aNumberIsForgottenAfterTheWait() throws Exception {
    sendNumbers(LIST);
    harness.processBothWatermarks(
        new org.apache.flink.streaming.api.watermark.Watermark(
            DECLARED.plus(WAIT).minusMillis(1).toEpochMilli()));
    assertEquals(1, stateEntries());

    harness.processBothWatermarks(
        new org.apache.flink.streaming.api.watermark.Watermark(DECLARED.plus(WAIT).toEpochMilli()));

    assertEquals(0, stateEntries());
  }

  @Test
  void withTheJoinAListReleasedByItsNumberAndByItsOrderIsCountedOnce() throws Exception {
    KeyedBroadcastOperatorTestHarness<String, ListDocument, FxRate, TradeFact> join =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ReleaseJoin(WAIT, "flink:test"),
            ListDocument::joinKey,
            Utf8StringType.INSTANCE,
            FxPricing.RATES);
    try {
      join.processBroadcastWatermark(Long.MAX_VALUE);
      join.processElement(
          ListDocument.ofList(envelope(LIST)).orElseThrow(), DECLARED.toEpochMilli());
      sendNumbers(LIST);
      sendReleaseByNumber("", RELEASED);
      sendReleaseByNumber("-again", RELEASED.plusSeconds(5));
      for (ListDocument d : harness.extractOutputValues()) {
        join.processElement(d, d.releasedAt().toEpochMilli());
      }
      // The 899 naming the order: the same list, met under the same key.
      CustomsReceipt closed = receipt("SO1", null, CustomsReceipt.CLOSED, RELEASED.plusSeconds(7));
      join.processElement(
          ListDocument.ofReceipt(envelope(closed)).orElseThrow(),
          RELEASED.plusSeconds(7).toEpochMilli());
      join.processWatermark(RELEASED.plusSeconds(10).toEpochMilli());

      List<TradeFact> facts = join.extractOutputValues();
      assertEquals(1, facts.size());
      assertEquals(RELEASED, facts.get(0).eventTime());
      assertEquals(9900, facts.get(0).valueCents());
      assertTrue(
          ((HeapKeyedStateBackend<?>) join.getOperator().getKeyedStateBackend())
                  .numKeyValueStateEntries()
              == 1,
          "the list is held once, under its order's key");
    } finally {
      join.close();
    }
  }
}
