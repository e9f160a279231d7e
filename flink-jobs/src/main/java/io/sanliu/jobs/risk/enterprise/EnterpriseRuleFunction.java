package io.sanliu.jobs.risk.enterprise;

import io.sanliu.jobs.risk.RuleFamilyFunction;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleFamily;
import io.sanliu.model.risk.RuleType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.util.Collector;

/**
 * The enterprise rule (volume spike) over one enterprise's orders, keyed by {@code ebcCode} (the
 * job leaves out orders without one). Each volume-spike definition counts in slices of its own step
 * ({@link SpikeWindow}), kept per rule id and started afresh when the step changes. An order key is
 * counted once while the windows holding it are open: keys are forgotten a window length after
 * their time. Rules judge each order as it is counted, and each window again when its last slice
 * closes (event-time timer at the slice's end).
 */
public final class EnterpriseRuleFunction
    extends RuleFamilyFunction<String, Envelope<Order>, EnterpriseContext>
    implements CheckpointedFunction {
  private transient MapState<String, BucketCounts> counts;
  private transient MapState<String, Long> seen;

  /**
   * The first watermark this operator saw: since then the engine has been watching every
   * enterprise, so the windows of one that placed no order count as zero in its baseline. Without
   * it a small enterprise's history would begin with its first order, and a spike that is its first
   * orders could never be judged. Union state: after a rescale every subtask takes the earliest.
   */
  private transient long watchingSince;

  private transient ListState<Long> watchingSinceState;

  public EnterpriseRuleFunction() {
    super(RuleFamily.ENTERPRISE, List.of(new VolumeSpikeRule()));
  }

  @Override
  public void open(OpenContext context) {
    counts =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "bucket-counts", Types.STRING, TypeInformation.of(BucketCounts.class)));
    seen =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("counted-orders", Types.STRING, Types.LONG));
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    watchingSinceState =
        context
            .getOperatorStateStore()
            .getUnionListState(new ListStateDescriptor<>("watching-since", Types.LONG));
    watchingSince = Long.MAX_VALUE;
    for (Long t : watchingSinceState.get()) watchingSince = Math.min(watchingSince, t);
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    watchingSinceState.clear();
    if (watchingSince != Long.MAX_VALUE) watchingSinceState.add(watchingSince);
  }

  static Instant eventTime(Envelope<Order> e) {
    return e.payload().eventTime() != null ? e.payload().eventTime() : e.eventTime();
  }

  @Override
  public void processElement(Envelope<Order> order, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    if (order.payload().appType() == AppType.DELETE || eventTime(order) == null) return;
    List<RuleDefinition> rules = definitions(ctx, RuleType.VOLUME_SPIKE);
    if (rules.isEmpty()) return;
    long watermark = ctx.timerService().currentWatermark();
    if (watchingSince == Long.MAX_VALUE && watermark > Long.MIN_VALUE) watchingSince = watermark;
    if (seen.contains(order.key())) return; // sent again or changed: counted already
    long time = eventTime(order).toEpochMilli();
    seen.put(order.key(), time);
    for (RuleDefinition rule : rules) {
      SpikeWindow w = SpikeWindow.of(rule);
      if (w == null) continue;
      BucketCounts h = counts.get(rule.ruleId());
      if (h == null || h.bucketMillis() != w.sliceMillis()) {
        h = BucketCounts.empty(w.sliceMillis()).since(watchingSince);
      }
      counts.put(rule.ruleId(), h.add(time));
      ctx.timerService().registerEventTimeTimer(h.startOf(time) + w.sliceMillis());
      // When the last window holding the order closes, it is forgotten.
      ctx.timerService().registerEventTimeTimer(h.startOf(time) + w.windowMillis());
    }
    evaluate(
        EnterpriseContext.counted(order, snapshot(), this::between),
        null, // an enterprise's volume is of no one trade mode
        order.payload().ebcCode(),
        ctx,
        out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskAlert> out)
      throws Exception {
    List<RuleDefinition> rules = definitions(ctx, RuleType.VOLUME_SPIKE);
    evaluate(
        EnterpriseContext.closing(
            ctx.getCurrentKey(), Instant.ofEpochMilli(timestamp), snapshot(), this::between),
        null,
        ctx.getCurrentKey(),
        ctx,
        out);
    // Then forget what no rule in force needs: counts of removed rules, counts no window closing
    // from now on looks at, and the orders no open window of any rule holds (an order is counted
    // once while its windows are open).
    Map<String, Long> keepFrom = new HashMap<>();
    List<SpikeWindow> windows = new ArrayList<>();
    for (RuleDefinition r : rules) {
      SpikeWindow w = SpikeWindow.of(r);
      if (w == null) continue;
      windows.add(w);
      keepFrom.put(r.ruleId(), timestamp - w.memoryMillis(r));
    }
    Map<String, BucketCounts> shorter = new HashMap<>();
    Iterator<Map.Entry<String, BucketCounts>> rule = counts.iterator();
    while (rule.hasNext()) {
      Map.Entry<String, BucketCounts> e = rule.next();
      Long from = keepFrom.get(e.getKey());
      if (from == null) {
        rule.remove();
      } else {
        BucketCounts kept = e.getValue().forgetBefore(from);
        if (kept != e.getValue()) shorter.put(e.getKey(), kept);
      }
    }
    counts.putAll(shorter);
    Iterator<Map.Entry<String, Long>> order = seen.iterator();
    while (order.hasNext()) {
      long time = order.next().getValue();
      if (windows.stream().noneMatch(w -> w.holdsAfter(time, timestamp))) order.remove();
    }
  }

  private Map<String, BucketCounts> snapshot() throws Exception {
    Map<String, BucketCounts> m = new HashMap<>();
    for (Map.Entry<String, BucketCounts> e : counts.entries()) m.put(e.getKey(), e.getValue());
    return m;
  }

  /** The counted orders in {@code [from, to)}: only when a rule fires. */
  private List<BucketOrders.SeenOrder> between(long from, long to) {
    try {
      List<BucketOrders.SeenOrder> l = new ArrayList<>();
      for (Map.Entry<String, Long> e : seen.entries()) {
        if (e.getValue() >= from && e.getValue() < to) {
          l.add(new BucketOrders.SeenOrder(e.getKey(), e.getValue()));
        }
      }
      l.sort(
          Comparator.comparingLong(BucketOrders.SeenOrder::time)
              .thenComparing(BucketOrders.SeenOrder::orderKey));
      return l;
    } catch (Exception e) {
      throw new IllegalStateException("reading the counted orders", e);
    }
  }

  /** Records the window each alert was raised for, in its rule's counts. */
  @Override
  protected void raised(RiskAlert alert) throws Exception {
    BucketCounts h = counts.get(alert.ruleId());
    String start = alert.evidence().get("bucketStart");
    if (h != null && start != null) {
      counts.put(alert.ruleId(), h.withRaised(Instant.parse(start).toEpochMilli()));
    }
  }
}
