package io.sanliu.jobs.stats;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.DeadLetter;

/** The platform caliber's facts: new orders in yuan. */
public final class OrderFacts extends FxPricing<Envelope<Order>, TradeFact> {
  private final String stage;

  /**
   * @param stage the dead letters' stage, e.g. {@code flink:trade-statistics}
   */
  public OrderFacts(String stage) {
    this.stage = stage;
  }

  @Override
  protected TradeFact price(Envelope<Order> order, FxTable fx) {
    return TradeFacts.ofOrder(order, fx);
  }

  @Override
  protected DeadLetter refusal(Envelope<Order> order, MissingRateException why) {
    return unpriced(stage, order.source(), order.messageGuid(), order, why);
  }
}
