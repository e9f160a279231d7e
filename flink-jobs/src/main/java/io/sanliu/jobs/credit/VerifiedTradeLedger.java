package io.sanliu.jobs.credit;

import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelDocuments;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.model.credit.VerifiedTrade;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.ReceiptKind;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by parcel ({@code ebpCode:orderNo}): writes the verified trade ledger. A parcel is verified
 * when its first match result is COMPLETE and customs released its list (800), in either order: the
 * same rule as the credit job's verified turnover ({@link ParcelAttribution}), so the ledger and
 * the scores count the same parcels. The entry is emitted once, released at the first release
 * receipt's time; the parcel is forgotten {@code retention} (event time) after its last input, and
 * the entry's id (the parcel key) makes a replay overwrite rather than add.
 */
public class VerifiedTradeLedger
    extends KeyedCoProcessFunction<String, ParcelOutcome, Envelope<CustomsReceipt>, VerifiedTrade> {
  private final long retentionMillis;
  private transient ValueState<LedgerParcel> state;

  public VerifiedTradeLedger(Duration retention) {
    this.retentionMillis = retention.toMillis();
  }

  /** Release receipts the ledger reads: a list's 800 naming its order (the parcel key). */
  public static boolean isRelease(Envelope<CustomsReceipt> e) {
    CustomsReceipt r = e.payload();
    return r != null
        && r.kind() == ReceiptKind.CUSTOMS_LIST
        && r.orderNo() != null
        && r.ebpCode() != null
        && CustomsReceipt.RELEASED.equals(r.returnStatus());
  }

  @Override
  public void open(OpenContext context) {
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("ledger", TypeInformation.of(LedgerParcel.class)));
  }

  @Override
  public void processElement1(ParcelOutcome o, Context ctx, Collector<VerifiedTrade> out)
      throws Exception {
    LedgerParcel p = current();
    if (p.firstMatch == 0) {
      boolean complete = o.status() == MatchStatus.COMPLETE;
      p.firstMatch = complete ? 1 : 2;
      if (complete) p.documents = o.documents();
    }
    touch(p, ctx.timestamp(), ctx);
    emitIfVerified(p, out);
    state.update(p);
  }

  @Override
  public void processElement2(Envelope<CustomsReceipt> e, Context ctx, Collector<VerifiedTrade> out)
      throws Exception {
    if (!isRelease(e)) return;
    LedgerParcel p = current();
    long t = e.eventTime() != null ? e.eventTime().toEpochMilli() : ctx.timestamp();
    if (p.releasedAt == null || t < p.releasedAt) p.releasedAt = t;
    touch(p, t, ctx);
    emitIfVerified(p, out);
    state.update(p);
  }

  private LedgerParcel current() throws Exception {
    LedgerParcel p = state.value();
    return p != null ? p : new LedgerParcel();
  }

  private void touch(LedgerParcel p, Long time, Context ctx) {
    long t = time != null ? time : ctx.timerService().currentWatermark();
    if (t > p.lastTime) {
      p.lastTime = t;
      ctx.timerService().registerEventTimeTimer(t + retentionMillis);
    }
  }

  private static void emitIfVerified(LedgerParcel p, Collector<VerifiedTrade> out) {
    if (p.written || p.firstMatch != 1 || p.releasedAt == null) return;
    ParcelDocuments d = p.documents;
    VerifiedTrade.of(
            d.order(), d.payment(), d.list(), d.waybill(), Instant.ofEpochMilli(p.releasedAt))
        .ifPresent(out::collect);
    // Written or not (no value, no rate): decided once, as the credit job decides it.
    p.written = true;
    p.documents = null;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<VerifiedTrade> out)
      throws Exception {
    LedgerParcel p = state.value();
    // A later input moved the parcel's end; only its own timer clears it.
    if (p != null && timestamp >= p.lastTime + retentionMillis) state.clear();
  }
}
