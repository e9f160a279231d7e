package io.sanliu.jobs.stats;

import io.sanliu.model.events.CustomsList;
import io.sanliu.model.fx.FxRate;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Pairs customs lists with the receipts that release them, per join key, in either order. A
 * released list is emitted once, from an event-time timer at its release time: the output then
 * carries the release time as its timestamp, which is what the customs caliber's windows count by
 * (an element emitted while processing would carry the list's or the receipt's time instead). Later
 * versions of the list before the release replace it; anything after the count (a replayed list, a
 * second 800, the 899 after the 800) is ignored. A list never released (returned, still waiting)
 * and a receipt whose list never came are forgotten {@code wait} after their times.
 *
 * <p>A released list leaves as the customs caliber's fact, in yuan ({@link TradeFacts#ofRelease},
 * with the broadcast rates), or, when a line's currency has no rate, as a dead letter ({@link
 * FxPricing#UNPRICED}). Pricing here rather than in an operator of its own spares the job a hop
 * that would serialise the list once more.
 *
 * <p>Everything a key holds is one state value ({@link Waiting}): the heap backend writes the key
 * again for every state value at each checkpoint, and a list waits under up to three keys for days,
 * so separate values for the list, the release and the marks made checkpoints several times dearer
 * (docs/statistics.md, "Throughput").
 */
public final class ReleaseJoin
    extends KeyedBroadcastProcessFunction<String, ListDocument, FxRate, TradeFact> {
  /**
   * What one join key holds.
   *
   * @param list the list's counted part ({@link ListDocument#countedPart}); null until it came, and
   *     again once counted
   * @param guid the list record's guid
   * @param source the list's sender
   * @param releasedAt the first release's time; null until a release came
   * @param counted whether the list was counted: later documents of the key are ignored
   * @param forgetAt when the key is forgotten
   */
  public record Waiting(
      CustomsList list,
      String guid,
      String source,
      Long releasedAt,
      boolean counted,
      long forgetAt) {}

  private final long waitMillis;
  private final String stage;
  private final RateBook book = new RateBook();
  private transient ValueState<Waiting> waiting;

  /**
   * @param wait how long a list waits for its release, and a release for its list
   * @param stage the dead letters' stage, e.g. {@code flink:trade-statistics}
   */
  public ReleaseJoin(Duration wait, String stage) {
    this.waitMillis = wait.toMillis();
    this.stage = stage;
  }

  @Override
  public void open(OpenContext context) {
    waiting =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("waiting", WaitingSerializer.INSTANCE));
  }

  @Override
  public void processElement(ListDocument doc, ReadOnlyContext ctx, Collector<TradeFact> out)
      throws Exception {
    Waiting w = waiting.value();
    if (w != null && w.counted()) return;
    Long releasedAt = w == null ? null : w.releasedAt();
    if (doc.isList()) {
      Instant declared = doc.list().eventTime();
      long forgetAt =
          forgetAfter(ctx, w, declared != null ? declared.toEpochMilli() : ctx.timestamp());
      if (releasedAt != null) ctx.timerService().registerEventTimeTimer(releasedAt);
      waiting.update(
          new Waiting(doc.list(), doc.guid(), doc.source(), releasedAt, false, forgetAt));
    } else {
      if (releasedAt != null) return; // the first release counts
      long at = doc.releasedAt().toEpochMilli();
      long forgetAt = forgetAfter(ctx, w, at);
      CustomsList list = w == null ? null : w.list();
      if (list != null) ctx.timerService().registerEventTimeTimer(at);
      waiting.update(
          new Waiting(
              list,
              w == null ? null : w.guid(),
              w == null ? null : w.source(),
              at,
              false,
              forgetAt));
    }
  }

  private long forgetAfter(ReadOnlyContext ctx, Waiting w, long millis) {
    return ForgetTimes.after(
        ctx.timerService(), w == null ? null : w.forgetAt(), millis, waitMillis);
  }

  @Override
  public void processBroadcastElement(FxRate rate, Context ctx, Collector<TradeFact> out)
      throws Exception {
    book.add(ctx.getBroadcastState(FxPricing.RATES), rate);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TradeFact> out)
      throws Exception {
    Waiting w = waiting.value();
    if (w == null) return;
    if (w.forgetAt() == timestamp) {
      waiting.clear();
    }
    Long at = w.releasedAt();
    if (at == null || at != timestamp || w.list() == null || w.counted()) return;
    ReleasedList released =
        new ReleasedList(w.list(), w.guid(), w.source(), Instant.ofEpochMilli(at));
    book.price(
        released,
        ctx,
        out,
        TradeFacts::ofRelease,
        e -> FxPricing.unpriced(stage, w.source(), w.guid(), released, e));
    if (w.forgetAt() != timestamp) {
      // Only the mark is needed from now on.
      waiting.update(new Waiting(null, null, null, at, true, w.forgetAt()));
    }
  }
}
