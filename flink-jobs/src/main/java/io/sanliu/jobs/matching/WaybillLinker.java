package io.sanliu.jobs.matching;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Gives waybills their parcel. A CEB waybill names no order; the customs list names both its order
 * and its waybill. Keyed by waybill (logisticsCode:logisticsNo), this remembers which parcel a list
 * put the waybill in, and holds a waybill that comes first until its list does.
 */
public final class WaybillLinker
    extends KeyedProcessFunction<String, ParcelDocument, ParcelDocument> {
  static final Duration STATE_TTL = Duration.ofDays(7);

  private transient ValueState<String> parcelKey;
  private transient ValueState<ParcelDocument> waiting;

  @Override
  public void open(OpenContext context) {
    StateTtlConfig ttl = StateTtlConfig.newBuilder(STATE_TTL).build();
    ValueStateDescriptor<String> link = new ValueStateDescriptor<>("parcel-key", String.class);
    link.enableTimeToLive(ttl);
    parcelKey = getRuntimeContext().getState(link);
    ValueStateDescriptor<ParcelDocument> held =
        new ValueStateDescriptor<>("waiting-waybill", TypeInformation.of(ParcelDocument.class));
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
      if (key != null) out.collect(ParcelDocument.of(key, doc.waybill()));
      else waiting.update(doc);
    }
  }
}
