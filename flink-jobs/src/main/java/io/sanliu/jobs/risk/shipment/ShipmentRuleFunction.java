package io.sanliu.jobs.risk.shipment;

import io.sanliu.jobs.risk.RuleFamilyFunction;
import io.sanliu.jobs.state.BlockType;
import io.sanliu.jobs.state.StateTtl;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleFamily;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * The shipment rules (stalled parcel, export not moved) per waybill: keeps what the customs list
 * and the tracking events tell of the parcel, and sets event-time timers where a rule may find
 * something (the latest event plus each {@code silence}, the declaration plus each {@code within}).
 * Rules judge when a timer fires. A delivered or returned parcel is forgotten but for a marker, so
 * a late event does not start it again; everything else is forgotten after the TTL.
 *
 * <p>Input: {@link ShipmentSignal} keyed by {@link ShipmentSignal#waybillKey()}.
 */
public final class ShipmentRuleFunction
    extends RuleFamilyFunction<String, ShipmentSignal, ShipmentContext> {
  /** Longer than any parcel's silence or export wait in force, at compression 1. */
  static final Duration STATE_TTL = Duration.ofDays(7);

  private final Duration ttl;
  private transient ValueState<Shipment> shipment;
  private transient MapState<String, Boolean> seenEvents;
  private transient MapState<String, Boolean> raised;
  private transient ValueState<Boolean> ended;

  public ShipmentRuleFunction() {
    this(STATE_TTL);
  }

  /** With another state TTL (processing time): it must exceed the longest silence and wait. */
  public ShipmentRuleFunction(Duration ttl) {
    super(RuleFamily.SHIPMENT, List.of(new StalledParcelRule(), new ExportNotMovedRule()));
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext context) {
    StateTtlConfig ttlConfig = StateTtl.of(ttl);
    ValueStateDescriptor<Shipment> parcel =
        new ValueStateDescriptor<>("shipment", BlockType.of(Shipment.class));
    parcel.enableTimeToLive(ttlConfig);
    shipment = getRuntimeContext().getState(parcel);
    MapStateDescriptor<String, Boolean> seen =
        new MapStateDescriptor<>("tracking-event-ids", Types.STRING, Types.BOOLEAN);
    seen.enableTimeToLive(ttlConfig);
    seenEvents = getRuntimeContext().getMapState(seen);
    MapStateDescriptor<String, Boolean> alerted =
        new MapStateDescriptor<>("raised-rule-ids", Types.STRING, Types.BOOLEAN);
    alerted.enableTimeToLive(ttlConfig);
    raised = getRuntimeContext().getMapState(alerted);
    ValueStateDescriptor<Boolean> done = new ValueStateDescriptor<>("ended", Types.BOOLEAN);
    done.enableTimeToLive(ttlConfig);
    ended = getRuntimeContext().getState(done);
  }

  @Override
  public void processElement(ShipmentSignal signal, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    if (Boolean.TRUE.equals(ended.value())) return; // late news of a delivered or returned parcel
    Shipment current = shipment.value() == null ? Shipment.NONE : shipment.value();
    Shipment next;
    if (signal.kind() == ShipmentSignal.Kind.TRACKING) {
      if (seenEvents.contains(signal.trackingId())) return; // the same event sent twice
      if (signal.endsJourney()) {
        forget();
        ended.update(true);
        return;
      }
      seenEvents.put(signal.trackingId(), true);
      next = current.tracked(signal);
      // It moved on: what was found about its earlier silence no longer holds.
      if (!next.lastEventAt().equals(current.lastEventAt())) raised.clear();
    } else {
      next = current.listed(signal);
    }
    shipment.update(next);
    arm(next, Long.MIN_VALUE, ctx);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskAlert> out)
      throws Exception {
    Shipment s = shipment.value();
    if (s == null) return; // ended or forgotten meanwhile
    Set<String> already = new HashSet<>();
    for (String ruleId : raised.keys()) already.add(ruleId);
    ShipmentContext context =
        new ShipmentContext(ctx.getCurrentKey(), s, Instant.ofEpochMilli(timestamp), already);
    evaluate(context, s.tradeMode(), s.ebcCode(), ctx, out);
    // A definition changed since the timers were set may be due later: set its timers too.
    arm(s, timestamp, ctx);
  }

  /** Sets the timers after {@code after} at which some definition in force may find something. */
  private void arm(Shipment s, long after, ReadOnlyContext ctx) throws Exception {
    if (s.tracked()) {
      for (RuleDefinition d : definitions(ctx, RuleType.STALLED_PARCEL)) {
        at(s.lastEventAt().plus(d.duration("silence")), after, ctx);
      }
    }
    if (s.exportDeclared() && !s.tracked()) {
      for (RuleDefinition d : definitions(ctx, RuleType.EXPORT_NOT_SHIPPED)) {
        at(s.declTime().plus(d.duration("within")), after, ctx);
      }
    }
  }

  private static void at(Instant due, long after, ReadOnlyContext ctx) {
    long t = due.toEpochMilli();
    if (t > after) ctx.timerService().registerEventTimeTimer(t);
  }

  private void forget() {
    shipment.clear();
    seenEvents.clear();
    raised.clear();
  }

  /** Remembers which rules raised an alert about the parcel's current silence. */
  @Override
  protected void raised(RiskAlert alert) throws Exception {
    raised.put(alert.ruleId(), true);
  }
}
