package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A timeline read through the transition table, from its first entry to its last: each entry's
 * move, the state now (that of the latest report that changed it), since when, and the stages
 * completed on the way.
 *
 * @param state null only for an empty timeline
 * @param since when the current state was entered
 * @param previous the state before the current one; null if none
 */
public record Journey(
    List<TimelineStep> steps,
    ShipmentState state,
    Instant since,
    ShipmentState previous,
    List<Stage> stages,
    int anomalies) {

  /** Reads {@code entries}, which must be in {@link TimelineEntry#ORDER}. */
  static Journey read(List<TimelineEntry> entries) {
    List<TimelineStep> steps = new ArrayList<>(entries.size());
    List<Stage> stages = new ArrayList<>();
    Set<ShipmentState> passed = EnumSet.noneOf(ShipmentState.class);
    ShipmentState state = null;
    ShipmentState previous = null;
    ShipmentState beforeException = null;
    Instant since = null;
    boolean enteredLegally = true;
    int anomalies = 0;
    for (TimelineEntry e : entries) {
      Move move = ShipmentTransitions.judge(state, beforeException, passed, e.state());
      steps.add(TimelineStep.of(e, move));
      if (move == Move.ILLEGAL) anomalies++;
      if (!move.changesState()) continue;
      if (state != null) {
        stages.add(
            new Stage(state, since, e.at(), e.state(), enteredLegally && move != Move.ILLEGAL));
      }
      if (e.state() == ShipmentState.EXCEPTION) beforeException = state;
      previous = state;
      state = e.state();
      since = e.at();
      enteredLegally = move != Move.ILLEGAL;
      passed.add(state);
    }
    return new Journey(steps, state, since, previous, stages, anomalies);
  }

  public boolean ended() {
    return state != null && state.terminal();
  }

  /** When the parcel first reported {@code s}; null if never. */
  public Instant first(ShipmentState s) {
    for (TimelineStep step : steps) if (step.state() == s) return step.at();
    return null;
  }

  /** When the parcel last reported {@code s}; null if never. */
  public Instant last(ShipmentState s) {
    Instant at = null;
    for (TimelineStep step : steps) if (step.state() == s) at = step.at();
    return at;
  }
}
