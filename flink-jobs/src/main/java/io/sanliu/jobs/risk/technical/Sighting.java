package io.sanliu.jobs.risk.technical;

import java.time.Instant;

/**
 * A record guid remembered: when the platform first saw it and how often since.
 *
 * @param firstSeenAt the first copy's {@link TechnicalSignal#time()}
 * @param sightings copies seen, the first included
 */
public record Sighting(Instant firstSeenAt, int sightings) {
  static Sighting first(TechnicalSignal record) {
    return new Sighting(record.time(), 1);
  }

  Sighting again() {
    return new Sighting(firstSeenAt, sightings + 1);
  }
}
