package io.sanliu.jobs.risk.order;

import io.sanliu.jobs.risk.RuleFamilyFunction;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleFamily;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;

/**
 * The order rules (single limit, undervaluation, negative list) over each order as it comes, keyed
 * by order key; no keyed state: what they need besides the order is broadcast.
 */
public final class OrderRuleFunction
    extends RuleFamilyFunction<String, Envelope<Order>, OrderContext> {

  public OrderRuleFunction() {
    super(
        RuleFamily.ORDER,
        List.of(new SingleLimitRule(), new UndervaluationRule(), new NegativeListRule()));
  }

  @Override
  public void processElement(
      Envelope<Order> envelope, ReadOnlyContext ctx, Collector<RiskAlert> out) throws Exception {
    Order order = envelope.payload();
    if (order.appType() == AppType.DELETE) return;
    Map<String, GoodsFiling> filings = new HashMap<>();
    if (order.items() != null) {
      for (OrderItem item : order.items()) {
        GoodsFiling f = filing(ctx, order.ebcCode(), item.itemNo());
        if (f != null) filings.put(item.itemNo(), f);
      }
    }
    evaluate(
        new OrderContext(envelope, filings, negativeList(ctx)),
        order.tradeMode(),
        order.ebcCode(),
        ctx,
        out);
  }
}
