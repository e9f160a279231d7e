package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.entries;
import static io.sanliu.model.logistics.ShipmentState.ARRIVED;
import static io.sanliu.model.logistics.ShipmentState.CUSTOMS_CLEARANCE;
import static io.sanliu.model.logistics.ShipmentState.DECLARED;
import static io.sanliu.model.logistics.ShipmentState.DELIVERED;
import static io.sanliu.model.logistics.ShipmentState.DEPARTED;
import static io.sanliu.model.logistics.ShipmentState.EXCEPTION;
import static io.sanliu.model.logistics.ShipmentState.INSPECTION;
import static io.sanliu.model.logistics.ShipmentState.OUT_FOR_DELIVERY;
import static io.sanliu.model.logistics.ShipmentState.PICKED_UP;
import static io.sanliu.model.logistics.ShipmentState.RELEASED;
import static io.sanliu.model.logistics.ShipmentState.RETURNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.logistics.ShipmentState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ShipmentTransitionsTest {

  /** Every pair of different states, but from an exception (judged by context, see below). */
  static Stream<Arguments> everyPair() {
    return Stream.of(ShipmentState.values())
        .filter(from -> from != EXCEPTION)
        .flatMap(
            from ->
                Stream.of(ShipmentState.values())
                    .filter(to -> to != from)
                    .map(to -> Arguments.of(from, to)));
  }

  /** The table of docs/logistics.md, written out: any change to the table must change this. */
  static Set<ShipmentState> documented(ShipmentState from) {
    return switch (from) {
      case DECLARED -> EnumSet.of(INSPECTION, RELEASED, PICKED_UP, DEPARTED, ARRIVED);
      case INSPECTION -> EnumSet.of(RELEASED);
      case RELEASED ->
          EnumSet.of(PICKED_UP, CUSTOMS_CLEARANCE, DEPARTED, ARRIVED, OUT_FOR_DELIVERY);
      case PICKED_UP -> EnumSet.of(DECLARED, INSPECTION, RELEASED, CUSTOMS_CLEARANCE, DEPARTED);
      case CUSTOMS_CLEARANCE -> EnumSet.of(DEPARTED, OUT_FOR_DELIVERY);
      case DEPARTED -> EnumSet.of(DECLARED, RELEASED, ARRIVED);
      case ARRIVED ->
          EnumSet.of(
              DECLARED,
              INSPECTION,
              RELEASED,
              CUSTOMS_CLEARANCE,
              DEPARTED,
              OUT_FOR_DELIVERY,
              DELIVERED);
      case OUT_FOR_DELIVERY -> EnumSet.of(DELIVERED);
      case EXCEPTION, DELIVERED, RETURNED -> EnumSet.noneOf(ShipmentState.class);
    };
  }

  @ParameterizedTest
  @EnumSource(ShipmentState.class)
  void theTableIsTheDocumentedOnePlusExceptionAndReturnFromAnyOpenState(ShipmentState from) {
    Set<ShipmentState> expected = documented(from);
    if (!from.terminal()) {
      expected.add(EXCEPTION);
      expected.add(RETURNED);
      expected.remove(from);
    }
    assertEquals(expected, ShipmentTransitions.next(from), "from " + from);
  }

  @ParameterizedTest
  @MethodSource("everyPair")
  void everyTransitionIsLegalExactlyWhenTheTableAllowsIt(ShipmentState from, ShipmentState to) {
    Move move = ShipmentTransitions.judge(from, null, EnumSet.of(from), to);
    assertEquals(
        ShipmentTransitions.allows(from, to) ? Move.ADVANCE : Move.ILLEGAL,
        move,
        from + " -> " + to);
  }

  @Test
  void theFirstReportIsLegalWhateverItIs() {
    for (ShipmentState s : ShipmentState.values()) {
      assertEquals(Move.FIRST, ShipmentTransitions.judge(null, null, Set.of(), s));
    }
  }

  @Test
  void theSameStateAgainIsARepeatEvenAfterTheEnd() {
    for (ShipmentState s : ShipmentState.values()) {
      assertEquals(Move.REPEAT, ShipmentTransitions.judge(s, null, EnumSet.of(s), s));
    }
  }

  @Test
  void aCustomsStatePassedAlreadyIsAConfirmationNotAStepBack() {
    assertEquals(
        Move.CONFIRM,
        ShipmentTransitions.judge(DEPARTED, null, EnumSet.of(DECLARED, PICKED_UP), DECLARED),
        "399 after the pick-up, the list having been declared before it");
    assertEquals(
        Move.CONFIRM,
        ShipmentTransitions.judge(
            CUSTOMS_CLEARANCE, null, EnumSet.of(RELEASED, CUSTOMS_CLEARANCE), RELEASED),
        "899 closed after the carrier's clearance");
    assertEquals(
        Move.ILLEGAL,
        ShipmentTransitions.judge(
            OUT_FOR_DELIVERY, null, EnumSet.of(ARRIVED, OUT_FOR_DELIVERY), ARRIVED),
        "a carrier's state is never a confirmation: going back to a hub is a step back");
  }

  @Test
  void anExceptionResumesToItsStateBeforeOrWhereThatStateMayGo() {
    Set<ShipmentState> passed = EnumSet.of(DEPARTED, EXCEPTION);
    assertEquals(Move.RESUME, ShipmentTransitions.judge(EXCEPTION, DEPARTED, passed, DEPARTED));
    assertEquals(Move.ADVANCE, ShipmentTransitions.judge(EXCEPTION, DEPARTED, passed, ARRIVED));
    assertEquals(Move.ILLEGAL, ShipmentTransitions.judge(EXCEPTION, DEPARTED, passed, DELIVERED));
    assertEquals(Move.ADVANCE, ShipmentTransitions.judge(EXCEPTION, DEPARTED, passed, RETURNED));
    assertEquals(
        Move.ADVANCE,
        ShipmentTransitions.judge(EXCEPTION, null, EnumSet.of(EXCEPTION), DELIVERED),
        "nothing known before the exception: nothing to hold against");
  }

  @Test
  void nothingMovesAfterDeliveryOrReturn() {
    for (ShipmentState end : List.of(DELIVERED, RETURNED)) {
      assertTrue(end.terminal());
      assertTrue(ShipmentTransitions.next(end).isEmpty(), end.name());
      for (ShipmentState s : ShipmentState.values()) {
        if (s == end) continue;
        assertEquals(
            Move.ILLEGAL, ShipmentTransitions.judge(end, null, EnumSet.of(end), s), end + "->" + s);
      }
    }
  }

  @Test
  void theCarrierCannotClearWhatCustomsHasNotReleased() {
    assertFalse(ShipmentTransitions.allows(DECLARED, CUSTOMS_CLEARANCE));
    assertFalse(ShipmentTransitions.allows(INSPECTION, CUSTOMS_CLEARANCE));
    assertFalse(ShipmentTransitions.allows(INSPECTION, DEPARTED));
    assertFalse(ShipmentTransitions.allows(DEPARTED, DELIVERED), "no delivery from the air");
  }

  /** The journeys the simulated zone plays (see the simulator's Journey), read with no anomaly. */
  static Stream<Arguments> journeys() {
    return Stream.of(
        Arguments.of(
            "direct import",
            List.of(
                PICKED_UP,
                DECLARED,
                DECLARED,
                DEPARTED,
                ARRIVED,
                RELEASED,
                CUSTOMS_CLEARANCE,
                OUT_FOR_DELIVERY,
                DELIVERED),
            DELIVERED),
        Arguments.of(
            "direct import declared after pick-up, concluded after it, inspected",
            List.of(
                DECLARED,
                PICKED_UP,
                DECLARED,
                DEPARTED,
                EXCEPTION,
                ARRIVED,
                INSPECTION,
                RELEASED,
                CUSTOMS_CLEARANCE,
                OUT_FOR_DELIVERY,
                EXCEPTION,
                OUT_FOR_DELIVERY,
                DELIVERED),
            DELIVERED),
        Arguments.of(
            "direct import refused by customs on arrival",
            List.of(PICKED_UP, DECLARED, DEPARTED, ARRIVED, RETURNED, RETURNED),
            RETURNED),
        Arguments.of(
            "bonded import",
            List.of(
                DECLARED,
                DECLARED,
                RELEASED,
                PICKED_UP,
                CUSTOMS_CLEARANCE,
                DEPARTED,
                ARRIVED,
                OUT_FOR_DELIVERY,
                DELIVERED),
            DELIVERED),
        Arguments.of("bonded import refused", List.of(DECLARED, DECLARED, RETURNED), RETURNED),
        Arguments.of(
            "direct export",
            List.of(
                PICKED_UP,
                DECLARED,
                DECLARED,
                RELEASED,
                CUSTOMS_CLEARANCE,
                DEPARTED,
                ARRIVED,
                OUT_FOR_DELIVERY,
                EXCEPTION,
                RETURNED),
            RETURNED),
        Arguments.of(
            "sea export to an overseas warehouse with ports of call",
            List.of(
                DECLARED,
                PICKED_UP,
                INSPECTION,
                RELEASED,
                CUSTOMS_CLEARANCE,
                DEPARTED,
                ARRIVED,
                DEPARTED,
                ARRIVED,
                DEPARTED,
                ARRIVED,
                DELIVERED,
                RELEASED),
            DELIVERED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("journeys")
  void theZonesJourneysAreLegal(String name, List<ShipmentState> states, ShipmentState end) {
    Journey j = Journey.read(entries(states.toArray(ShipmentState[]::new)));
    assertEquals(0, j.anomalies(), () -> name + ": " + j.steps());
    assertEquals(end, j.state(), name);
  }
}
