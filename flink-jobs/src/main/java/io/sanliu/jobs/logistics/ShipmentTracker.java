package io.sanliu.jobs.logistics;

import io.sanliu.jobs.state.StateTtl;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The per-waybill state machine. Keeps the parcel's timeline sorted by event time, ignores a report
 * seen before (same ref), reads the timeline through the transition table after every new report
 * and emits the parcel's {@link ShipmentDocument} (not watched yet).
 *
 * <p>Completed stages go to {@link #STAGES} once the watermark has passed their end, so that a
 * report arriving within the bounded out-of-orderness still splits or joins them first; a report
 * later than that still goes on the timeline, but the stages already counted stay counted. Each
 * clean stage is counted twice: under its route, mode and carrier, and for its stage overall.
 *
 * <p>A delivered or returned parcel is kept {@code retention} (event time) for late reports, then
 * forgotten but for a marker, so that a report after that does not start a new, partial document
 * over the full one; reports for it are counted ({@code reportsAfterEnd}) and dropped. Parcels that
 * never end are forgotten after the TTL.
 *
 * <p>Input: {@link Milestone}s keyed by {@link Milestone#waybillKey()}.
 */
public final class ShipmentTracker
    extends KeyedProcessFunction<String, Milestone, ShipmentDocument> {
  /** Longer than any journey: sea freight with ports of call takes weeks. */
  static final Duration STATE_TTL = Duration.ofDays(60);

  /** Completed stages, when settled by the watermark. */
  public static final OutputTag<StageSample> STAGES =
      new OutputTag<>("completed-stages", TypeInformation.of(StageSample.class));

  private final Duration retention;
  private final Duration ttl;
  private transient ValueState<Timeline> timeline;
  private transient ValueState<Long> settledUntil;
  private transient ValueState<Boolean> ended;
  private transient Counter reportsAfterEnd;

  public ShipmentTracker(Duration retention) {
    this(retention, STATE_TTL);
  }

  /** With another state TTL (processing time). */
  public ShipmentTracker(Duration retention, Duration ttl) {
    this.retention = retention;
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext context) {
    StateTtlConfig ttlConfig = StateTtl.of(ttl);
    ValueStateDescriptor<Timeline> t =
        new ValueStateDescriptor<>("timeline", TypeInformation.of(Timeline.class));
    t.enableTimeToLive(ttlConfig);
    timeline = getRuntimeContext().getState(t);
    ValueStateDescriptor<Long> settled = new ValueStateDescriptor<>("settled-until", Types.LONG);
    settled.enableTimeToLive(ttlConfig);
    settledUntil = getRuntimeContext().getState(settled);
    ValueStateDescriptor<Boolean> done = new ValueStateDescriptor<>("ended", Types.BOOLEAN);
    done.enableTimeToLive(ttlConfig);
    ended = getRuntimeContext().getState(done);
    reportsAfterEnd = getRuntimeContext().getMetricGroup().counter("reportsAfterEnd");
  }

  @Override
  public void processElement(Milestone m, Context ctx, Collector<ShipmentDocument> out)
      throws Exception {
    if (Boolean.TRUE.equals(ended.value())) {
      reportsAfterEnd.inc();
      return;
    }
    Timeline current = timeline.value();
    if (current == null) current = Timeline.start(m.logisticsCode(), m.logisticsNo());
    var next = current.with(m);
    if (next.isEmpty()) return; // the same report sent twice
    Timeline t = next.get();
    timeline.update(t);
    ShipmentDocument doc = ShipmentDocument.of(t);
    out.collect(doc);
    long at = m.at().toEpochMilli();
    Long settled = settledUntil.value();
    if (settled == null || at > settled) ctx.timerService().registerEventTimeTimer(at);
    if (doc.ended()) {
      ctx.timerService().registerEventTimeTimer(doc.stateSince().plus(retention).toEpochMilli());
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ShipmentDocument> out)
      throws Exception {
    Timeline t = timeline.value();
    if (t == null) return; // forgotten meanwhile
    Journey j = t.journey();
    settle(t, j, timestamp, ctx);
    if (j.ended() && !j.since().plus(retention).isAfter(Instant.ofEpochMilli(timestamp))) {
      timeline.clear();
      settledUntil.clear();
      ended.update(true);
    }
  }

  /** Emits the clean stages that ended after the last settlement and by {@code until}. */
  private void settle(Timeline t, Journey j, long until, OnTimerContext ctx) throws Exception {
    Long settled = settledUntil.value();
    long from = settled == null ? Long.MIN_VALUE : settled;
    if (until <= from) return;
    ShipmentDocument doc = ShipmentDocument.of(t);
    for (Stage s : j.stages()) {
      long left = s.leftAt().toEpochMilli();
      if (!s.clean() || left <= from || left > until) continue;
      StageKey key = StageKey.of(s.state(), doc.route(), doc.transportMode(), doc.logisticsCode());
      ctx.output(STAGES, new StageSample(key, s.minutes(), s.next(), s.leftAt()));
      ctx.output(
          STAGES, new StageSample(StageKey.overall(s.state()), s.minutes(), s.next(), s.leftAt()));
    }
    settledUntil.update(until);
  }
}
