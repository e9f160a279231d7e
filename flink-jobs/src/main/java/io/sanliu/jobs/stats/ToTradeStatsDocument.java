package io.sanliu.jobs.stats;

import java.time.Instant;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Labels a window's measures with its slice and bounds. Called again, with the updated measures,
 * each time a late document updates a window that has already fired.
 */
public final class ToTradeStatsDocument
    extends ProcessWindowFunction<SliceMeasures, TradeStatsDocument, String, TimeWindow> {
  private final WindowSize size;

  public ToTradeStatsDocument(WindowSize size) {
    this.size = size;
  }

  @Override
  public void process(
      String slice,
      Context context,
      Iterable<SliceMeasures> measures,
      Collector<TradeStatsDocument> out) {
    out.collect(
        TradeStatsDocument.of(
            SliceKey.parse(slice),
            size,
            context.window().getStart(),
            measures.iterator().next(),
            Instant.now()));
  }
}
