package io.sanliu.jobs.risk.identity;

import io.sanliu.jobs.risk.RuleFamilyFunction;
import io.sanliu.jobs.state.BlockType;
import io.sanliu.jobs.state.StateTtl;
import io.sanliu.jobs.state.Utf8StringType;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleFamily;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.util.Collector;

/**
 * The identity rule over one shared subject (an address, telephone, payer or buyer), keyed by
 * {@link IdentityLink#subjectKey()}. It keeps the identities linked to the subject, by hash, for
 * the longest window in force for the subject's dimension; a link already known (the same order
 * again, e.g. the matcher reporting a parcel twice) changes nothing and raises nothing.
 */
public final class IdentityRuleFunction
    extends RuleFamilyFunction<String, IdentityLink, IdentityContext> {
  /** Forgotten anyway after this long without a link, should a cleanup timer be lost. */
  static final Duration STATE_TTL = Duration.ofDays(400);

  private transient MapState<String, LinkedIdentity> linked;

  public IdentityRuleFunction() {
    super(RuleFamily.IDENTITY, List.of(new IdentityMisuseRule()));
  }

  @Override
  public void open(OpenContext context) {
    MapStateDescriptor<String, LinkedIdentity> d =
        new MapStateDescriptor<>(
            "linked-identities", Utf8StringType.INSTANCE, BlockType.of(LinkedIdentity.class));
    d.enableTimeToLive(StateTtl.of(STATE_TTL));
    linked = getRuntimeContext().getMapState(d);
  }

  @Override
  public void processElement(IdentityLink link, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    Duration memory = memory(ctx, link.dimension());
    if (memory.compareTo(Duration.ZERO) <= 0)
      return; // no rule judges this dimension: nothing to keep
    long watermark = ctx.timerService().currentWatermark();
    if (watermark != Long.MIN_VALUE) prune(watermark - memory.toMillis());
    LinkedIdentity known = linked.get(link.linkedHash());
    if (known != null && known.knows(link)) return;
    if (linked.isEmpty()) scheduleCleanup(ctx, link.eventTime().toEpochMilli(), memory);
    linked.put(link.linkedHash(), known == null ? LinkedIdentity.of(link) : known.with(link));
    List<LinkedIdentity> all = new ArrayList<>();
    for (LinkedIdentity l : linked.values()) all.add(l);
    evaluate(new IdentityContext(link, all), link.tradeMode(), link.ebcCode(), ctx, out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskAlert> out)
      throws Exception {
    Duration memory = memory(ctx, IdentityDimension.ofSubjectKey(ctx.getCurrentKey()));
    prune(timestamp - memory.toMillis());
    // One pending cleanup per subject: the next when its least recent identity leaves the window.
    Long oldest = null;
    for (LinkedIdentity l : linked.values()) {
      long t = l.lastSeen().toEpochMilli();
      if (oldest == null || t < oldest) oldest = t;
    }
    if (oldest != null) scheduleCleanup(ctx, oldest, memory);
  }

  /** The longest window of the rules in force over {@code dimension}; zero when none. */
  private Duration memory(ReadOnlyContext ctx, IdentityDimension dimension) throws Exception {
    Duration longest = Duration.ZERO;
    for (RuleDefinition d : definitions(ctx, RuleType.IDENTITY_MISUSE)) {
      if (!d.parameter("dimension").equals(dimension.name())) continue;
      Duration w = d.duration("window");
      if (w.compareTo(longest) > 0) longest = w;
    }
    return longest;
  }

  private static void scheduleCleanup(ReadOnlyContext ctx, long seen, Duration memory) {
    ctx.timerService().registerEventTimeTimer(seen + memory.toMillis() + 1);
  }

  /** Forgets the identities last seen before {@code horizon} (epoch millis). */
  private void prune(long horizon) throws Exception {
    Iterator<Map.Entry<String, LinkedIdentity>> it = linked.iterator();
    while (it.hasNext()) {
      if (it.next().getValue().lastSeen().toEpochMilli() < horizon) it.remove();
    }
  }
}
