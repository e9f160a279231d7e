package io.sanliu.jobs.stats;

import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Labels a window's count with its trade mode and bounds. */
public final class ToModeMinuteCount
    extends ProcessWindowFunction<Long, ModeMinuteCount, String, TimeWindow> {
  @Override
  public void process(
      String tradeMode, Context context, Iterable<Long> counts, Collector<ModeMinuteCount> out) {
    long orders = counts.iterator().next();
    TimeWindow w = context.window();
    out.collect(
        new ModeMinuteCount(
            tradeMode,
            Instant.ofEpochMilli(w.getStart()),
            Instant.ofEpochMilli(w.getEnd()),
            orders,
            Instant.now()));
  }
}
