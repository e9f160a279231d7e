package io.sanliu.jobs.stats;

import io.sanliu.model.Json;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.DeadLetter;
import java.time.Instant;
import java.util.List;

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
    return DeadLetter.of(
        stage,
        order.source(),
        order.messageGuid(),
        "application/json",
        List.of(new DeadLetter.FieldError("currency", why.getMessage())),
        json(order),
        Instant.now());
  }

  static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (Exception e) {
      return String.valueOf(value);
    }
  }
}
