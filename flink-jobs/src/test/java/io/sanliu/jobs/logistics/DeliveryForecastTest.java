package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.T0;
import static io.sanliu.jobs.logistics.LogisticsFixtures.hours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.logistics.ShipmentState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryForecastTest {
  static final String ROUTE = "116>ZONE";

  final Map<String, StageSummary> published = new HashMap<>();
  final StageBook book = new StageBook(published::get);

  static StageKey key(ShipmentState s) {
    return StageKey.of(s, ROUTE, "AIR", "SF");
  }

  /** A history of {@code count} stages of {@code mean} minutes, all followed by {@code next}. */
  void history(StageKey key, int count, double mean, ShipmentState... next) {
    StageTally t = StageTally.empty();
    for (int i = 0; i < count; i++) t = t.add(mean, next[i % next.length], T0);
    published.put(key.id(), t.summary(key));
  }

  Optional<Instant> eta(ShipmentState s, Instant since, Instant now) throws Exception {
    return DeliveryForecast.eta(key(s), since, now, book);
  }

  @Test
  void theEtaIsTheStageStartPlusTheMeanDurationsOfTheUsualWayToDelivery() throws Exception {
    history(key(ShipmentState.DEPARTED), 10, 600, ShipmentState.ARRIVED);
    history(key(ShipmentState.ARRIVED), 10, 120, ShipmentState.RELEASED);
    history(key(ShipmentState.RELEASED), 10, 30, ShipmentState.OUT_FOR_DELIVERY);
    history(key(ShipmentState.OUT_FOR_DELIVERY), 10, 240, ShipmentState.DELIVERED);

    assertEquals(
        Optional.of(hours(5).plus(Duration.ofMinutes(600 + 120 + 30 + 240))),
        eta(ShipmentState.DEPARTED, hours(5), hours(6)));
    assertEquals(
        Optional.of(hours(20).plus(Duration.ofMinutes(240))),
        eta(ShipmentState.OUT_FOR_DELIVERY, hours(20), hours(20)));
  }

  @Test
  void aStageLongerThanUsualCountsFromNow() throws Exception {
    history(key(ShipmentState.OUT_FOR_DELIVERY), 10, 240, ShipmentState.DELIVERED);
    assertEquals(
        Optional.of(hours(30)),
        eta(ShipmentState.OUT_FOR_DELIVERY, hours(20), hours(30)),
        "four hours usual, ten gone: delivery expected now, not six hours ago");
  }

  @Test
  void portsOfCallDoNotLoopAndReturnsAreNotTheWay() throws Exception {
    // Most arrivals are ports of call (departing again); a return is more common than delivery
    // out of an exception in this history, but the forecast is of a delivery.
    history(key(ShipmentState.DEPARTED), 10, 1000, ShipmentState.ARRIVED);
    history(
        key(ShipmentState.ARRIVED),
        9,
        100,
        ShipmentState.DEPARTED,
        ShipmentState.DEPARTED,
        ShipmentState.EXCEPTION);
    history(
        key(ShipmentState.EXCEPTION),
        10,
        50,
        ShipmentState.RETURNED,
        ShipmentState.DELIVERED,
        ShipmentState.RETURNED);

    assertEquals(
        Optional.of(T0.plus(Duration.ofMinutes(1000 + 100 + 50))),
        eta(ShipmentState.DEPARTED, T0, T0));
  }

  @Test
  void theStageOverallStandsInForARouteWithoutEnoughHistory() throws Exception {
    history(key(ShipmentState.OUT_FOR_DELIVERY), 2, 999, ShipmentState.DELIVERED);
    history(StageKey.overall(ShipmentState.OUT_FOR_DELIVERY), 50, 300, ShipmentState.DELIVERED);
    assertEquals(
        Optional.of(T0.plus(Duration.ofMinutes(300))), eta(ShipmentState.OUT_FOR_DELIVERY, T0, T0));
  }

  @Test
  void noEtaWithoutHistoryOnTheWayOrForAnEndedParcel() throws Exception {
    assertTrue(eta(ShipmentState.DEPARTED, T0, T0).isEmpty(), "no history at all");
    history(key(ShipmentState.DEPARTED), 10, 600, ShipmentState.ARRIVED);
    assertTrue(eta(ShipmentState.DEPARTED, T0, T0).isEmpty(), "arrival's history unknown");
    assertTrue(eta(ShipmentState.DELIVERED, T0, T0).isEmpty());
  }
}
