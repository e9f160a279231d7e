package io.sanliu.jobs.matching;

import io.sanliu.jobs.state.BlockType;
import io.sanliu.jobs.state.StateTtl;
import io.sanliu.jobs.state.Utf8StringType;
import io.sanliu.model.events.Waybill;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Gives waybills their parcel. A CEB waybill names no order; the customs list names both its order
 * and its waybill. Keyed by waybill (logisticsCode:logisticsNo), this remembers which parcel a list
 * put the waybill in, and holds a waybill that comes first until its list does.
 */
public final class WaybillLinker
    extends KeyedProcessFunction<String, ParcelDocument, ParcelDocument> {
  static final Duration STATE_TTL = Duration.ofDays(7);

  /** Waybills no customs list named in time: orphans, for the risk rules. */
  public static final OutputTag<ParcelOutcome> UNLINKED =
      new OutputTag<>("unlinked-waybills", TypeInformation.of(ParcelOutcome.class));

  private final Duration listWait;

  /**
   * @param listWait how long (event time, from the waybill) its customs list may take before the
   *     waybill is reported unlinked
   */
  public WaybillLinker(Duration listWait) {
    this.listWait = listWait;
  }

  private transient ValueState<String> parcelKey;
  private transient ValueState<ParcelDocument> waiting;

  @Override
  public void open(OpenContext context) {
    StateTtlConfig ttl = StateTtl.of(STATE_TTL);
    ValueStateDescriptor<String> link =
        new ValueStateDescriptor<>("parcel-key", Utf8StringType.INSTANCE);
    link.enableTimeToLive(ttl);
    parcelKey = getRuntimeContext().getState(link);
    ValueStateDescriptor<ParcelDocument> held =
        new ValueStateDescriptor<>("waiting-waybill", BlockType.of(ParcelDocument.class));
    held.enableTimeToLive(ttl);
    waiting = getRuntimeContext().getState(held);
  }

  /** Lists come in to teach the link (nothing goes out); waybills go out with their parcel key. */
  @Override
  public void processElement(ParcelDocument doc, Context ctx, Collector<ParcelDocument> out)
      throws Exception {
    if (doc.list() != null) {
      String key = doc.list().businessKey();
      parcelKey.update(key);
      ParcelDocument held = waiting.value();
      if (held != null) {
        out.collect(ParcelDocument.of(key, held.waybill()));
        waiting.clear();
      }
    } else if (doc.waybill() != null) {
      String key = parcelKey.value();
      if (key != null) {
        out.collect(ParcelDocument.of(key, doc.waybill()));
      } else {
        waiting.update(doc);
        ctx.timerService()
            .registerEventTimeTimer(doc.waybill().eventTime().toEpochMilli() + listWait.toMillis());
      }
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ParcelDocument> out)
      throws Exception {
    ParcelDocument held = waiting.value();
    if (held == null || parcelKey.value() != null) return; // linked meanwhile
    if (held.waybill().eventTime().toEpochMilli() + listWait.toMillis() > timestamp) return;
    Waybill w = held.waybill();
    MatchResult result =
        new MatchResult(
            w.ebpCode(),
            w.orderNo(),
            MatchStatus.INCOMPLETE,
            List.of("order", "payment", "list"),
            List.of());
    ctx.output(
        UNLINKED,
        new ParcelOutcome(ctx.getCurrentKey(), result, new ParcelDocuments(null, null, w, null)));
    waiting.clear();
  }
}
