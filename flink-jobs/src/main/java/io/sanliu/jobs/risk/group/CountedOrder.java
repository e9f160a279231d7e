package io.sanliu.jobs.risk.group;

import java.math.BigDecimal;
import java.time.Instant;

/** What a buyer's annual quota keeps of each order: a year's worth of them, by order key. */
public record CountedOrder(
    String orderKey, String ebcCode, Instant eventTime, BigDecimal taxableValue) {

  public static CountedOrder of(GroupedOrder o) {
    return new CountedOrder(o.orderKey(), o.ebcCode(), o.eventTime(), o.taxableValue());
  }
}
