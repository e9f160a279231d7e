package io.sanliu.jobs.stats;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Adds up a slice's minute sums within a window: exact sums of cents, a sketch of the buyers. */
public final class SliceAggregate
    implements AggregateFunction<SlicePartial, SliceMeasures, SliceMeasures> {

  @Override
  public SliceMeasures createAccumulator() {
    return new SliceMeasures();
  }

  @Override
  public SliceMeasures add(SlicePartial part, SliceMeasures m) {
    m.orders += part.orders();
    m.parcels += part.parcels();
    m.valueCents = Math.addExact(m.valueCents, part.valueCents());
    if (part.buyers() != null) m.buyers = BuyerSketch.addAll(m.buyers, part.buyers());
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
