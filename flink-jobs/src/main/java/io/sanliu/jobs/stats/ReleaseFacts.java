package io.sanliu.jobs.stats;

import io.sanliu.model.kafka.DeadLetter;

/** The customs caliber's facts: released customs lists in yuan. */
public final class ReleaseFacts extends FxPricing<ReleasedList, TradeFact> {
  private final String stage;

  /**
   * @param stage the dead letters' stage, e.g. {@code flink:trade-statistics}
   */
  public ReleaseFacts(String stage) {
    this.stage = stage;
  }

  @Override
  protected TradeFact price(ReleasedList released, FxTable fx) {
    return TradeFacts.ofRelease(released, fx);
  }

  @Override
  protected DeadLetter refusal(ReleasedList released, MissingRateException why) {
    return unpriced(stage, released.source(), released.listGuid(), released, why);
  }
}
