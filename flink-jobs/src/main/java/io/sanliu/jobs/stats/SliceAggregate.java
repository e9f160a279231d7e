package io.sanliu.jobs.stats;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Adds up a slice's entries within a window: exact sums of cents, a sketch of the buyers. */
public final class SliceAggregate
    implements AggregateFunction<SliceEntry, SliceMeasures, SliceMeasures> {

  @Override
  public SliceMeasures createAccumulator() {
    return new SliceMeasures();
  }

  @Override
  public SliceMeasures add(SliceEntry entry, SliceMeasures m) {
    m.orders += entry.orders();
    m.parcels += entry.parcels();
    m.valueCents = Math.addExact(m.valueCents, entry.valueCents());
    if (entry.buyer() != null) m.buyers = BuyerSketch.add(m.buyers, entry.buyer());
    return m;
  }

  @Override
  public SliceMeasures getResult(SliceMeasures m) {
    return m;
  }

  @Override
  public SliceMeasures merge(SliceMeasures a, SliceMeasures b) {
    return new SliceMeasures(
        a.orders + b.orders,
        a.parcels + b.parcels,
        Math.addExact(a.valueCents, b.valueCents),
        BuyerSketch.merge(a.buyers, b.buyers));
  }
}
