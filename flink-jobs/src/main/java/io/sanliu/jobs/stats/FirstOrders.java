package io.sanliu.jobs.stats;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes the first new order of each order key (ebpCode:orderNo) and drops the others: a platform
 * that pushes an order again (a replay in a new message, a retry) must not count it twice. Keys are
 * remembered for {@link #REMEMBERED} (state time to live), longer than a day window stays open; the
 * drops are counted in the metric {@code duplicateOrders}.
 */
public final class FirstOrders
    extends KeyedProcessFunction<String, Envelope<Order>, Envelope<Order>> {
  static final Duration REMEMBERED = Duration.ofDays(2);

  private transient ValueState<Boolean> seen;
  private transient Counter duplicates;

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<Boolean> d = new ValueStateDescriptor<>("seen", Types.BOOLEAN);
    d.enableTimeToLive(StateTtlConfig.newBuilder(REMEMBERED).build());
    seen = getRuntimeContext().getState(d);
    duplicates = getRuntimeContext().getMetricGroup().counter("duplicateOrders");
  }

  @Override
  public void processElement(Envelope<Order> order, Context ctx, Collector<Envelope<Order>> out)
      throws Exception {
    if (seen.value() != null) {
      duplicates.inc();
      return;
    }
    seen.update(true);
    out.collect(order);
  }
}
