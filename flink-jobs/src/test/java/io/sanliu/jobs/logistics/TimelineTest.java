package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.ORDER;
import static io.sanliu.jobs.logistics.LogisticsFixtures.customs;
import static io.sanliu.jobs.logistics.LogisticsFixtures.declared;
import static io.sanliu.jobs.logistics.LogisticsFixtures.hours;
import static io.sanliu.jobs.logistics.LogisticsFixtures.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.Direction;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.logistics.ShipmentState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

  static Timeline of(Milestone... reports) {
    Timeline t = Timeline.start(LogisticsFixtures.CARRIER, LogisticsFixtures.WAYBILL_NO);
    for (Milestone m : reports) t = t.with(m).orElse(t);
    return t;
  }

  static List<ShipmentState> states(Timeline t) {
    return t.entries().stream().map(TimelineEntry::state).toList();
  }

  @Test
  void entriesAreSortedByEventTimeWhateverOrderTheyCameIn() {
    Timeline t =
        of(
            step("E3", LogisticsStatus.ARRIVED, hours(15)),
            declared(hours(1)),
            step("E1", LogisticsStatus.PICKED_UP, hours(0)),
            step("E2", LogisticsStatus.DEPARTED, hours(5)));

    assertEquals(
        List.of(
            ShipmentState.PICKED_UP,
            ShipmentState.DECLARED,
            ShipmentState.DEPARTED,
            ShipmentState.ARRIVED),
        states(t));
    Journey j = t.journey();
    assertEquals(ShipmentState.ARRIVED, j.state());
    assertEquals(hours(15), j.since());
    assertEquals(ShipmentState.DEPARTED, j.previous());
    assertEquals(0, j.anomalies());
  }

  @Test
  void theSameReportTwiceIsIgnored() {
    Timeline t = of(step("E1", LogisticsStatus.PICKED_UP, hours(0)));
    assertTrue(t.with(step("E1", LogisticsStatus.PICKED_UP, hours(0))).isEmpty());
    assertTrue(
        t.with(step("E1", LogisticsStatus.DEPARTED, hours(3))).isEmpty(),
        "same event id: the same report, whatever it says the second time");
    assertFalse(t.with(step("E2", LogisticsStatus.PICKED_UP, hours(0))).isEmpty());
  }

  @Test
  void aLateReportIsPlacedByItsTimeAndTheStateIsTheLatest() {
    Timeline t =
        of(
            step("E1", LogisticsStatus.PICKED_UP, hours(0)),
            step("E3", LogisticsStatus.ARRIVED, hours(15)),
            step("E2", LogisticsStatus.DEPARTED, hours(5)));

    Journey j = t.journey();
    assertEquals(ShipmentState.ARRIVED, j.state(), "the departure came last, but happened before");
    assertEquals(0, j.anomalies(), "in event-time order nothing was skipped");
    assertEquals(2, j.stages().size());
    assertEquals(ShipmentState.DEPARTED, j.stages().get(1).state());
    assertEquals(600, j.stages().get(1).minutes(), 1e-9);
  }

  @Test
  void anImpossibleTransitionIsAnAnomalyOnTheTimelineAndTheStateFollowsTheLatestReport() {
    Timeline t =
        of(
            step("E1", LogisticsStatus.PICKED_UP, hours(0)),
            step("E2", LogisticsStatus.DELIVERED, hours(5)),
            step("E3", LogisticsStatus.DEPARTED, hours(6)));

    Journey j = t.journey();
    assertEquals(
        List.of(Move.FIRST, Move.ILLEGAL, Move.ILLEGAL),
        j.steps().stream().map(TimelineStep::move).toList(),
        "delivered without moving; then moving after delivery");
    assertEquals(
        List.of(false, true, true), j.steps().stream().map(TimelineStep::anomaly).toList());
    assertEquals(2, j.anomalies());
    assertEquals(ShipmentState.DEPARTED, j.state());
    assertTrue(j.stages().stream().noneMatch(Stage::clean), "both stages touch an anomaly");
  }

  @Test
  void customsStatusesConfirmAStatePassedAndDoNotStartANewStage() {
    Timeline t =
        of(
            declared(hours(0)),
            step("E1", LogisticsStatus.PICKED_UP, hours(1)),
            customs("R1", "399", hours(2)),
            step("E2", LogisticsStatus.DEPARTED, hours(5)));

    Journey j = t.journey();
    assertEquals(
        List.of(Move.FIRST, Move.ADVANCE, Move.CONFIRM, Move.ADVANCE),
        j.steps().stream().map(TimelineStep::move).toList());
    assertEquals(
        List.of(ShipmentState.DECLARED, ShipmentState.PICKED_UP),
        j.stages().stream().map(Stage::state).toList());
    assertEquals(240, j.stages().get(1).minutes(), 1e-9, "picked up until departure");
  }

  @Test
  void theListTellsOrderRouteAndModeAndTrackingTellsTheRouteWithoutIt() {
    Timeline tracked =
        of(
            step("E1", LogisticsStatus.PICKED_UP, hours(0)),
            step("E2", LogisticsStatus.DEPARTED, hours(5)),
            step("E3", LogisticsStatus.ARRIVED, hours(15)));
    assertEquals("116>ZONE", tracked.route().label(), "first seen in Japan: an import");
    assertEquals(Direction.I, tracked.route().direction());
    assertEquals("AIR", tracked.transportMode(), "the mode of the departure");

    Timeline listed = tracked.with(declared(hours(1))).orElseThrow();
    assertEquals(ORDER, listed.facts().orderKey());
    assertEquals("116>ZONE", listed.route().label());
    assertEquals("AIR", listed.transportMode(), "trafMode 5");

    Timeline export =
        of(
            new Milestone(
                "k",
                "C",
                "N",
                "X1",
                ShipmentState.PICKED_UP,
                "PICKED_UP",
                hours(0),
                "深圳",
                "142",
                "ROAD",
                MilestoneSource.TRACKING,
                null,
                null),
            new Milestone(
                "k",
                "C",
                "N",
                "X2",
                ShipmentState.ARRIVED,
                "ARRIVED",
                hours(20),
                "LA",
                "502",
                "AIR",
                MilestoneSource.TRACKING,
                null,
                null));
    assertEquals("ZONE>502", export.route().label());
    assertEquals(Route.UNKNOWN, of(customs("R1", "120", hours(0))).route().label());
  }

  @Test
  void theTimelineIsBounded() {
    Timeline t = Timeline.start("C", "N");
    for (int i = 0; i < Timeline.MAX_ENTRIES + 7; i++) {
      t = t.with(step("E" + i, LogisticsStatus.ARRIVED, hours(i))).orElseThrow();
    }
    assertEquals(Timeline.MAX_ENTRIES, t.entries().size());
    assertEquals(7, t.dropped());
    assertEquals("E7", t.entries().get(0).ref(), "the oldest forgotten");
  }
}
