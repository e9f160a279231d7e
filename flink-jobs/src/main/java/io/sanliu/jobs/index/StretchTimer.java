package io.sanliu.jobs.index;

import io.sanliu.jobs.state.StateTtl;
import java.time.Duration;
import java.util.function.BiFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Times one stretch per key, declared → released or picked up → delivered, in whichever order the
 * two milestones arrive: once both are known, one {@link IndexEvent} at the end's time with the
 * stretch's length. The earliest start and the earliest end count (a copy or a late duplicate
 * changes nothing once it has been timed). State expires a week after its last update.
 */
public final class StretchTimer extends KeyedProcessFunction<String, StretchMark, IndexEvent> {
  static final Duration STATE_TTL = Duration.ofDays(7);

  private final SerializableBiFunction event;
  private transient ValueState<Long> start;
  private transient ValueState<Long> end;
  private transient ValueState<Boolean> timed;

  /**
   * @param event the index event for an end time and a length in millis, e.g. {@link
   *     IndexEvent#release}
   */
  public StretchTimer(SerializableBiFunction event) {
    this.event = event;
  }

  /** A serializable factory of the index event (Flink ships the function to its tasks). */
  @FunctionalInterface
  public interface SerializableBiFunction
      extends BiFunction<Long, Long, IndexEvent>, java.io.Serializable {}

  @Override
  public void open(OpenContext context) {
    StateTtlConfig ttl = StateTtl.of(STATE_TTL);
    start =
        getRuntimeContext().getState(withTtl(new ValueStateDescriptor<>("start", Types.LONG), ttl));
    end = getRuntimeContext().getState(withTtl(new ValueStateDescriptor<>("end", Types.LONG), ttl));
    timed =
        getRuntimeContext()
            .getState(withTtl(new ValueStateDescriptor<>("timed", Types.BOOLEAN), ttl));
  }

  private static <T> ValueStateDescriptor<T> withTtl(
      ValueStateDescriptor<T> d, StateTtlConfig ttl) {
    d.enableTimeToLive(ttl);
    return d;
  }

  @Override
  public void processElement(StretchMark m, Context ctx, Collector<IndexEvent> out)
      throws Exception {
    if (Boolean.TRUE.equals(timed.value())) return;
    ValueState<Long> side = m.start() ? start : end;
    Long known = side.value();
    if (known == null || m.time() < known) side.update(m.time());
    Long s = start.value();
    Long e = end.value();
    if (s != null && e != null) {
      out.collect(event.apply(e, e - s));
      timed.update(true);
      start.clear();
      end.clear();
    }
  }
}
