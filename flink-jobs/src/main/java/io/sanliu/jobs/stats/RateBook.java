package io.sanliu.jobs.stats;

import io.sanliu.model.fx.FxRate;
import io.sanliu.model.kafka.DeadLetter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.streaming.api.functions.co.BaseBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * One operator instance's view of the broadcast exchange rates ({@link FxPricing#RATES}). The
 * broadcast state is what checkpoints keep; lookups go to an {@link FxTable} built from it on first
 * use (after a start or a restore) and kept up to date as rates arrive, so pricing a document does
 * not walk the state.
 */
public final class RateBook implements Serializable {
  private static final long serialVersionUID = 1L;

  private transient FxTable table;

  /** The table to price with, built from {@code rates} the first time. */
  public FxTable table(ReadOnlyBroadcastState<String, FxRate> rates) throws Exception {
    if (table == null) {
      List<FxRate> known = new ArrayList<>();
      for (Map.Entry<String, FxRate> e : rates.immutableEntries()) known.add(e.getValue());
      table = FxTable.of(known);
    }
    return table;
  }

  /**
   * Collects what {@code pricing} makes of {@code document} with the rates, or sends the dead
   * letter {@code refusal} gives to {@link FxPricing#UNPRICED} when a currency has no rate.
   */
  public <D, O> void price(
      D document,
      BaseBroadcastProcessFunction.ReadOnlyContext ctx,
      Collector<O> out,
      BiFunction<D, FxTable, O> pricing,
      Function<MissingRateException, DeadLetter> refusal)
      throws Exception {
    O priced;
    try {
      priced = pricing.apply(document, table(ctx.getBroadcastState(FxPricing.RATES)));
    } catch (MissingRateException e) {
      ctx.output(FxPricing.UNPRICED, refusal.apply(e));
      return;
    }
    out.collect(priced);
  }

  /** Records a rate in the broadcast state and, once built, in the table. */
  public void add(BroadcastState<String, FxRate> rates, FxRate rate) throws Exception {
    rates.put(rate.key(), rate);
    if (table != null) table.add(rate);
  }
}
