package io.sanliu.jobs.risk.group;

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
 * The group rules (annual quota, split orders) over the orders of one buyer or one delivery
 * address, keyed by {@link GroupedOrder#groupKey()}. It keeps the group's recent orders for the
 * longest split window in force (at most {@link #LONGEST_SPLIT_MEMORY}) and, for a buyer, each
 * order's taxable value for {@link #QUOTA_MEMORY}, by order key: an order sent again or changed
 * replaces its earlier version and is never counted twice.
 */
public final class OrderGroupRuleFunction
    extends RuleFamilyFunction<String, GroupedOrder, OrderGroupContext> {
  /** The most of a group's history a split window can look back on. */
  static final Duration LONGEST_SPLIT_MEMORY = Duration.ofDays(1);

  /** A calendar year in any time zone, and some: the year's first order is kept to its end. */
  static final Duration QUOTA_MEMORY = Duration.ofDays(400);

  private transient MapState<String, GroupedOrder> recent;
  private transient MapState<String, CountedOrder> counted;

  public OrderGroupRuleFunction() {
    super(RuleFamily.ORDER_GROUP, List.of(new AnnualQuotaRule(), new SplitOrdersRule()));
  }

  @Override
  public void open(OpenContext context) {
    MapStateDescriptor<String, GroupedOrder> r =
        new MapStateDescriptor<>(
            "recent-orders", Utf8StringType.INSTANCE, BlockType.of(GroupedOrder.class));
    // Timers prune by event time; the TTL only catches what a lost timer would leave behind.
    r.enableTimeToLive(StateTtl.of(LONGEST_SPLIT_MEMORY.multipliedBy(2)));
    recent = getRuntimeContext().getMapState(r);
    MapStateDescriptor<String, CountedOrder> q =
        new MapStateDescriptor<>(
            "quota-orders", Utf8StringType.INSTANCE, BlockType.of(CountedOrder.class));
    q.enableTimeToLive(StateTtl.of(QUOTA_MEMORY));
    counted = getRuntimeContext().getMapState(q);
  }

  @Override
  public void processElement(GroupedOrder order, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    if (isRepeat(order)) return; // sent again unchanged: already counted and judged
    Duration memory = splitMemory(ctx);
    long watermark = ctx.timerService().currentWatermark();
    if (watermark != Long.MIN_VALUE) prune(watermark - memory.toMillis());
    if (memory.compareTo(Duration.ZERO) > 0) {
      if (recent.isEmpty()) scheduleCleanup(ctx, order.eventTime().toEpochMilli(), memory);
      recent.put(order.orderKey(), order);
    }
    List<CountedOrder> buyerYear = List.of();
    if (order.kind() == GroupKind.BUYER && !definitions(ctx, RuleType.ANNUAL_QUOTA).isEmpty()) {
      counted.put(order.orderKey(), CountedOrder.of(order));
      buyerYear = countedSince(order.eventTime().minus(QUOTA_MEMORY).toEpochMilli());
    }
    List<GroupedOrder> orders = new ArrayList<>();
    for (GroupedOrder o : recent.values()) orders.add(o);
    if (memory.compareTo(Duration.ZERO) <= 0) orders.add(order);
    evaluate(
        new OrderGroupContext(order, orders, buyerYear),
        order.tradeMode(),
        order.ebcCode(),
        ctx,
        out);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskAlert> out)
      throws Exception {
    Duration memory = splitMemory(ctx);
    prune(timestamp - memory.toMillis());
    // One pending cleanup per group: the next when its oldest remaining order leaves the window.
    Long oldest = null;
    for (GroupedOrder o : recent.values()) {
      long t = o.eventTime().toEpochMilli();
      if (oldest == null || t < oldest) oldest = t;
    }
    if (oldest != null) scheduleCleanup(ctx, oldest, memory);
  }

  private boolean isRepeat(GroupedOrder order) throws Exception {
    if (order.sameFacts(recent.get(order.orderKey()))) return true;
    CountedOrder known = order.kind() == GroupKind.BUYER ? counted.get(order.orderKey()) : null;
    return known != null && known.equals(CountedOrder.of(order));
  }

  /** The longest split window in force, at most {@link #LONGEST_SPLIT_MEMORY}. */
  private Duration splitMemory(ReadOnlyContext ctx) throws Exception {
    Duration longest = Duration.ZERO;
    for (RuleDefinition d : definitions(ctx, RuleType.SPLIT_ORDERS)) {
      Duration w = d.duration("window");
      if (w.compareTo(longest) > 0) longest = w;
    }
    return longest.compareTo(LONGEST_SPLIT_MEMORY) > 0 ? LONGEST_SPLIT_MEMORY : longest;
  }

  private static void scheduleCleanup(ReadOnlyContext ctx, long orderTime, Duration memory) {
    // Just past the window's end: an order exactly one window old still counts.
    ctx.timerService().registerEventTimeTimer(orderTime + memory.toMillis() + 1);
  }

  /** Forgets the recent orders before {@code horizon} (epoch millis). */
  private void prune(long horizon) throws Exception {
    Iterator<Map.Entry<String, GroupedOrder>> it = recent.iterator();
    while (it.hasNext()) {
      if (it.next().getValue().eventTime().toEpochMilli() < horizon) it.remove();
    }
  }

  /** The buyer's counted orders from {@code horizon} on, forgetting the older ones. */
  private List<CountedOrder> countedSince(long horizon) throws Exception {
    List<CountedOrder> kept = new ArrayList<>();
    Iterator<Map.Entry<String, CountedOrder>> it = counted.iterator();
    while (it.hasNext()) {
      CountedOrder o = it.next().getValue();
      if (o.eventTime().toEpochMilli() < horizon) it.remove();
      else kept.add(o);
    }
    return kept;
  }
}
