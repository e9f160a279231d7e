package io.sanliu.jobs.risk.group;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.Money;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * 年度限额超限: the order with which a buyer's calendar-year total of taxable values (goods + freight)
 * passes the annual quota, the year taken in the rule's time zone. Only that crossing order is
 * named; the year's later orders are not. One alert per buyer and year.
 */
public final class AnnualQuotaRule implements RiskRule<OrderGroupContext> {
  @Override
  public RuleType type() {
    return RuleType.ANNUAL_QUOTA;
  }

  @Override
  public List<Finding> evaluate(OrderGroupContext c, RuleDefinition rule) {
    GroupedOrder order = c.order();
    if (order.kind() != GroupKind.BUYER) return List.of();
    ZoneId zone = rule.zone("zone");
    BigDecimal quota = rule.decimal("quota");
    int year = yearOf(order.eventTime(), zone);
    // The year's orders in event-time order: the crossing is where the running total passes.
    BigDecimal before = BigDecimal.ZERO;
    CountedOrder crossing = null;
    List<String> earlier = new ArrayList<>();
    for (CountedOrder o : c.counted()) {
      if (yearOf(o.eventTime(), zone) != year) continue;
      BigDecimal after = before.add(o.taxableValue());
      if (after.compareTo(quota) > 0) {
        crossing = o;
        break;
      }
      before = after;
      earlier.add(o.orderKey());
    }
    // Later orders of the year are not the crossing; an order that came late but lies before the
    // crossing may have moved it, so it reports the crossing again (the same alert, updated).
    if (crossing == null || OrderGroupContext.COUNTED_BY_TIME.compare(at(order), crossing) > 0) {
      return List.of();
    }
    BigDecimal after = before.add(crossing.taxableValue());
    return List.of(
        Finding.about(order.buyerHash() + "/" + year)
            .order(crossing.orderKey())
            .enterprise(crossing.ebcCode())
            .entity("buyer", order.buyerHash())
            .explain(
                "订购人 " + year + " 年累计 " + Money.cny(after) + " 元，超过年度限额 " + Money.cny(quota) + " 元",
                "buyer's "
                    + year
                    + " total "
                    + Money.cny(after)
                    + " CNY > annual quota "
                    + Money.cny(quota))
            .evidence("year", year)
            .evidence("zone", zone)
            .evidence("yearTotalBefore", before.toPlainString())
            .evidence("yearTotalAfter", after.toPlainString())
            .evidence("orderTaxableValue", crossing.taxableValue().toPlainString())
            .evidence("quota", quota.toPlainString())
            .evidence("earlierOrders", String.join(",", earlier))
            .score(Finding.excessScore(after.doubleValue(), quota.doubleValue(), false))
            .at(crossing.eventTime())
            .ingestedAt(order.ingestTime())
            .build());
  }

  static int yearOf(Instant time, ZoneId zone) {
    return time.atZone(zone).getYear();
  }

  private static CountedOrder at(GroupedOrder o) {
    return CountedOrder.of(o);
  }
}
