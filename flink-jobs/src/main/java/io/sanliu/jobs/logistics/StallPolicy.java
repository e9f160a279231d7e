package io.sanliu.jobs.logistics;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * When a parcel counts as stalled: its current stage has lasted {@code factor} times the stage's
 * usual (median) duration, and at least {@code floor}; with no usual duration yet, {@code
 * fallback}. The median rather than the mean: the parcels that did stall, and then moved, must not
 * make stalling look usual.
 */
public record StallPolicy(double factor, Duration floor, Duration fallback)
    implements Serializable {

  public StallPolicy {
    if (!(factor > 0)) throw new IllegalArgumentException("stall factor must be > 0: " + factor);
  }

  public static StallPolicy from(Config config) {
    return new StallPolicy(
        config.getDouble(ConfigKey.LOGISTICS_STALL_FACTOR),
        config.getDuration(ConfigKey.LOGISTICS_STALL_FLOOR),
        config.getDuration(ConfigKey.LOGISTICS_STALL_DEFAULT));
  }

  /** How long the stage may last before the parcel is stalled. */
  public Duration limit(Optional<StageSummary> usual) {
    if (usual.isEmpty()) return fallback;
    Duration scaled = Duration.ofMillis(Math.round(usual.get().p50Minutes() * factor * 60_000));
    return scaled.compareTo(floor) < 0 ? floor : scaled;
  }
}
