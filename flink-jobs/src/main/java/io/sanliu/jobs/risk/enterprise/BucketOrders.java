package io.sanliu.jobs.risk.enterprise;

import java.util.List;

/**
 * The enterprise's orders in a stretch of event time, looked up only when a rule fires (a busy
 * enterprise's bucket holds many).
 */
@FunctionalInterface
public interface BucketOrders {
  /** The orders with event time in {@code [from, to)} (epoch millis), earliest first. */
  List<SeenOrder> between(long from, long to);

  /** An order counted: its key and event time (epoch millis). */
  record SeenOrder(String orderKey, long time) {}

  BucketOrders NONE = (from, to) -> List.of();
}
