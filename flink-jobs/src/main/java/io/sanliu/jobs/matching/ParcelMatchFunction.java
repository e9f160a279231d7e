package io.sanliu.jobs.matching;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
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

  private final MatchTimeouts timeouts;
  private final ThreeDocumentMatcher matcher = new ThreeDocumentMatcher();
  private transient ValueState<ParcelDocuments> documents;
  private transient ValueState<Long> orderTime;
  private transient ValueState<Long> deadline;
  private transient ValueState<Boolean> completed;

  public ParcelMatchFunction(MatchTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext context) {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(STATE_TTL).build();
    ValueStateDescriptor<ParcelDocuments> docs =
        new ValueStateDescriptor<>("documents", TypeInformation.of(ParcelDocuments.class));
    docs.enableTimeToLive(ttl);
    documents = getRuntimeContext().getState(docs);
    ValueStateDescriptor<Long> time = new ValueStateDescriptor<>("order-time", Long.class);
    time.enableTimeToLive(ttl);
    orderTime = getRuntimeContext().getState(time);
    ValueStateDescriptor<Long> last = new ValueStateDescriptor<>("deadline", Long.class);
    last.enableTimeToLive(ttl);
    deadline = getRuntimeContext().getState(last);
    ValueStateDescriptor<Boolean> done = new ValueStateDescriptor<>("completed", Boolean.class);
    done.enableTimeToLive(ttl);
    completed = getRuntimeContext().getState(done);
  }

  @Override
  public void processElement(ParcelDocument doc, Context ctx, Collector<ParcelOutcome> out)
      throws Exception {
    if (Boolean.TRUE.equals(completed.value())) return; // a late copy of a matched parcel
    ParcelDocuments current = documents.value();
    if (current == null) {
      long last = doc.eventTime().toEpochMilli() + timeouts.complete().toMillis();
      deadline.update(last);
      ctx.timerService().registerEventTimeTimer(last);
    }
    ParcelDocuments updated =
        doc.applyTo(current == null ? new ParcelDocuments(null, null, null, null) : current);
    if (doc.order() != null && orderTime.value() == null && updated.order() != null) {
      long t = doc.order().eventTime().toEpochMilli();
      orderTime.update(t);
      ctx.timerService().registerEventTimeTimer(t + timeouts.payment().toMillis());
    }
    MatchResult result = matcher.match(updated);
    if (result.status() == MatchStatus.COMPLETE) {
      out.collect(new ParcelOutcome(ctx.getCurrentKey(), result, updated));
      clear();
      completed.update(true);
      return;
    }
    if (result.status() == MatchStatus.MISMATCH) {
      out.collect(new ParcelOutcome(ctx.getCurrentKey(), result, updated));
    }
    documents.update(updated);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ParcelOutcome> out)
      throws Exception {
    ParcelDocuments docs = documents.value();
    if (docs == null) return; // completed or forgotten meanwhile
    MatchResult result = matcher.match(docs);
    Long ordered = orderTime.value();
    if (ordered != null && timestamp == ordered + timeouts.payment().toMillis()) {
      if (docs.payment() == null && result.status() == MatchStatus.INCOMPLETE) {
        out.collect(new ParcelOutcome(ctx.getCurrentKey(), result, docs));
      }
    }
    Long last = deadline.value();
    if (last != null && timestamp == last) {
      // The last deadline: whatever is still missing is reported, and the parcel forgotten.
      if (result.status() == MatchStatus.INCOMPLETE) {
        out.collect(new ParcelOutcome(ctx.getCurrentKey(), result, docs));
      }
      clear();
    }
  }

  private void clear() {
    documents.clear();
    orderTime.clear();
    deadline.clear();
  }
}
