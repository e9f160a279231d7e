package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;
import java.util.Optional;

/**
 * The usual durations the watch judges by, looked up by stage key: the key's own history when it
 * has enough, else the stage's history over every route, mode and carrier, else none.
 */
public final class StageBook {
  /** Where the summaries are (the broadcast state in the job, a map in tests). */
  @FunctionalInterface
  public interface Summaries {
    StageSummary get(String keyId) throws Exception;
  }

  private final Summaries summaries;

  public StageBook(Summaries summaries) {
    this.summaries = summaries;
  }

  /** The trusted summary for {@code key}, or for its stage overall; empty when neither is. */
  public Optional<StageSummary> usual(StageKey key) throws Exception {
    StageSummary exact = summaries.get(key.id());
    if (exact != null && exact.trusted()) return Optional.of(exact);
    StageSummary overall = summaries.get(StageKey.overall(key.stage()).id());
    if (overall != null && overall.trusted()) return Optional.of(overall);
    return Optional.empty();
  }

  /** The same for another stage of the parcel. */
  public Optional<StageSummary> usual(StageKey key, ShipmentState stage) throws Exception {
    return usual(key.forStage(stage));
  }
}
