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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * The enterprise rule (volume spike) over one enterprise's orders, keyed by {@code ebcCode} (the
 * job leaves out orders without one). Each volume-spike definition counts in buckets of its own
 * length, kept per rule id ({@code baselineBuckets + 2}: the baseline, the bucket filling, and the
 * one closing while the next has begun) and started afresh when its length changes. An order key is
 * counted once within its bucket: keys are kept until every rule's bucket holding them has closed.
 * Rules judge each order as it is counted, and each bucket again when it closes (event-time timer
 * at its end).
 */
public final class EnterpriseRuleFunction
    extends RuleFamilyFunction<String, Envelope<Order>, EnterpriseContext> {
  private transient MapState<String, BucketCounts> counts;
  private transient MapState<String, Long> seen;

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

  static Instant eventTime(Envelope<Order> e) {
    return e.payload().eventTime() != null ? e.payload().eventTime() : e.eventTime();
  }

  @Override
  public void processElement(Envelope<Order> order, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    if (order.payload().appType() == AppType.DELETE || eventTime(order) == null) return;
    List<RuleDefinition> rules = definitions(ctx, RuleType.VOLUME_SPIKE);
    if (rules.isEmpty()) return;
    if (seen.contains(order.key())) return; // sent again or changed: counted already
    long time = eventTime(order).toEpochMilli();
    seen.put(order.key(), time);
    for (RuleDefinition rule : rules) {
      long bucket = rule.duration("bucket").toMillis();
      if (bucket <= 0) continue;
      int capacity = (int) rule.count("baselineBuckets") + 2;
      BucketCounts h = counts.get(rule.ruleId());
      if (h == null || h.bucketMillis() != bucket) h = BucketCounts.empty(bucket, capacity);
      counts.put(rule.ruleId(), h.add(time, capacity));
      ctx.timerService().registerEventTimeTimer(h.startOf(time) + bucket);
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
    // Then forget what no rule in force needs: counts of removed rules, and the orders of buckets
    // closed for every rule (an order is counted once within its bucket).
    Set<String> ids = new HashSet<>();
    long oldestOpen = Long.MAX_VALUE;
    for (RuleDefinition r : rules) {
      ids.add(r.ruleId());
      long bucket = r.duration("bucket").toMillis();
      if (bucket > 0) oldestOpen = Math.min(oldestOpen, Math.floorDiv(timestamp, bucket) * bucket);
    }
    Iterator<String> rule = counts.keys().iterator();
    while (rule.hasNext()) {
      if (!ids.contains(rule.next())) rule.remove();
    }
    Iterator<Map.Entry<String, Long>> order = seen.iterator();
    while (order.hasNext()) {
      if (order.next().getValue() < oldestOpen) order.remove();
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
}
