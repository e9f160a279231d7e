package io.sanliu.jobs.index;

import io.sanliu.jobs.stats.FxPricing;
import io.sanliu.jobs.stats.FxTable;
import io.sanliu.jobs.stats.MissingRateException;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.DeadLetter;
import java.time.Instant;

/**
 * An order as the composite index counts it: its paid amount in yuan cents at the FX rate of its
 * time, and its enterprise. An order in a currency without any rate goes to the dead-letter topic.
 */
public final class OrderValues extends FxPricing<Envelope<Order>, IndexEvent> {
  private final String stage;

  /**
   * @param stage the dead letters' stage, e.g. {@code flink:composite-index}
   */
  public OrderValues(String stage) {
    this.stage = stage;
  }

  @Override
  protected IndexEvent price(Envelope<Order> e, FxTable fx) {
    Order o = e.payload();
    Instant at = o.eventTime() != null ? o.eventTime() : e.eventTime();
    long cents = o.acturalPaid() == null ? 0 : fx.cents(o.acturalPaid(), o.currency(), at);
    return IndexEvent.order(at.toEpochMilli(), cents, o.ebcCode());
  }

  @Override
  protected DeadLetter refusal(Envelope<Order> e, MissingRateException why) {
    return unpriced(stage, e.source(), e.messageGuid(), e, why);
  }
}
