package io.sanliu.jobs.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sanliu.model.Json;
import io.sanliu.model.kafka.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Accounts for the documents that came too late for a window: one dead letter per document and
 * window size, saying which window missed it and why. Every slice of a document is as late as its
 * total (they share its time), so the total's entry stands for the document and the others add
 * nothing. A late record stands for one document ({@link SliceCombiner} sums only open minutes);
 * should a sum of several ever come late, its dead letter says how many documents it held.
 */
public final class LateEntries implements FlatMapFunction<SlicePartial, DeadLetter> {
  private final String stage;
  private final WindowSize size;
  private final Duration lateness;

  public LateEntries(String stage, WindowSize size, Duration lateness) {
    this.stage = stage;
    this.size = size;
    this.lateness = lateness;
  }

  @Override
  public void flatMap(SlicePartial entry, Collector<DeadLetter> out)
      throws JsonProcessingException {
    SliceKey slice = entry.key();
    if (slice.dimension() != Dimension.TOTAL) return;
    Instant start = Instant.ofEpochMilli(size.startOf(entry.eventTime().toEpochMilli()));
    Instant end = start.plus(size.length());
    String reason =
        "too late for its "
            + size.label()
            + " window ["
            + start
            + ", "
            + end
            + "): event time had passed the window's end plus the allowed lateness "
            + lateness
            + ", so the window's documents are final and this one is not counted in it";
    Map<String, Object> what = new LinkedHashMap<>();
    what.put("caliber", slice.caliber().name());
    if (entry.documentKey() != null) what.put("documentKey", entry.documentKey());
    else what.put("documents", entry.orders());
    what.put("eventTime", entry.eventTime().toString());
    what.put("windowSize", size.label());
    what.put("windowStart", start.toString());
    what.put("orders", entry.orders());
    what.put("parcels", entry.parcels());
    what.put("valueCents", entry.valueCents());
    out.collect(
        DeadLetter.of(
            stage,
            null,
            entry.sourceGuid(),
            "application/json",
            List.of(new DeadLetter.FieldError("eventTime", reason)),
            Json.mapper().writeValueAsString(what),
            Instant.now()));
  }
}
