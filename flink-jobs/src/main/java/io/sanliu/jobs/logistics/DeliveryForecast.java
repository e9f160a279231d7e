package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The expected delivery (ETA) of a parcel from the history of its route, mode and carrier:
 *
 * <pre>
 * ETA = max(since + mean(current stage), now) + mean(next stage) + ... up to delivery
 * </pre>
 *
 * where the stages after the current one follow the usual way: from each stage the next state most
 * parcels went to, skipping states already on the way (so a sea freight's ports of call do not
 * loop) and returns (the forecast is of a delivery). The current stage counts from when it was
 * entered, and no earlier than now when it already lasts longer than usual. No ETA when a stage on
 * the way has no trusted history, or the way does not lead to a delivery.
 */
public final class DeliveryForecast {
  private DeliveryForecast() {}

  /**
   * @param key the parcel's current stage key
   * @param since when the current stage began
   * @param now the event time the forecast is made at
   */
  public static Optional<Instant> eta(StageKey key, Instant since, Instant now, StageBook book)
      throws Exception {
    ShipmentState stage = key.stage();
    if (stage == null || stage.terminal() || since == null) return Optional.empty();
    Optional<StageSummary> current = book.usual(key);
    if (current.isEmpty()) return Optional.empty();
    Instant t = since.plus(minutes(current.get().meanMinutes()));
    if (now != null && now.isAfter(t)) t = now;
    Set<ShipmentState> onTheWay = EnumSet.of(stage);
    StageSummary at = current.get();
    while (true) {
      ShipmentState next = nextOnTheWay(at, onTheWay);
      if (next == null) return Optional.empty();
      if (next == ShipmentState.DELIVERED) return Optional.of(t);
      Optional<StageSummary> s = book.usual(key, next);
      if (s.isEmpty()) return Optional.empty();
      t = t.plus(minutes(s.get().meanMinutes()));
      onTheWay.add(next);
      at = s.get();
    }
  }

  /** The state most parcels went to from {@code s}, not yet on the way and not a return. */
  static ShipmentState nextOnTheWay(StageSummary s, Set<ShipmentState> onTheWay) {
    ShipmentState best = null;
    long most = 0;
    for (ShipmentState candidate : ShipmentState.values()) {
      if (candidate == ShipmentState.RETURNED || onTheWay.contains(candidate)) continue;
      long n = s.wentTo(candidate);
      if (n > most) {
        most = n;
        best = candidate;
      }
    }
    return best;
  }

  private static Duration minutes(double m) {
    return Duration.ofMillis(Math.round(m * 60_000));
  }
}
