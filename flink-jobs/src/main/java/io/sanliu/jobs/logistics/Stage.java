package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;
import java.time.Duration;
import java.time.Instant;

/**
 * A completed stage of a journey: the time a parcel spent in one state.
 *
 * @param next the state it left for
 * @param clean entered and left by legal moves: only clean stages teach the usual durations (a
 *     stage cut short or stretched by a wrong report would mislead them)
 */
public record Stage(
    ShipmentState state, Instant enteredAt, Instant leftAt, ShipmentState next, boolean clean) {

  public Duration duration() {
    return Duration.between(enteredAt, leftAt);
  }

  public double minutes() {
    return duration().toMillis() / 60_000.0;
  }
}
