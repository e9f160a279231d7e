package io.sanliu.jobs.matching;

import io.sanliu.jobs.state.BlockType;
import io.sanliu.jobs.state.StateTtl;
import java.time.Duration;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps one parcel's documents as they arrive, in any order, and reports the comparison: at once
 * when all four agree (then forgets the parcel) or when one disagrees (and waits for a change that
 * may mend it), and as incomplete when the payment (counted from the order) or the rest (counted
 * from the parcel's first document) is not there in time, in event time. A document sent again
 * replaces the first; a deletion removes it. A completed parcel keeps only a small marker, so a
 * late duplicate is ignored rather than starting a parcel of its own.
 */
public final class ParcelMatchFunction
    extends KeyedProcessFunction<String, ParcelDocument, ParcelOutcome> {
  /** Forgotten anyway after this long without a document: state never grows without bound. */
  static final Duration STATE_TTL = Duration.ofDays(7);

  /**
   * Everything kept of one parcel, as one state value: one TTL-tracked read and write per document
   * instead of four (each access runs the TTL's incremental clean-up, a tenth of the matcher's time
   * when they were four).
   *
   * @param documents what has arrived; null once completed
   * @param orderTime the order's event time (its payment deadline counts from it), or null
   * @param deadline when whatever is still missing is reported and the parcel forgotten, or null
   * @param completed a marker: the parcel matched, late copies are ignored
   */
  public record ParcelState(
      ParcelDocuments documents, Long orderTime, Long deadline, boolean completed) {
    static final ParcelState COMPLETED = new ParcelState(null, null, null, true);
  }

  private final MatchTimeouts timeouts;
  private final ThreeDocumentMatcher matcher = new ThreeDocumentMatcher();
  private transient ValueState<ParcelState> parcel;

  public ParcelMatchFunction(MatchTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext context) {
    ValueStateDescriptor<ParcelState> kept =
        new ValueStateDescriptor<>("parcel", BlockType.of(ParcelState.class));
    kept.enableTimeToLive(StateTtl.of(STATE_TTL));
    parcel = getRuntimeContext().getState(kept);
  }

  @Override
  public void processElement(ParcelDocument doc, Context ctx, Collector<ParcelOutcome> out)
      throws Exception {
    ParcelState state = parcel.value();
    if (state != null && state.completed()) return; // a late copy of a matched parcel
    ParcelDocuments current = state == null ? null : state.documents();
    Long deadline = state == null ? null : state.deadline();
    Long orderTime = state == null ? null : state.orderTime();
    if (current == null) {
      deadline = doc.eventTime().toEpochMilli() + timeouts.complete().toMillis();
      ctx.timerService().registerEventTimeTimer(deadline);
    }
    ParcelDocuments updated =
        doc.applyTo(current == null ? new ParcelDocuments(null, null, null, null) : current);
    if (doc.order() != null && orderTime == null && updated.order() != null) {
      orderTime = doc.order().eventTime().toEpochMilli();
      ctx.timerService().registerEventTimeTimer(orderTime + timeouts.payment().toMillis());
    }
    MatchResult result = matcher.match(updated);
    if (result.status() == MatchStatus.COMPLETE) {
      out.collect(new ParcelOutcome(ctx.getCurrentKey(), result, updated));
      parcel.update(ParcelState.COMPLETED);
      return;
    }
    if (result.status() == MatchStatus.MISMATCH) {
      out.collect(new ParcelOutcome(ctx.getCurrentKey(), result, updated));
    }
    parcel.update(new ParcelState(updated, orderTime, deadline, false));
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ParcelOutcome> out)
      throws Exception {
    ParcelState state = parcel.value();
    if (state == null || state.documents() == null) return; // completed or forgotten meanwhile
    ParcelDocuments docs = state.documents();
    MatchResult result = matcher.match(docs);
    Long ordered = state.orderTime();
    if (ordered != null && timestamp == ordered + timeouts.payment().toMillis()) {
      if (docs.payment() == null && result.status() == MatchStatus.INCOMPLETE) {
        out.collect(new ParcelOutcome(ctx.getCurrentKey(), result, docs));
      }
    }
    Long last = state.deadline();
    if (last != null && timestamp == last) {
      // The last deadline: whatever is still missing is reported, and the parcel forgotten.
      if (result.status() == MatchStatus.INCOMPLETE) {
        out.collect(new ParcelOutcome(ctx.getCurrentKey(), result, docs));
      }
      parcel.clear();
    }
  }
}
