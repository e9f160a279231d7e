package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;
import java.time.Instant;

/**
 * One completed stage of one parcel, for the statistics of {@code key}.
 *
 * @param next the state the parcel left for
 * @param leftAt when it left (event time)
 */
public record StageSample(StageKey key, double minutes, ShipmentState next, Instant leftAt) {

  public String keyId() {
    return key.id();
  }
}
