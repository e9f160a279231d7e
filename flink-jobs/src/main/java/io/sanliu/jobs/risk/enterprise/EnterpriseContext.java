package io.sanliu.jobs.risk.enterprise;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import java.time.Instant;
import java.util.Map;

/**
 * What the enterprise rule sees: the enterprise's bucket counts per rule definition, and either the
 * order just counted or, when a bucket closes, the bucket's end.
 *
 * @param order the order just counted; null when a bucket closes
 * @param closedAt the end of the buckets closing; null when an order comes
 * @param counts bucket counts by rule id
 */
public record EnterpriseContext(
    String ebcCode,
    Envelope<Order> order,
    Instant closedAt,
    Map<String, BucketCounts> counts,
    BucketOrders orders) {

  public EnterpriseContext {
    counts = Map.copyOf(counts);
    orders = orders == null ? BucketOrders.NONE : orders;
  }

  public static EnterpriseContext counted(
      Envelope<Order> order, Map<String, BucketCounts> counts, BucketOrders orders) {
    return new EnterpriseContext(order.payload().ebcCode(), order, null, counts, orders);
  }

  public static EnterpriseContext closing(
      String ebcCode, Instant end, Map<String, BucketCounts> counts, BucketOrders orders) {
    return new EnterpriseContext(ebcCode, null, end, counts, orders);
  }

  /** The event time of the order just counted, epoch millis. */
  long orderTime() {
    return EnterpriseRuleFunction.eventTime(order).toEpochMilli();
  }
}
