package io.sanliu.jobs.risk.group;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.Money;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.jobs.risk.Spans;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * 疑似拆单: orders of one buyer or to one address (the rule's {@code group}) within {@code window} of
 * event time, each under the single {@code limit} (by amount paid), at least two, together over it.
 * The finding names every order of the window, and its subject is the group and the window's first
 * order, so the later orders of one split update one alert.
 */
public final class SplitOrdersRule implements RiskRule<OrderGroupContext> {
  @Override
  public RuleType type() {
    return RuleType.SPLIT_ORDERS;
  }

  @Override
  public List<Finding> evaluate(OrderGroupContext c, RuleDefinition rule) {
    GroupedOrder order = c.order();
    if (order.kind() != GroupKind.valueOf(rule.parameter("group"))) return List.of();
    BigDecimal limit = rule.decimal("limit");
    Duration window = rule.duration("window");
    if (!underLimit(order, limit)) return List.of(); // over the limit on its own: not a split
    List<GroupedOrder> under = c.recent().stream().filter(o -> underLimit(o, limit)).toList();
    Instant earliest = order.eventTime().minus(window);
    // Windows [start, start + window] holding the new order, earliest start first: orders that
    // came out of order may lie after the new one.
    for (GroupedOrder first : under) {
      if (first.eventTime().isBefore(earliest)) continue;
      if (first.eventTime().isAfter(order.eventTime())) break;
      Instant end = first.eventTime().plus(window);
      List<GroupedOrder> inWindow =
          under.stream()
              .filter(
                  o -> !o.eventTime().isBefore(first.eventTime()) && !o.eventTime().isAfter(end))
              .toList();
      BigDecimal total =
          inWindow.stream().map(GroupedOrder::acturalPaid).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (inWindow.size() >= 2 && total.compareTo(limit) > 0) {
        return List.of(finding(order, inWindow, total, limit, window));
      }
    }
    return List.of();
  }

  private static boolean underLimit(GroupedOrder o, BigDecimal limit) {
    return o.acturalPaid() != null && o.acturalPaid().compareTo(limit) < 0;
  }

  private static Finding finding(
      GroupedOrder order,
      List<GroupedOrder> split,
      BigDecimal total,
      BigDecimal limit,
      Duration window) {
    GroupedOrder first = split.get(0);
    GroupedOrder last = split.get(split.size() - 1);
    GroupKind kind = order.kind();
    List<String> amounts = new ArrayList<>();
    for (GroupedOrder o : split) amounts.add(o.orderKey() + "=" + o.acturalPaid().toPlainString());
    long buyers = split.stream().map(GroupedOrder::buyerHash).distinct().count();
    return Finding.about(order.groupKey() + "/" + first.orderKey())
        .orders(split.stream().map(GroupedOrder::orderKey).toList())
        .enterprise(order.ebcCode())
        .entity(kind.role(), order.subjectHash())
        .explain(
            kind.zh()
                + " "
                + Spans.zh(window)
                + "内 "
                + split.size()
                + " 笔订单各低于 "
                + Money.cny(limit)
                + " 元，合计 "
                + Money.cny(total)
                + " 元，超过单笔限值",
            split.size()
                + " orders of "
                + kind.en()
                + " within "
                + Spans.en(window)
                + ", each under "
                + Money.cny(limit)
                + " CNY, together "
                + Money.cny(total)
                + " CNY > single limit "
                + Money.cny(limit))
        .evidence("group", kind)
        .evidence("orders", split.size())
        .evidence("buyers", buyers)
        .evidence("totalPaid", total.toPlainString())
        .evidence("limit", limit.toPlainString())
        .evidence("window", window)
        .evidence("firstOrderAt", first.eventTime())
        .evidence("lastOrderAt", last.eventTime())
        .evidence("amountsPaid", String.join(",", amounts))
        .score(Finding.excessScore(total.doubleValue(), limit.doubleValue(), false))
        .at(first.eventTime())
        .ingestedAt(order.ingestTime())
        .build();
  }
}
