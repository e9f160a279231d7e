package io.sanliu.jobs.stats;

import io.sanliu.jobs.state.Utf8StringType;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * The windows of one size over the slice entries. A window fires when event time passes its end; a
 * document up to the allowed lateness after that adds to it and fires it again with the new totals
 * (Flink's allowed lateness with the event-time trigger), and the document id makes that version
 * overwrite the first. Later documents are not added; they leave through {@link #LATE}. One
 * operator per size, so a document too late for its minute is still counted in its hour and day,
 * and the dead letter says which window missed it.
 */
public final class TradeWindows {
  /** Sums (single documents, in practice) whose window of the operator's size had closed. */
  public static final OutputTag<SlicePartial> LATE =
      new OutputTag<>("late-entries", SlicePartialSerializer.TYPE);

  private TradeWindows() {}

  /**
   * The minute sums sent to the subtask of their slice once, for the windows of every size: the
   * windows then take them from the same subtask (chained, no serialisation) instead of each size's
   * operator shuffling every sum again. {@code uid} names the stateless pass.
   */
  public static KeyedStream<SlicePartial, String> bySlice(
      DataStream<SlicePartial> partials, String uid) {
    DataStream<SlicePartial> partitioned =
        partials
            .keyBy(SlicePartial::slice, Utf8StringType.INSTANCE)
            .map(e -> e, SlicePartialSerializer.TYPE)
            .name("by slice")
            .uid(uid);
    return DataStreamUtils.reinterpretAsKeyedStream(
        partitioned, SlicePartial::slice, Utf8StringType.INSTANCE);
  }

  public static SingleOutputStreamOperator<TradeStatsDocument> aggregate(
      DataStream<SlicePartial> partials, WindowSize size, Duration lateness) {
    return aggregate(partials.keyBy(SlicePartial::slice, Utf8StringType.INSTANCE), size, lateness);
  }

  public static SingleOutputStreamOperator<TradeStatsDocument> aggregate(
      KeyedStream<SlicePartial, String> bySlice, WindowSize size, Duration lateness) {
    TypeInformation<SliceMeasures> measures = TypeInformation.of(SliceMeasures.class);
    return bySlice
        .window(size.assigner())
        .allowedLateness(lateness)
        .sideOutputLateData(LATE)
        .aggregate(
            new SliceAggregate(),
            new ToTradeStatsDocument(size),
            measures,
            measures,
            TradeStatsDocumentSerializer.TYPE);
  }
}
