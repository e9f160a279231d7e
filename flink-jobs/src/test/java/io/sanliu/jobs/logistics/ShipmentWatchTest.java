package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.CARRIER;
import static io.sanliu.jobs.logistics.LogisticsFixtures.T0;
import static io.sanliu.jobs.logistics.LogisticsFixtures.hours;
import static io.sanliu.jobs.logistics.LogisticsFixtures.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.logistics.ShipmentState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipmentWatchTest {
  static final StallPolicy POLICY = new StallPolicy(3, Duration.ofHours(2), Duration.ofDays(3));
  static final String ROUTE = "116>ZONE";

  KeyedBroadcastOperatorTestHarness<String, ShipmentDocument, StageSummary, ShipmentDocument>
      harness;
  Timeline timeline = Timeline.start(CARRIER, LogisticsFixtures.WAYBILL_NO);

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ShipmentWatch(POLICY),
            ShipmentDocument::waybillKey,
            Types.STRING,
            ShipmentWatch.STAGES);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  /** The tracker's document after one more report. */
  void report(String id, LogisticsStatus status, Instant at) throws Exception {
    timeline = timeline.with(step(id, status, at)).orElseThrow();
    ShipmentDocument doc = ShipmentDocument.of(timeline);
    harness.processElement(doc, at.toEpochMilli());
  }

  /**
   * A published history: {@code count} stages of {@code minutes}, each followed by {@code next}.
   */
  void history(ShipmentState stage, double minutes, ShipmentState next) throws Exception {
    StageKey key = StageKey.of(stage, ROUTE, "AIR", CARRIER);
    StageTally t = StageTally.empty();
    for (int i = 0; i < 10; i++) t = t.add(minutes, next, T0);
    harness.processBroadcastElement(t.summary(key), 0);
  }

  void watermark(Instant at) throws Exception {
    harness.watermark(at.toEpochMilli());
  }

  List<ShipmentDocument> documents() {
    return harness.extractOutputValues();
  }

  ShipmentDocument latest() {
    return documents().get(documents().size() - 1);
  }

  int stateEntries() {
    return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  void pickedUpAndDeparted() throws Exception {
    report("E1", LogisticsStatus.PICKED_UP, hours(0));
    report("E2", LogisticsStatus.DEPARTED, hours(5));
  }

  @Test
  void withoutHistoryAParcelIsStalledAfterTheDefaultLimitByAnEventTimeTimer() throws Exception {
    pickedUpAndDeparted();
    assertFalse(latest().stalled());
    assertEquals(3 * 24 * 60.0, latest().stallLimitMinutes(), 1e-9);
    Instant due = hours(5).plus(Duration.ofDays(3));

    watermark(due.minusMillis(1));
    assertEquals(2, documents().size(), "not a millisecond early");
    watermark(due);
    assertEquals(3, documents().size());
    ShipmentDocument stalled = latest();
    assertTrue(stalled.stalled());
    assertEquals(due, stalled.stalledSince());
    assertEquals(due, stalled.updatedAt());
    assertEquals(ShipmentState.DEPARTED, stalled.state());
    watermark(due.plus(Duration.ofDays(10)));
    assertEquals(3, documents().size(), "marked once");
  }

  @Test
  void progressCancelsTheStallAndAStageOfItsOwnGetsItsOwnLimit() throws Exception {
    pickedUpAndDeparted();
    watermark(hours(10));
    report("E3", LogisticsStatus.ARRIVED, hours(15));
    watermark(hours(5).plus(Duration.ofDays(3)));
    assertFalse(latest().stalled(), "moved on before the departure's limit");
    assertEquals(1, harness.numEventTimeTimers(), "the old deadline was deleted");

    Instant due = hours(15).plus(Duration.ofDays(3));
    watermark(due);
    assertTrue(latest().stalled());
    assertEquals(due, latest().stalledSince());

    report("E0", LogisticsStatus.PICKED_UP, hours(-1)); // a late earlier report: still stalled
    assertTrue(latest().stalled());
    assertEquals(due, latest().stalledSince());
    report("E4", LogisticsStatus.OUT_FOR_DELIVERY, due.plus(Duration.ofHours(1)));
    assertFalse(latest().stalled(), "it moved");
    assertNull(latest().stalledSince());
  }

  @Test
  void withHistoryTheLimitIsTheFactorTimesTheUsualDuration() throws Exception {
    history(ShipmentState.DEPARTED, 600, ShipmentState.ARRIVED);
    pickedUpAndDeparted();
    assertEquals(1800, latest().stallLimitMinutes(), 1e-9);
    Instant due = hours(5).plus(Duration.ofMinutes(1800));
    watermark(due.minusMillis(1));
    assertFalse(latest().stalled());
    watermark(due);
    assertTrue(latest().stalled());
    assertEquals(due, latest().stalledSince());
  }

  @Test
  void aLimitThatGrewWithTheHistoryMovesTheTimer() throws Exception {
    history(ShipmentState.DEPARTED, 600, ShipmentState.ARRIVED);
    pickedUpAndDeparted();
    history(ShipmentState.DEPARTED, 6000, ShipmentState.ARRIVED); // usual now much longer
    watermark(hours(5).plus(Duration.ofMinutes(1800)));
    assertFalse(latest().stalled(), "not yet by today's history");
    assertEquals(1, harness.numEventTimeTimers());
    StageTally grown = StageTally.empty();
    for (int i = 0; i < 10; i++) grown = grown.add(6000, ShipmentState.ARRIVED, T0);
    double limit = grown.percentileMinutes(0.5) * 3;
    watermark(hours(5).plus(Duration.ofMillis(Math.round(limit * 60_000))));
    assertTrue(latest().stalled());
  }

  @Test
  void theEtaIsForecastFromTheBroadcastStatistics() throws Exception {
    history(ShipmentState.DEPARTED, 600, ShipmentState.ARRIVED);
    history(ShipmentState.ARRIVED, 120, ShipmentState.OUT_FOR_DELIVERY);
    history(ShipmentState.OUT_FOR_DELIVERY, 240, ShipmentState.DELIVERED);
    pickedUpAndDeparted();
    assertEquals(hours(5).plus(Duration.ofMinutes(600 + 120 + 240)), latest().eta());

    report("E3", LogisticsStatus.ARRIVED, hours(12));
    assertEquals(hours(12).plus(Duration.ofMinutes(120 + 240)), latest().eta());
  }

  @Test
  void anEndedParcelIsNoLongerWatchedNorKept() throws Exception {
    pickedUpAndDeparted();
    assertEquals(1, harness.numEventTimeTimers());
    report("E3", LogisticsStatus.ARRIVED, hours(15));
    report("E4", LogisticsStatus.DELIVERED, hours(20));
    ShipmentDocument delivered = latest();
    assertTrue(delivered.ended());
    assertFalse(delivered.stalled());
    assertNull(delivered.eta());
    assertEquals(0, harness.numEventTimeTimers());
    assertEquals(0, stateEntries());
  }
}
