package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.CARRIER;
import static io.sanliu.jobs.logistics.LogisticsFixtures.ORDER;
import static io.sanliu.jobs.logistics.LogisticsFixtures.WAYBILL;
import static io.sanliu.jobs.logistics.LogisticsFixtures.customs;
import static io.sanliu.jobs.logistics.LogisticsFixtures.declared;
import static io.sanliu.jobs.logistics.LogisticsFixtures.hours;
import static io.sanliu.jobs.logistics.LogisticsFixtures.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.Direction;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.logistics.ShipmentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipmentTrackerTest {
  static final Duration RETENTION = Duration.ofDays(2);

  KeyedOneInputStreamOperatorTestHarness<String, Milestone, ShipmentDocument> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new ShipmentTracker(RETENTION), Milestone::waybillKey, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(Milestone m) throws Exception {
    harness.processElement(m, m.at().toEpochMilli());
  }

  void watermark(Instant at) throws Exception {
    harness.processWatermark(at.toEpochMilli());
  }

  List<ShipmentDocument> documents() {
    return harness.extractOutputValues();
  }

  ShipmentDocument latest() {
    List<ShipmentDocument> docs = documents();
    return docs.get(docs.size() - 1);
  }

  List<StageSample> samples() {
    Collection<StreamRecord<StageSample>> records = harness.getSideOutput(ShipmentTracker.STAGES);
    List<StageSample> out = new ArrayList<>();
    if (records != null) records.forEach(r -> out.add(r.getValue()));
    return out;
  }

  int stateEntries() {
    return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  /** A direct import (the simulated zone's flow), every transition legal. */
  void importJourney() throws Exception {
    send(step("E1", LogisticsStatus.PICKED_UP, hours(0)));
    send(declared(hours(1)));
    send(customs("R120", "120", hours(1.1)));
    send(customs("R399", "399", hours(1.5)));
    send(step("E2", LogisticsStatus.DEPARTED, hours(5)));
    send(step("E3", LogisticsStatus.ARRIVED, hours(15)));
    send(customs("R500", "500", hours(16)));
    send(customs("R800", "800", hours(20)));
    send(step("E4", LogisticsStatus.CUSTOMS_CLEARANCE, hours(20.5)));
    send(step("E5", LogisticsStatus.OUT_FOR_DELIVERY, hours(30)));
    send(step("E6", LogisticsStatus.EXCEPTION, hours(32)));
    send(step("E7", LogisticsStatus.OUT_FOR_DELIVERY, hours(40)));
    send(step("E8", LogisticsStatus.DELIVERED, hours(44)));
  }

  @Test
  void aJourneyThroughEveryStateIsTrackedWithoutAnomaly() throws Exception {
    importJourney();

    ShipmentDocument d = latest();
    assertEquals(13, documents().size(), "one document per new report");
    assertEquals(WAYBILL, d.waybillKey());
    assertEquals(CARRIER, d.logisticsCode());
    assertEquals(ORDER, d.orderKey(), "from the list");
    assertEquals("9610", d.tradeMode());
    assertEquals(Direction.I, d.direction());
    assertEquals("116>ZONE", d.route());
    assertEquals("AIR", d.transportMode());
    assertEquals(ShipmentState.DELIVERED, d.state());
    assertEquals("已签收", d.stateZh());
    assertEquals(ShipmentState.OUT_FOR_DELIVERY, d.previousState());
    assertTrue(d.ended());
    assertEquals(0, d.anomalies());
    assertEquals(13, d.events());
    assertEquals(hours(1), d.declaredAt());
    assertEquals(hours(20), d.releasedAt());
    assertEquals(hours(0), d.pickedUpAt());
    assertEquals(hours(5), d.departedAt());
    assertEquals(hours(15), d.arrivedAt());
    assertEquals(hours(44), d.deliveredAt());
    assertEquals(19 * 60.0, d.customsMinutes(), 1e-9);
    assertEquals(44 * 60.0, d.totalMinutes(), 1e-9);
    assertEquals(600.0, d.stageMinutes().get("DEPARTED"), 1e-9);
    assertEquals(2 * 60 + 4 * 60.0, d.stageMinutes().get("OUT_FOR_DELIVERY"), 1e-9);
    assertEquals(8 * 60.0, d.stageMinutes().get("EXCEPTION"), 1e-9);
    assertFalse(d.stageMinutes().containsKey("DELIVERED"), "the last state is no stage yet");
    assertEquals(
        List.of(
            Move.FIRST,
            Move.ADVANCE,
            Move.REPEAT,
            Move.REPEAT,
            Move.ADVANCE,
            Move.ADVANCE,
            Move.ADVANCE,
            Move.ADVANCE,
            Move.ADVANCE,
            Move.ADVANCE,
            Move.ADVANCE,
            Move.RESUME,
            Move.ADVANCE),
        d.timeline().stream().map(TimelineStep::move).toList());
    assertEquals(
        List.of("PICKED_UP", "DECLARED", "120", "399", "DEPARTED", "ARRIVED", "500", "800"),
        d.timeline().subList(0, 8).stream().map(TimelineStep::status).toList());
    assertFalse(d.stalled());
    assertNull(d.eta(), "the tracker does not forecast; the watch does");
  }

  @Test
  void anIllegalTransitionIsRecordedNotDropped() throws Exception {
    send(step("E1", LogisticsStatus.PICKED_UP, hours(0)));
    send(declared(hours(1)));
    send(step("E2", LogisticsStatus.CUSTOMS_CLEARANCE, hours(2))); // not released

    ShipmentDocument d = latest();
    assertEquals(3, d.events());
    assertEquals(1, d.anomalies());
    TimelineStep cleared = d.timeline().get(2);
    assertEquals(ShipmentState.CUSTOMS_CLEARANCE, cleared.state());
    assertEquals(Move.ILLEGAL, cleared.move());
    assertTrue(cleared.anomaly());
    assertEquals(ShipmentState.CUSTOMS_CLEARANCE, d.state(), "the latest report stands");
  }

  @Test
  void duplicatesAreIgnored() throws Exception {
    send(step("E1", LogisticsStatus.PICKED_UP, hours(0)));
    send(customs("R120", "120", hours(1)));
    send(step("E1", LogisticsStatus.PICKED_UP, hours(0)));
    send(customs("R120", "120", hours(1)));

    assertEquals(2, documents().size(), "nothing new, nothing emitted");
    assertEquals(2, latest().events());
  }

  @Test
  void outOfOrderReportsArePlacedByEventTime() throws Exception {
    send(step("E3", LogisticsStatus.ARRIVED, hours(15)));
    assertEquals(ShipmentState.ARRIVED, latest().state());
    send(step("E1", LogisticsStatus.PICKED_UP, hours(0)));
    send(step("E2", LogisticsStatus.DEPARTED, hours(5)));

    ShipmentDocument d = latest();
    assertEquals(ShipmentState.ARRIVED, d.state(), "the latest by event time, not by arrival");
    assertEquals(hours(15), d.stateSince());
    assertEquals(
        List.of(hours(0), hours(5), hours(15)),
        d.timeline().stream().map(TimelineStep::at).toList());
    assertEquals(0, d.anomalies());
    assertEquals(hours(15), d.lastEventAt());
  }

  @Test
  void completedStagesAreCountedOnceTheWatermarkPassedTheirEnd() throws Exception {
    send(step("E1", LogisticsStatus.PICKED_UP, hours(0)));
    send(step("E2", LogisticsStatus.DEPARTED, hours(5)));
    send(step("E3", LogisticsStatus.ARRIVED, hours(15)));
    watermark(hours(14));
    assertEquals(2, samples().size(), "the pick-up stage, under its key and overall");
    StageSample picked = samples().get(0);
    assertEquals(StageKey.of(ShipmentState.PICKED_UP, "116>ZONE", "AIR", CARRIER), picked.key());
    assertEquals(300, picked.minutes(), 1e-9);
    assertEquals(ShipmentState.DEPARTED, picked.next());
    assertEquals(StageKey.overall(ShipmentState.PICKED_UP), samples().get(1).key());

    watermark(hours(15));
    assertEquals(4, samples().size());
    assertEquals(600, samples().get(2).minutes(), 1e-9);
    watermark(hours(100));
    assertEquals(4, samples().size(), "the current stage is not complete");
  }

  @Test
  void stagesTouchingAnAnomalyTeachNothing() throws Exception {
    send(step("E1", LogisticsStatus.PICKED_UP, hours(0)));
    send(step("E2", LogisticsStatus.OUT_FOR_DELIVERY, hours(5))); // skipped the line haul
    send(step("E3", LogisticsStatus.DELIVERED, hours(8)));
    watermark(hours(9));
    assertEquals(List.of(), samples());
    assertEquals(1, latest().anomalies());
  }

  @Test
  void aDeliveredParcelIsForgottenAfterTheRetentionButForAMarker() throws Exception {
    importJourney();
    send(step("E9", LogisticsStatus.ARRIVED, hours(10))); // late, within retention: placed
    assertEquals(14, latest().events());
    watermark(hours(44).plus(RETENTION).minusMillis(1));
    assertTrue(stateEntries() > 1, "kept for late reports");

    watermark(hours(44).plus(RETENTION));
    assertEquals(1, stateEntries(), "only the ended marker");
    assertEquals(0, harness.numEventTimeTimers(), "no timer left");
    int emitted = documents().size();
    send(step("E10", LogisticsStatus.DEPARTED, hours(50)));
    assertEquals(emitted, documents().size(), "a report after the end starts nothing");
    Map<ShipmentState, Long> counted = new EnumMap<>(ShipmentState.class);
    for (StageSample s : samples()) {
      if (!s.key().isOverall()) counted.merge(s.key().stage(), 1L, Long::sum);
    }
    assertEquals(2L, counted.get(ShipmentState.OUT_FOR_DELIVERY), "both delivery attempts");
    assertFalse(counted.containsKey(ShipmentState.DELIVERED));
  }

  @Test
  void aReturnedParcelIsForgottenToo() throws Exception {
    send(declared(hours(0)));
    send(customs("R100", "100", hours(2)));
    assertEquals(ShipmentState.RETURNED, latest().state());
    assertTrue(latest().ended());
    watermark(hours(2).plus(RETENTION));
    assertEquals(1, stateEntries());
  }
}
