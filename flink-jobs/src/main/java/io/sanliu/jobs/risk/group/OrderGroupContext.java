package io.sanliu.jobs.risk.group;

import java.util.Comparator;
import java.util.List;

/**
 * What the group rules see when an order comes: the order, the group's recent orders and, for a
 * buyer, the orders counted towards the annual quota. Both lists hold the order itself, one entry
 * per order key (a changed order replaces its earlier version), sorted by event time.
 *
 * @param recent the group's orders within the longest split window in force
 * @param counted the buyer's orders of the last {@link OrderGroupRuleFunction#QUOTA_MEMORY}; empty
 *     for an address group
 */
public record OrderGroupContext(
    GroupedOrder order, List<GroupedOrder> recent, List<CountedOrder> counted) {

  static final Comparator<GroupedOrder> BY_TIME =
      Comparator.comparing(GroupedOrder::eventTime).thenComparing(GroupedOrder::orderKey);
  static final Comparator<CountedOrder> COUNTED_BY_TIME =
      Comparator.comparing(CountedOrder::eventTime).thenComparing(CountedOrder::orderKey);

  public OrderGroupContext {
    recent = recent.stream().sorted(BY_TIME).toList();
    counted = counted.stream().sorted(COUNTED_BY_TIME).toList();
  }
}
