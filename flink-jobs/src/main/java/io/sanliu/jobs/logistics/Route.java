package io.sanliu.jobs.logistics;

import io.sanliu.model.events.Direction;
import java.util.List;

/**
 * Where a parcel travels between: from its origin country to the zone (import), or from the zone to
 * its destination country (export). Labelled {@code 116>ZONE} or {@code ZONE>502} with the customs
 * country codes, {@code UNKNOWN} when neither the list nor the tracking tells.
 */
public record Route(Direction direction, String partnerCountry, String label) {
  static final String CHINA = "142";
  static final String ZONE = "ZONE";
  public static final String UNKNOWN = "UNKNOWN";

  /**
   * From the list (direction and country) when there is one; else from the tracking: a parcel first
   * seen abroad is an import from there, one seen abroad only later an export to there.
   */
  static Route of(ShipmentFacts facts, List<TimelineEntry> entries) {
    if (facts != null && facts.direction() != null && facts.partnerCountry() != null) {
      return of(facts.direction(), facts.partnerCountry());
    }
    boolean seenHome = false;
    for (TimelineEntry e : entries) {
      if (e.country() == null) continue;
      if (e.country().equals(CHINA)) {
        seenHome = true;
      } else {
        return of(seenHome ? Direction.E : Direction.I, e.country());
      }
    }
    Direction direction = facts == null ? null : facts.direction();
    return new Route(direction, null, UNKNOWN);
  }

  static Route of(Direction direction, String partnerCountry) {
    String label =
        direction == Direction.I ? partnerCountry + ">" + ZONE : ZONE + ">" + partnerCountry;
    return new Route(direction, partnerCountry, label);
  }
}
