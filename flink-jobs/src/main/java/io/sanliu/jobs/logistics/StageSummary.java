package io.sanliu.jobs.logistics;

import io.sanliu.model.elastic.Indices;
import io.sanliu.model.logistics.ShipmentState;
import java.time.Instant;
import java.util.Map;

/**
 * The usual duration of one kind of stage, as {@link StageStatistics} publishes it after every
 * sample: a document of {@link Indices#LOGISTICS_STAGES} (id {@code key}) and what the watch judges
 * stalls and ETAs by.
 *
 * @param overall the stage over every route, mode and carrier
 * @param usualNext where most parcels went from this stage
 * @param nextCounts how many went to each next state
 * @param updatedAt event time of the latest sample
 */
public record StageSummary(
    String key,
    ShipmentState stage,
    String stageZh,
    String route,
    String transportMode,
    String carrier,
    boolean overall,
    long count,
    double meanMinutes,
    double p50Minutes,
    double p90Minutes,
    double minMinutes,
    double maxMinutes,
    ShipmentState usualNext,
    Map<String, Long> nextCounts,
    Instant updatedAt) {

  /** Fewer completed stages than this are not a history to judge by. */
  public static final int MIN_SAMPLES = 5;

  public boolean trusted() {
    return count >= MIN_SAMPLES;
  }

  /** How many parcels went from this stage to {@code s}. */
  public long wentTo(ShipmentState s) {
    Long n = nextCounts == null ? null : nextCounts.get(s.name());
    return n == null ? 0 : n;
  }
}
