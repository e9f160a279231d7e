package io.sanliu.jobs.stats;

/**
 * The running measures of one slice in one window: Flink's accumulator. Public fields and a public
 * constructor make it a POJO, so window state needs no generic serialiser.
 */
public final class SliceMeasures {
  public long orders;
  public long parcels;
  public long valueCents;

  /** {@link BuyerSketch} bytes; null while no buyer was seen. */
  public byte[] buyers;

  public SliceMeasures() {}

  public SliceMeasures(long orders, long parcels, long valueCents, byte[] buyers) {
    this.orders = orders;
    this.parcels = parcels;
    this.valueCents = valueCents;
    this.buyers = buyers;
  }

  public long buyerEstimate() {
    return BuyerSketch.estimate(buyers);
  }
}
