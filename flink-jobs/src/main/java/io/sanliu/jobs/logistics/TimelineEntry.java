package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;
import java.time.Instant;
import java.util.Comparator;

/**
 * A report kept on a parcel's timeline (see {@link Milestone} for the fields).
 *
 * <p>Entries are ordered by event time; two at the same instant by the usual order of a journey
 * ({@link ShipmentState}'s order), then by ref, so that the timeline, and the state read from it,
 * do not depend on the order the reports arrived in.
 */
public record TimelineEntry(
    String ref,
    ShipmentState state,
    String status,
    Instant at,
    String location,
    String country,
    String transportMode,
    MilestoneSource source,
    String note) {

  static final Comparator<TimelineEntry> ORDER =
      Comparator.comparing(TimelineEntry::at)
          .thenComparing(TimelineEntry::state)
          .thenComparing(TimelineEntry::ref);
}
