package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything reported of one parcel: its entries sorted by event time (whatever order they came
 * in), and what its customs list told. Immutable: {@link #with} returns a new timeline.
 *
 * @param entries in {@link TimelineEntry#ORDER}
 * @param facts what the latest list told; null before any list
 * @param dropped entries forgotten because the timeline reached {@link #MAX_ENTRIES}
 */
public record Timeline(
    String logisticsCode,
    String logisticsNo,
    List<TimelineEntry> entries,
    ShipmentFacts facts,
    int dropped) {

  /**
   * More than any real journey reports (about 15 steps for a sea freight with ports of call):
   * bounds the state a sender repeating reports could make grow.
   */
  public static final int MAX_ENTRIES = 100;

  public static Timeline start(String logisticsCode, String logisticsNo) {
    return new Timeline(logisticsCode, logisticsNo, new ArrayList<>(), null, 0);
  }

  /**
   * The timeline with {@code m} in its place by event time; empty when the same report (same ref)
   * is already on it. Beyond {@link #MAX_ENTRIES} the oldest entry is forgotten (and counted).
   */
  public Optional<Timeline> with(Milestone m) {
    for (TimelineEntry e : entries) {
      if (e.ref().equals(m.ref())) return Optional.empty();
    }
    // A copy: Flink keeps the previous value in state until it is replaced.
    List<TimelineEntry> next = new ArrayList<>(entries.size() + 1);
    next.addAll(entries);
    TimelineEntry entry = m.entry();
    int at = next.size();
    while (at > 0 && TimelineEntry.ORDER.compare(next.get(at - 1), entry) > 0) at--;
    next.add(at, entry);
    int forgotten = dropped;
    while (next.size() > MAX_ENTRIES) {
      next.remove(0);
      forgotten++;
    }
    return Optional.of(
        new Timeline(
            logisticsCode, logisticsNo, next, m.facts() != null ? m.facts() : facts, forgotten));
  }

  public Journey journey() {
    return Journey.read(entries);
  }

  /** The latest entry by event time; null when empty. */
  public TimelineEntry latest() {
    return entries.isEmpty() ? null : entries.get(entries.size() - 1);
  }

  /**
   * The parcel's line-haul mode: the list's, else the mode of its first departure, else the latest
   * mode reported; null when none is known.
   */
  public String transportMode() {
    if (facts != null && facts.transportMode() != null) return facts.transportMode();
    for (TimelineEntry e : entries) {
      if (e.state() == ShipmentState.DEPARTED && e.transportMode() != null) {
        return e.transportMode();
      }
    }
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).transportMode() != null) return entries.get(i).transportMode();
    }
    return null;
  }

  public Route route() {
    return Route.of(facts, entries);
  }
}
