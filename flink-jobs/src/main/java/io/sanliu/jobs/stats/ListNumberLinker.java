package io.sanliu.jobs.stats;

import static io.sanliu.jobs.state.StateFields.readInstant;
import static io.sanliu.jobs.state.StateFields.readString;
import static io.sanliu.jobs.state.StateFields.writeInstant;
import static io.sanliu.jobs.state.StateFields.writeString;

import io.sanliu.jobs.state.ImmutableValueSerializer;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives releases that name their list only by one of its numbers the key of the list's order, under
 * which {@link ReleaseJoin} holds the list. Keyed by the number's key: the list's {@link
 * ListNumber} says which order it belongs to, and a release that comes first waits for it. A list
 * then waits for its release once, under its order's key, instead of once per key a receipt might
 * use: that copy per number was three fifths of the statistics job's checkpointed state.
 *
 * <p>Input 1: the numbers of every list; input 2: releases naming a list number. Output: those
 * releases under the order's key. Like the join, a number is forgotten {@code wait} after the
 * latest time it saw.
 */
public final class ListNumberLinker
    extends KeyedCoProcessFunction<String, ListNumber, ListDocument, ListDocument> {

  /**
   * What a list number's key holds.
   *
   * @param orderKey the order the number belongs to; null until the list came
   * @param pending the first release, while it waits for the list; null otherwise
   * @param forgetAt when the key is forgotten (event time)
   */
  public record Linked(String orderKey, ListDocument pending, long forgetAt) {}

  private final long waitMillis;
  private transient ValueState<Linked> linked;

  /**
   * @param wait how long a number waits for its release, and a release for its list
   */
  public ListNumberLinker(Duration wait) {
    this.waitMillis = wait.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    linked =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("linked", LinkedSerializer.INSTANCE));
  }

  @Override
  public void processElement1(ListNumber number, Context ctx, Collector<ListDocument> out)
      throws Exception {
    Linked w = linked.value();
    if (w != null && w.pending() != null) out.collect(w.pending().linkedTo(number.orderKey()));
    linked.update(new Linked(number.orderKey(), null, forgetAfter(ctx, w, timeOf(ctx))));
  }

  @Override
  public void processElement2(ListDocument release, Context ctx, Collector<ListDocument> out)
      throws Exception {
    Linked w = linked.value();
    if (w != null && w.orderKey() != null) {
      out.collect(release.linkedTo(w.orderKey()));
    } else if (w == null || w.pending() == null) {
      long at = release.releasedAt().toEpochMilli();
      linked.update(new Linked(null, release, forgetAfter(ctx, w, at)));
    }
    // Else a later release while the first waits: the join counts the first only.
  }

  private static long timeOf(Context ctx) {
    Long t = ctx.timestamp();
    return t != null ? t : ctx.timerService().currentWatermark();
  }

  private long forgetAfter(Context ctx, Linked w, long millis) {
    return ForgetTimes.after(
        ctx.timerService(), w == null ? null : w.forgetAt(), millis, waitMillis);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ListDocument> out)
      throws Exception {
    Linked w = linked.value();
    if (w != null && w.forgetAt() == timestamp) linked.clear();
  }

  /** The state value, written field by field (Flink's record serializer writes a char per call). */
  public static final class LinkedSerializer extends ImmutableValueSerializer<Linked> {
    private static final long serialVersionUID = 1L;

    public static final LinkedSerializer INSTANCE = new LinkedSerializer();

    @Override
    public Linked createInstance() {
      return new Linked(null, null, 0);
    }

    @Override
    public void serialize(Linked w, DataOutputView out) throws IOException {
      writeString(w.orderKey(), out);
      ListDocument p = w.pending();
      out.writeBoolean(p != null);
      if (p != null) {
        writeString(p.joinKey(), out);
        writeString(p.guid(), out);
        writeString(p.source(), out);
        writeInstant(p.releasedAt(), out);
      }
      out.writeLong(w.forgetAt());
    }

    @Override
    public Linked deserialize(DataInputView in) throws IOException {
      String orderKey = readString(in);
      ListDocument pending = null;
      if (in.readBoolean()) {
        String joinKey = readString(in);
        String guid = readString(in);
        String source = readString(in);
        pending = new ListDocument(joinKey, null, guid, source, readInstant(in));
      }
      return new Linked(orderKey, pending, in.readLong());
    }

    @Override
    public TypeSerializerSnapshot<Linked> snapshotConfiguration() {
      return new Snapshot();
    }

    /** Restores the serializer from a checkpoint. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Linked> {
      public Snapshot() {
        super(() -> INSTANCE);
      }
    }
  }
}
