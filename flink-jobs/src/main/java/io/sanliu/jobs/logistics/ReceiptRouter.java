package io.sanliu.jobs.logistics;

import io.sanliu.jobs.state.StateTtl;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives list receipts their waybill. Keyed by the key a receipt carries (the order key, or the
 * list's own numbers): the customs list under that key names the waybill ({@link ListLink}); a
 * receipt that comes before its list waits for it. Both are forgotten after the TTL: a receipt
 * whose list never comes is about no parcel the logistics job can follow.
 *
 * <p>Input 1: the links of every list; input 2: receipts of lists. Output: their statuses as {@link
 * Milestone}s keyed by waybill.
 */
public final class ReceiptRouter
    extends KeyedCoProcessFunction<String, ListLink, Envelope<CustomsReceipt>, Milestone> {
  /** The longest a parcel's documents take to meet (SANLIU_MATCH_DOCUMENTS_WAIT is 96 h). */
  static final Duration STATE_TTL = Duration.ofDays(7);

  /** More statuses than a list ever gets before it arrives: a bound, not an expectation. */
  static final int MAX_WAITING = 16;

  private transient ValueState<ListLink> link;
  private transient ListState<Milestone> waiting;
  private transient ValueState<Integer> waitingCount;
  private transient Counter refused;

  @Override
  public void open(OpenContext context) {
    StateTtlConfig ttl = StateTtl.of(STATE_TTL);
    ValueStateDescriptor<ListLink> linkDescriptor =
        new ValueStateDescriptor<>("list-link", TypeInformation.of(ListLink.class));
    linkDescriptor.enableTimeToLive(ttl);
    link = getRuntimeContext().getState(linkDescriptor);
    ListStateDescriptor<Milestone> waitingDescriptor =
        new ListStateDescriptor<>("receipts-waiting", TypeInformation.of(Milestone.class));
    waitingDescriptor.enableTimeToLive(ttl);
    waiting = getRuntimeContext().getListState(waitingDescriptor);
    ValueStateDescriptor<Integer> countDescriptor =
        new ValueStateDescriptor<>("receipts-waiting-count", Integer.class);
    countDescriptor.enableTimeToLive(ttl);
    waitingCount = getRuntimeContext().getState(countDescriptor);
    refused = getRuntimeContext().getMetricGroup().counter("receiptsBeyondWaitingBound");
  }

  @Override
  public void processElement1(ListLink l, Context ctx, Collector<Milestone> out) throws Exception {
    link.update(l);
    List<Milestone> held = new ArrayList<>();
    for (Milestone m : waiting.get()) held.add(m);
    for (Milestone m : held) out.collect(m.routedTo(l));
    waiting.clear();
    waitingCount.clear();
  }

  @Override
  public void processElement2(
      Envelope<CustomsReceipt> receipt, Context ctx, Collector<Milestone> out) throws Exception {
    var milestone = Milestone.ofListReceipt(receipt);
    if (milestone.isEmpty()) return;
    ListLink known = link.value();
    if (known != null) {
      out.collect(milestone.get().routedTo(known));
      return;
    }
    int held = waitingCount.value() == null ? 0 : waitingCount.value();
    if (held >= MAX_WAITING) {
      refused.inc();
      return;
    }
    waiting.add(milestone.get());
    waitingCount.update(held + 1);
  }
}
