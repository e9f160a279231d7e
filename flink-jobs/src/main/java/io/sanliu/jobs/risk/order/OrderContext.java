package io.sanliu.jobs.risk.order;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.Order;
import io.sanliu.model.simulation.NegativeListEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the order rules see: one order as it came in, the goods filings of its lines (by item no)
 * and the negative list.
 */
public record OrderContext(
    Envelope<Order> envelope,
    Map<String, GoodsFiling> filingsByItemNo,
    List<NegativeListEntry> negativeList) {

  public Order order() {
    return envelope.payload();
  }

  public String orderKey() {
    return envelope.key();
  }

  /** Retail import: 9610 or 1210, direction I (the single limit and annual quota apply). */
  public boolean retailImport() {
    return order().retailImport();
  }

  /** Goods plus freight: the taxable value an order alone shows (insurance is on the list). */
  public BigDecimal taxableValue() {
    return order().taxableValue();
  }
}
