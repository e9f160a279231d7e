package io.sanliu.jobs.risk.technical;

import io.sanliu.jobs.risk.RuleFamilyFunction;
import io.sanliu.jobs.state.BlockType;
import io.sanliu.jobs.state.StateTtl;
import io.sanliu.jobs.state.Utf8StringType;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleFamily;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.util.Collector;

/**
 * The technical rules (replayed message, rejected burst) over dead letters and business records,
 * keyed by {@link TechnicalSignal#key()}. A replay the gateway refused is judged at once; a record
 * guid is remembered to catch a second copy within the longest {@code window} in force (the state
 * TTL forgets it: a timer per guid cost the whole job its throughput at 500 documents a second); a
 * sender's refusals are gathered into bursts, one per burst definition, forgotten once {@code
 * window} has passed without another. A processing-time TTL bounds all of it in case event time
 * stalls.
 *
 * <p>Input: {@link TechnicalSignal} keyed by {@link TechnicalSignal#key()}.
 */
public final class TechnicalRuleFunction
    extends RuleFamilyFunction<String, TechnicalSignal, TechnicalContext> {
  /** Longer than the default record window (2 h) and than any burst. */
  static final Duration STATE_TTL = Duration.ofHours(6);

  private final Duration ttl;
  private transient ValueState<Sighting> sighting;
  private transient MapState<String, Burst> bursts;

  public TechnicalRuleFunction() {
    this(STATE_TTL);
  }

  /** With another state TTL (processing time): it must exceed the longest window in force. */
  public TechnicalRuleFunction(Duration ttl) {
    super(RuleFamily.TECHNICAL, List.of(new ReplayedMessageRule(), new RejectedBurstRule()));
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext context) {
    StateTtlConfig ttlConfig = StateTtl.of(ttl);
    ValueStateDescriptor<Sighting> seen =
        new ValueStateDescriptor<>("record-sighting", BlockType.of(Sighting.class));
    seen.enableTimeToLive(ttlConfig);
    sighting = getRuntimeContext().getState(seen);
    MapStateDescriptor<String, Burst> byRule =
        new MapStateDescriptor<>("bursts", Utf8StringType.INSTANCE, BlockType.of(Burst.class));
    byRule.enableTimeToLive(ttlConfig);
    bursts = getRuntimeContext().getMapState(byRule);
  }

  @Override
  public void processElement(TechnicalSignal signal, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    switch (signal.kind()) {
      case REPLAY -> evaluate(TechnicalContext.of(signal), null, signal.sender(), ctx, out);
      case RECORD -> seen(signal, ctx, out);
      case REFUSAL -> refused(signal, ctx, out);
    }
  }

  private void seen(TechnicalSignal record, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    Duration remember = longestWindow(ctx);
    if (remember == null) return; // no replay rule in force: nothing to remember for
    Sighting earlier = sighting.value();
    // Remembered no longer than the longest window, even when the watermark lags the timer.
    if (earlier == null || outside(earlier, record, remember)) {
      sighting.update(Sighting.first(record));
      return;
    }
    sighting.update(earlier.again());
    evaluate(new TechnicalContext(record, earlier, Map.of()), null, record.sender(), ctx, out);
  }

  private void refused(TechnicalSignal refusal, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    Map<String, Burst> current = new HashMap<>();
    for (RuleDefinition d : definitions(ctx, RuleType.REJECTED_BURST)) {
      Duration window = d.duration("window");
      Burst b = bursts.get(d.ruleId());
      if (b != null && b.startedAfter(refusal.time(), window)) continue; // an old straggler
      Burst next =
          b != null && b.takes(refusal.time(), window) ? b.with(refusal) : Burst.start(refusal);
      bursts.put(d.ruleId(), next);
      current.put(d.ruleId(), next);
      ctx.timerService().registerEventTimeTimer(next.last().plus(window).toEpochMilli());
    }
    if (current.isEmpty()) return;
    evaluate(new TechnicalContext(refusal, null, current), null, refusal.sender(), ctx, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskAlert> out)
      throws Exception {
    String key = ctx.getCurrentKey();
    Instant now = Instant.ofEpochMilli(timestamp);
    if (key.startsWith(TechnicalSignal.RECORD_PREFIX)) {
      forgetSighting(now, ctx);
    } else if (key.startsWith(TechnicalSignal.SENDER_PREFIX)) {
      forgetBursts(now, ctx);
    }
  }

  /** Forgets a guid once the longest window in force has passed since its first sighting. */
  private void forgetSighting(Instant now, ReadOnlyContext ctx) throws Exception {
    Sighting s = sighting.value();
    if (s == null) return;
    Duration remember = longestWindow(ctx);
    Instant until = remember == null ? now : s.firstSeenAt().plus(remember);
    if (until.isAfter(now)) {
      ctx.timerService().registerEventTimeTimer(until.toEpochMilli()); // a window grew meanwhile
    } else {
      sighting.clear();
    }
  }

  /** Forgets each burst that saw no refusal for its definition's window (or lost its rule). */
  private void forgetBursts(Instant now, ReadOnlyContext ctx) throws Exception {
    Map<String, Duration> windows = new HashMap<>();
    for (RuleDefinition d : definitions(ctx, RuleType.REJECTED_BURST)) {
      windows.put(d.ruleId(), d.duration("window"));
    }
    List<String> over = new ArrayList<>();
    for (Map.Entry<String, Burst> e : bursts.entries()) {
      Duration window = windows.get(e.getKey());
      if (window == null || !e.getValue().last().plus(window).isAfter(now)) over.add(e.getKey());
    }
    for (String ruleId : over) bursts.remove(ruleId);
  }

  private static boolean outside(Sighting earlier, TechnicalSignal record, Duration window) {
    return Duration.between(earlier.firstSeenAt(), record.time()).abs().compareTo(window) > 0;
  }

  private Duration longestWindow(ReadOnlyContext ctx) throws Exception {
    Duration longest = null;
    for (RuleDefinition d : definitions(ctx, RuleType.REPLAYED_MESSAGE)) {
      Duration w = d.duration("window");
      if (longest == null || w.compareTo(longest) > 0) longest = w;
    }
    return longest;
  }
}
