package io.sanliu.jobs.stats;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Pairs customs lists with the receipts that release them, per join key, in either order. A
 * released list is emitted once, from an event-time timer at its release time: the output then
 * carries the release time as its timestamp, which is what the customs caliber's windows count by
 * (an element emitted while processing would carry the list's or the receipt's time instead). Later
 * versions of the list before the release replace it; anything after the count (a replayed list, a
 * second 800, the 899 after the 800) is ignored. A list never released (returned, still waiting)
 * and a receipt whose list never came are forgotten {@code wait} after their times.
 */
public final class ReleaseJoin extends KeyedProcessFunction<String, ListDocument, ReleasedList> {
  private final long waitMillis;
  private transient ValueState<ListDocument> list;
  private transient ValueState<Long> releasedAt;
  private transient ValueState<Boolean> counted;
  private transient ValueState<Long> forgetAt;

  public ReleaseJoin(Duration wait) {
    this.waitMillis = wait.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    list =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("list", TypeInformation.of(ListDocument.class)));
    releasedAt =
        getRuntimeContext().getState(new ValueStateDescriptor<>("released-at", Types.LONG));
    counted = getRuntimeContext().getState(new ValueStateDescriptor<>("counted", Types.BOOLEAN));
    forgetAt = getRuntimeContext().getState(new ValueStateDescriptor<>("forget-at", Types.LONG));
  }

  @Override
  public void processElement(ListDocument doc, Context ctx, Collector<ReleasedList> out)
      throws Exception {
    if (counted.value() != null) return;
    if (doc.isList()) {
      list.update(doc);
      Long at = releasedAt.value();
      if (at != null) ctx.timerService().registerEventTimeTimer(at);
      Instant declared = doc.list().eventTime();
      forgetAfter(ctx, declared != null ? declared.toEpochMilli() : ctx.timestamp());
    } else {
      if (releasedAt.value() != null) return; // the first release counts
      long at = doc.releasedAt().toEpochMilli();
      releasedAt.update(at);
      if (list.value() != null) ctx.timerService().registerEventTimeTimer(at);
      forgetAfter(ctx, at);
    }
  }

  /**
   * Moves the moment this key is forgotten to {@code wait} after {@code millis} if that is later.
   * Earlier forget timers are left to fire: they find a later moment stored and do nothing, and
   * deleting one could delete the release timer when both fall on the same millisecond.
   */
  private void forgetAfter(Context ctx, long millis) throws Exception {
    long at = millis + waitMillis;
    Long current = forgetAt.value();
    if (current == null || at > current) {
      forgetAt.update(at);
      ctx.timerService().registerEventTimeTimer(at);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ReleasedList> out)
      throws Exception {
    Long at = releasedAt.value();
    ListDocument l = list.value();
    if (at != null && at == timestamp && l != null && counted.value() == null) {
      out.collect(new ReleasedList(l.list(), l.guid(), l.source(), Instant.ofEpochMilli(at)));
      counted.update(true);
      list.clear(); // only the marker is needed from now on
    }
    Long forget = forgetAt.value();
    if (forget != null && forget == timestamp) {
      list.clear();
      releasedAt.clear();
      counted.clear();
      forgetAt.clear();
    }
  }
}
