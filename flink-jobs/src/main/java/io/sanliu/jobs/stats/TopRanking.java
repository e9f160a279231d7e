package io.sanliu.jobs.stats;

import io.sanliu.model.codes.Country;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Ranks the slices of one window, one ranked dimension and one direction ({@link #rankingKey}) by
 * value, and emits the top N once event time passes the window's end: by then every slice of the
 * window has arrived, since the windows emit their results before they pass the watermark on. A
 * slice updated by a late document arrives after that, and the ranking is emitted again at once.
 * The ranking is forgotten when the window can no longer change (its end plus the allowed
 * lateness).
 */
public final class TopRanking
    extends KeyedProcessFunction<String, TradeStatsDocument, TopEntryDocument> {
  /** Highest value first; then most orders; then the key, so ties rank the same every time. */
  static final Comparator<Map.Entry<String, RankedValue>> ORDER =
      Comparator.<Map.Entry<String, RankedValue>>comparingLong(e -> -e.getValue().valueCents())
          .thenComparingLong(e -> -e.getValue().orders())
          .thenComparing(Map.Entry::getKey);

  private final int size;
  private final long latenessMillis;
  private transient MapState<String, RankedValue> values;

  public TopRanking(int size, Duration lateness) {
    if (size < 1) throw new IllegalArgumentException("a ranking holds at least one entry");
    this.size = size;
    this.latenessMillis = lateness.toMillis();
  }

  /** {@code CALIBER|SIZE|WINDOW_START_MILLIS|DIMENSION|DIRECTION}: one ranking. */
  public static String rankingKey(TradeStatsDocument d) {
    return d.caliber()
        + "|"
        + d.windowSize()
        + "|"
        + d.windowStart().toEpochMilli()
        + "|"
        + d.dimension()
        + "|"
        + d.direction();
  }

  @Override
  public void open(OpenContext context) {
    values =
        getRuntimeContext()
            .getMapState(
                new MapStateDescriptor<>(
                    "ranked", Types.STRING, TypeInformation.of(RankedValue.class)));
  }

  @Override
  public void processElement(TradeStatsDocument slice, Context ctx, Collector<TopEntryDocument> out)
      throws Exception {
    values.put(slice.key(), new RankedValue(slice.orders(), slice.parcels(), slice.valueCents()));
    long last = slice.windowEnd().toEpochMilli() - 1;
    if (last > ctx.timerService().currentWatermark()) {
      ctx.timerService().registerEventTimeTimer(last);
    } else {
      emit(ctx.getCurrentKey(), out);
    }
    ctx.timerService().registerEventTimeTimer(last + latenessMillis);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<TopEntryDocument> out)
      throws Exception {
    String[] k = ctx.getCurrentKey().split("\\|");
    long last = Long.parseLong(k[2]) + WindowSize.ofLabel(k[1]).length().toMillis() - 1;
    if (timestamp == last) emit(ctx.getCurrentKey(), out);
    if (timestamp == last + latenessMillis) values.clear();
  }

  private void emit(String rankingKey, Collector<TopEntryDocument> out) throws Exception {
    String[] k = rankingKey.split("\\|");
    WindowSize windowSize = WindowSize.ofLabel(k[1]);
    Instant start = Instant.ofEpochMilli(Long.parseLong(k[2]));
    Dimension dimension = Dimension.valueOf(k[3]);
    List<Map.Entry<String, RankedValue>> all = new ArrayList<>();
    for (Map.Entry<String, RankedValue> e : values.entries())
      all.add(Map.entry(e.getKey(), e.getValue()));
    all.sort(ORDER);
    Instant now = Instant.now();
    for (int i = 0; i < Math.min(size, all.size()); i++) {
      String key = all.get(i).getKey();
      RankedValue v = all.get(i).getValue();
      out.collect(
          new TopEntryDocument(
              k[0],
              windowSize.label(),
              start,
              start.plus(windowSize.length()),
              dimension.name(),
              k[4],
              i + 1,
              key,
              dimension == Dimension.COUNTRY
                  ? Country.find(key).map(Country::nameZh).orElse(null)
                  : null,
              v.orders(),
              v.parcels(),
              v.valueCents(),
              v.valueCents() / 100.0,
              now));
    }
  }
}
