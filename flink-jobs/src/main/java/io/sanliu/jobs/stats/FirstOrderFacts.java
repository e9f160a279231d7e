package io.sanliu.jobs.stats;

import io.sanliu.jobs.state.StateTtl;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.fx.FxRate;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The platform caliber's facts: the first new order of each order key (ebpCode:orderNo), in yuan. A
 * platform that pushes an order again (a replay in a new message, a retry) must not count it twice;
 * keys are remembered for {@link #REMEMBERED} (state time to live), longer than a day window stays
 * open, and the drops are counted in the metric {@code duplicateOrders}. An order whose currency
 * has no rate goes to {@link FxPricing#UNPRICED}.
 *
 * <p>Keeping the order and pricing it in one operator spares the job a hop: the whole order would
 * otherwise be serialised once more between the two (docs/statistics.md, "Throughput").
 */
public final class FirstOrderFacts
    extends KeyedBroadcastProcessFunction<String, Envelope<Order>, FxRate, TradeFact> {
  static final Duration REMEMBERED = Duration.ofDays(2);

  private final String stage;
  private final RateBook book = new RateBook();
  private transient ValueState<Boolean> seen;
  private transient Counter duplicates;

  /**
   * @param stage the dead letters' stage, e.g. {@code flink:trade-statistics}
   */
  public FirstOrderFacts(String stage) {
    this.stage = stage;
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<Boolean> d = new ValueStateDescriptor<>("seen", Types.BOOLEAN);
    d.enableTimeToLive(StateTtl.of(REMEMBERED));
    seen = getRuntimeContext().getState(d);
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateOrders");
  }

  @Override
  public void processElement(Envelope<Order> order, ReadOnlyContext ctx, Collector<TradeFact> out)
      throws Exception {
    if (seen.value() != null) {
      duplicates.inc();
      return;
    }
    seen.update(true);
    book.price(
        order,
        ctx,
        out,
        TradeFacts::ofOrder,
        e -> FxPricing.unpriced(stage, order.source(), order.messageGuid(), order, e));
  }

  @Override
  public void processBroadcastElement(FxRate rate, Context ctx, Collector<TradeFact> out)
      throws Exception {
    book.add(ctx.getBroadcastState(FxPricing.RATES), rate);
  }
}
