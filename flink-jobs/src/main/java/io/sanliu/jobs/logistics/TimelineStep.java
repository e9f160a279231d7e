package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;
import java.time.Instant;

/**
 * One entry of a shipment document's timeline: what was reported, when and where, by whom, and what
 * it did to the state ({@code move}); {@code anomaly} marks a transition the table does not allow.
 */
public record TimelineStep(
    String ref,
    ShipmentState state,
    String status,
    Move move,
    boolean anomaly,
    Instant at,
    String location,
    String country,
    String transportMode,
    MilestoneSource source,
    String note) {

  static TimelineStep of(TimelineEntry e, Move move) {
    return new TimelineStep(
        e.ref(),
        e.state(),
        e.status(),
        move,
        move == Move.ILLEGAL,
        e.at(),
        e.location(),
        e.country(),
        e.transportMode(),
        e.source(),
        e.note());
  }
}
