package io.sanliu.jobs.index;

import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The zone's minutes and the composite index over them (one key: the zone). Each event is added to
 * its minute; when the watermark passes a minute's end, the points of every minute not yet
 * published up to it are computed ({@link CompositeIndexFormula}), quiet minutes included. An event
 * older than the last published minute still counts in its minute for the hours after it, but a
 * published point is not revised.
 */
public final class CompositeIndexFunction
    extends KeyedProcessFunction<String, IndexEvent, CompositeIndexPoint> {
  static final long MINUTE = 60_000;

  /** Catching up after a long silence publishes at most a day of quiet minutes. */
  static final int MAX_CATCH_UP_MINUTES = 24 * 60;

  private transient MapState<Long, MinuteMeasures> minutes;
  private transient ValueState<Long> firstMinute;
  private transient ValueState<Long> lastPublished;
  private transient MapState<SubIndex, Double> bases;

  @Override
  public void open(OpenContext context) {
    minutes =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "minutes", Types.LONG, TypeInformation.of(MinuteMeasures.class)));
    firstMinute =
        getRuntimeContext().getState(new ValueStateDescriptor<>("first-minute", Types.LONG));
    lastPublished =
        getRuntimeContext().getState(new ValueStateDescriptor<>("last-published", Types.LONG));
    bases =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>("bases", Types.ENUM(SubIndex.class), Types.DOUBLE));
  }

  @Override
  public void processElement(IndexEvent e, Context ctx, Collector<CompositeIndexPoint> out)
      throws Exception {
    long minute = Math.floorDiv(e.time(), MINUTE) * MINUTE;
    Long published = lastPublished.value();
    if (published != null && minute < published - (CompositeIndexFormula.WINDOW_MINUTES * MINUTE)) {
      return; // older than any hour still to be published: it can change nothing
    }
    MinuteMeasures m = minutes.get(minute);
    if (m == null) m = new MinuteMeasures();
    e.addTo(m);
    minutes.put(minute, m);
    Long first = firstMinute.value();
    if (first == null || minute < first) firstMinute.update(minute);
    if (published == null || minute > published) {
      ctx.timerService().registerEventTimeTimer(minute + MINUTE);
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CompositeIndexPoint> out)
      throws Exception {
    long end = timestamp - MINUTE;
    Long published = lastPublished.value();
    long from = published == null ? firstMinute.value() : published + MINUTE;
    from = Math.max(from, end - (MAX_CATCH_UP_MINUTES - 1) * MINUTE);
    if (from > end) return;
    TreeMap<Long, MinuteMeasures> window = new TreeMap<>();
    long oldest = from - (CompositeIndexFormula.WINDOW_MINUTES - 1) * MINUTE;
    for (Map.Entry<Long, MinuteMeasures> e : minutes.entries()) {
      if (e.getKey() >= oldest && e.getKey() <= end) window.put(e.getKey(), e.getValue());
    }
    Map<SubIndex, Double> b = new EnumMap<>(SubIndex.class);
    for (Map.Entry<SubIndex, Double> e : bases.entries()) b.put(e.getKey(), e.getValue());
    for (long minute = from; minute <= end; minute += MINUTE) {
      out.collect(CompositeIndexFormula.point(window, minute, firstMinute.value(), b));
    }
    bases.putAll(b);
    lastPublished.update(end);
    // Keep the hour the next point needs.
    long keepFrom = end - (CompositeIndexFormula.WINDOW_MINUTES - 2) * MINUTE;
    Iterator<Long> keys = minutes.keys().iterator();
    while (keys.hasNext()) {
      if (keys.next() < keepFrom) keys.remove();
    }
  }
}
