package io.sanliu.jobs.stats;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Cuts each counted document into its cube slices ({@link CubeSlices}) and sums them per slice and
 * event-time minute before the shuffle to the windows: a minute of a busy zone brings thousands of
 * documents to the same few hundred slices, and adding one record per slice and minute to three
 * window sizes costs a fraction of adding every document to each (docs/statistics.md,
 * "Throughput").
 *
 * <p>A minute's sums leave when event time passes its end, before the watermark that closes its
 * windows, so they are on time there. They also leave, whole, before every checkpoint barrier (the
 * operator keeps no state a restore would need) and when more than {@code maxOpen} slice minutes
 * are open. A record for a minute that has already closed leaves at once, one document per record,
 * so the windows can take it within the allowed lateness or dead-letter it by name. The windows add
 * sums, so any of these splits gives the same totals.
 */
public final class SliceCombiner extends AbstractStreamOperator<SlicePartial>
    implements OneInputStreamOperator<TradeFact, SlicePartial> {
  private static final long MINUTE = WindowSize.MINUTE.length().toMillis();

  private final int maxOpen;

  /** Open sums by minute start, then slice. */
  private transient NavigableMap<Long, Map<String, Running>> open;

  private transient int openCount;
  private transient long watermark;
  private transient StreamRecord<SlicePartial> reused;

  public SliceCombiner(int maxOpen) {
    if (maxOpen < 1) throw new IllegalArgumentException("maxOpen must be positive");
    this.maxOpen = maxOpen;
  }

  @Override
  public void open() throws Exception {
    super.open();
    open = new TreeMap<>();
    openCount = 0;
    watermark = Long.MIN_VALUE;
    reused = new StreamRecord<>(null);
  }

  @Override
  public void processElement(StreamRecord<TradeFact> record) {
    TradeFact fact = record.getValue();
    // The windows place a record by its timestamp; so does this.
    long time = record.hasTimestamp() ? record.getTimestamp() : fact.eventTime().toEpochMilli();
    long minute = WindowSize.MINUTE.startOf(time);
    if (closes(minute, watermark)) {
      for (SliceEntry e : CubeSlices.of(fact)) emit(SlicePartial.of(e), time);
      return;
    }
    Map<String, Running> slices = open.computeIfAbsent(minute, m -> new HashMap<>());
    for (SliceEntry e : CubeSlices.of(fact)) {
      Running r = slices.get(e.slice());
      if (r == null) {
        r = new Running(e);
        slices.put(e.slice(), r);
        openCount++;
      }
      r.add(e, time);
    }
    if (openCount > maxOpen) flush(open);
  }

  @Override
  public void processWatermark(Watermark mark) throws Exception {
    watermark = Math.max(watermark, mark.getTimestamp());
    if (watermark > Long.MIN_VALUE + MINUTE) {
      flush(open.headMap(watermark - MINUTE + 1, true));
    }
    super.processWatermark(mark);
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    super.prepareSnapshotPreBarrier(checkpointId);
    flush(open);
  }

  @Override
  public void finish() throws Exception {
    flush(open);
    super.finish();
  }

  /** Whether the minute from {@code start} has closed at {@code watermark}. */
  static boolean closes(long start, long watermark) {
    return start + MINUTE - 1 <= watermark;
  }

  private void flush(NavigableMap<Long, Map<String, Running>> minutes) {
    for (Map<String, Running> slices : minutes.values()) {
      for (Running r : slices.values()) emit(r.partial(), r.latest);
      openCount -= slices.size();
    }
    minutes.clear();
  }

  private void emit(SlicePartial partial, long timestamp) {
    output.collect(reused.replace(partial, timestamp));
  }

  /** A slice's sum in one minute so far. */
  private static final class Running {
    final String slice;
    final String documentKey;
    final String sourceGuid;
    long orders;
    long parcels;
    long valueCents;
    long latest = Long.MIN_VALUE;
    Instant latestTime;
    HllSketch buyers;

    Running(SliceEntry first) {
      slice = first.slice();
      documentKey = first.documentKey();
      sourceGuid = first.sourceGuid();
    }

    void add(SliceEntry e, long time) {
      orders += e.orders();
      parcels += e.parcels();
      valueCents = Math.addExact(valueCents, e.valueCents());
      if (time >= latest) {
        latest = time;
        latestTime = e.eventTime();
      }
      if (e.buyer() != null) {
        if (buyers == null) buyers = BuyerSketch.empty();
        buyers.update(e.buyer());
      }
    }

    SlicePartial partial() {
      boolean one = orders == 1;
      return new SlicePartial(
          slice,
          orders,
          parcels,
          valueCents,
          buyers == null ? null : BuyerSketch.imageOf(buyers),
          one ? documentKey : null,
          one ? sourceGuid : null,
          latestTime);
    }
  }
}
