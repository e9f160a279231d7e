package io.sanliu.jobs.logistics;

import io.sanliu.jobs.state.StateTtl;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Watches each waybill's current stage against the usual durations: marks the parcel stalled when
 * the stage outlasts its {@link StallPolicy} limit (an event-time timer at the stage's start plus
 * the limit), clears the mark when the parcel moves on, and forecasts its delivery ({@link
 * DeliveryForecast}). The usual durations come from {@link StageStatistics} as broadcast state:
 * they are computed from the same reports upstream, so no loop is needed.
 *
 * <p>A limit is set when a stage begins, from the history then known; when the timer fires, the
 * limit is read again, and if the history has since made it longer, the timer moves there (a
 * history that made it shorter is noticed at the old time). This marks the shipment's state for the
 * screens and tracing; the risk engine's STALLED_PARCEL rule raises the alerts.
 *
 * <p>Input: {@link ShipmentDocument}s keyed by {@link ShipmentDocument#waybillKey()}; broadcast:
 * {@link StageSummary}s. Output: the documents with the watch fields set.
 */
public final class ShipmentWatch
    extends KeyedBroadcastProcessFunction<
        String, ShipmentDocument, StageSummary, ShipmentDocument> {
  /** The usual durations by {@link StageKey#id()}. */
  public static final MapStateDescriptor<String, StageSummary> STAGES =
      new MapStateDescriptor<>(
          "stage-summaries", Types.STRING, TypeInformation.of(StageSummary.class));

  private final StallPolicy policy;
  private final Duration ttl;
  private transient ValueState<ShipmentDocument> watched;
  private transient ValueState<Long> deadline;

  public ShipmentWatch(StallPolicy policy) {
    this(policy, ShipmentTracker.STATE_TTL);
  }

  /** With another state TTL (processing time). */
  public ShipmentWatch(StallPolicy policy, Duration ttl) {
    this.policy = policy;
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext context) {
    StateTtlConfig ttlConfig = StateTtl.of(ttl);
    ValueStateDescriptor<ShipmentDocument> doc =
        new ValueStateDescriptor<>("watched-shipment", TypeInformation.of(ShipmentDocument.class));
    doc.enableTimeToLive(ttlConfig);
    watched = getRuntimeContext().getState(doc);
    ValueStateDescriptor<Long> due = new ValueStateDescriptor<>("stall-deadline", Types.LONG);
    due.enableTimeToLive(ttlConfig);
    deadline = getRuntimeContext().getState(due);
  }

  @Override
  public void processBroadcastElement(
      StageSummary summary, Context ctx, Collector<ShipmentDocument> out) throws Exception {
    ctx.getBroadcastState(STAGES).put(summary.key(), summary);
  }

  @Override
  public void processElement(
      ShipmentDocument doc, ReadOnlyContext ctx, Collector<ShipmentDocument> out) throws Exception {
    ShipmentDocument before = watched.value();
    if (doc.ended() || doc.state() == null) {
      // Nothing to watch any more: no stall, no forecast, nothing kept.
      unschedule(ctx);
      watched.clear();
      out.collect(doc);
      return;
    }
    StageBook book = book(ctx);
    StageKey key = StageKey.of(doc);
    Duration limit = policy.limit(book.usual(key));
    Instant due = doc.stateSince().plus(limit);
    // A report that did not change the stage (a repeat, a late earlier report) leaves a stall be.
    boolean stillStalled = before != null && before.stalled() && before.sameStage(doc);
    Instant now = now(ctx.timerService().currentWatermark(), doc.lastEventAt());
    ShipmentDocument result =
        doc.watched(
            stillStalled,
            stillStalled ? before.stalledSince() : null,
            limit,
            DeliveryForecast.eta(key, doc.stateSince(), now, book).orElse(null));
    watched.update(result);
    if (stillStalled) {
      unschedule(ctx);
    } else {
      schedule(due.toEpochMilli(), ctx);
    }
    out.collect(result);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ShipmentDocument> out)
      throws Exception {
    ShipmentDocument doc = watched.value();
    Long due = deadline.value();
    if (doc == null || due == null || due != timestamp || doc.stalled()) return;
    deadline.clear();
    StageBook book = book(ctx);
    StageKey key = StageKey.of(doc);
    Duration limit = policy.limit(book.usual(key));
    Instant stalledAt = doc.stateSince().plus(limit);
    if (stalledAt.toEpochMilli() > timestamp) {
      // The history grew and the stage's limit with it: not stalled yet.
      schedule(stalledAt.toEpochMilli(), ctx);
      return;
    }
    Instant now = Instant.ofEpochMilli(timestamp);
    Optional<Instant> eta = DeliveryForecast.eta(key, doc.stateSince(), now, book);
    ShipmentDocument stalled = doc.watched(true, stalledAt, limit, eta.orElse(null));
    watched.update(stalled);
    out.collect(stalled);
  }

  private static StageBook book(ReadOnlyContext ctx) {
    var state = ctx.getBroadcastState(STAGES);
    return new StageBook(state::get);
  }

  private void schedule(long at, ReadOnlyContext ctx) throws Exception {
    Long current = deadline.value();
    if (current != null && current == at) return;
    if (current != null) ctx.timerService().deleteEventTimeTimer(current);
    ctx.timerService().registerEventTimeTimer(at);
    deadline.update(at);
  }

  private void unschedule(ReadOnlyContext ctx) throws Exception {
    Long current = deadline.value();
    if (current != null) ctx.timerService().deleteEventTimeTimer(current);
    deadline.clear();
  }

  /** The event time of a forecast: the watermark, or the latest report when that is later. */
  private static Instant now(long watermark, Instant lastEventAt) {
    Instant mark = watermark == Long.MIN_VALUE ? null : Instant.ofEpochMilli(watermark);
    if (mark == null) return lastEventAt;
    if (lastEventAt == null) return mark;
    return mark.isAfter(lastEventAt) ? mark : lastEventAt;
  }
}
