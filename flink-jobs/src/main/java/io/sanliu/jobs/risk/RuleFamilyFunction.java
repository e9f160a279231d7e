package io.sanliu.jobs.risk;

import io.sanliu.model.credit.Grade;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleFamily;
import io.sanliu.model.risk.RuleType;
import io.sanliu.model.simulation.NegativeListEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The operator of one rule family: keyed by what the family's rules look at (an order, a buyer, a
 * waybill...), connected to the broadcast reference stream. It keeps the reference data current (no
 * restart for a rule change) and evaluates every enabled definition of its rules' types; a subclass
 * keeps the family's keyed state and builds the context {@code C} the rules see.
 */
public abstract class RuleFamilyFunction<K, I, C>
    extends KeyedBroadcastProcessFunction<K, I, ReferenceUpdate, RiskAlert> {
  private final RuleFamily family;
  private final Map<RuleType, RiskRule<C>> rules = new EnumMap<>(RuleType.class);
  private transient List<RuleDefinition> enabled;

  protected RuleFamilyFunction(RuleFamily family, List<? extends RiskRule<C>> rules) {
    this.family = family;
    for (RiskRule<C> r : rules) {
      if (!r.type().families().contains(family)) {
        throw new IllegalArgumentException(r.type() + " is not a rule of family " + family);
      }
      this.rules.put(r.type(), r);
    }
  }

  @Override
  public final void processBroadcastElement(
      ReferenceUpdate update, Context ctx, Collector<RiskAlert> out) throws Exception {
    boolean rulesChanged =
        ReferenceState.apply(
            update,
            ctx.getBroadcastState(ReferenceState.RULES),
            ctx.getBroadcastState(ReferenceState.NEGATIVE_LIST),
            ctx.getBroadcastState(ReferenceState.FILINGS),
            ctx.getBroadcastState(ReferenceState.GRADES));
    if (rulesChanged) enabled = null;
  }

  /** The enabled definitions of this family's rules, defaults and control topic merged. */
  protected final List<RuleDefinition> definitions(ReadOnlyContext ctx) throws Exception {
    // Rebuilt only when a definition arrives: timers and elements ask for it all the time.
    if (enabled == null) {
      RuleBook book = ReferenceState.rules(ctx.getBroadcastState(ReferenceState.RULES));
      List<RuleDefinition> out = new ArrayList<>();
      for (RuleDefinition d : book.enabled(family)) {
        if (rules.containsKey(d.type())) out.add(d);
      }
      enabled = List.copyOf(out);
    }
    return enabled;
  }

  /** The definitions of one type in force (enabled), e.g. to size state or register timers. */
  protected final List<RuleDefinition> definitions(ReadOnlyContext ctx, RuleType type)
      throws Exception {
    return definitions(ctx).stream().filter(d -> d.type() == type).toList();
  }

  /**
   * Runs every enabled definition whose scope covers the subject over {@code context} and emits an
   * alert per finding, its severity as the credit grade of its enterprise makes it ({@link
   * CreditSeverity}).
   *
   * @param mode the subject's trade mode, null when unknown
   * @param enterpriseCode the subject's enterprise, null when unknown
   */
  protected final void evaluate(
      C context,
      TradeMode mode,
      String enterpriseCode,
      ReadOnlyContext ctx,
      Collector<RiskAlert> out)
      throws Exception {
    for (RuleDefinition d : definitions(ctx)) {
      if (!d.scope().covers(mode, enterpriseCode)) continue;
      for (Finding f : rules.get(d.type()).evaluate(context, d)) {
        RiskAlert alert = RiskAlerts.raise(d, f, Instant.now());
        String graded = alert.enterpriseCode();
        Grade grade =
            graded == null ? null : ctx.getBroadcastState(ReferenceState.GRADES).get(graded);
        RiskAlert raised = CreditSeverity.apply(alert, grade);
        raised(raised);
        out.collect(raised);
      }
    }
  }

  /**
   * Called with every alert the family raises, before it is emitted: a family that must remember
   * what it raised (a spike's windows, a parcel's silence) records it here.
   */
  protected void raised(RiskAlert alert) throws Exception {}

  protected final GoodsFiling filing(ReadOnlyContext ctx, String ebcCode, String itemNo)
      throws Exception {
    return ctx.getBroadcastState(ReferenceState.FILINGS)
        .get(ReferenceUpdate.filingKey(ebcCode, itemNo));
  }

  protected final List<NegativeListEntry> negativeList(ReadOnlyContext ctx) throws Exception {
    ReadOnlyBroadcastState<String, NegativeListEntry> state =
        ctx.getBroadcastState(ReferenceState.NEGATIVE_LIST);
    List<NegativeListEntry> out = new ArrayList<>();
    for (Map.Entry<String, NegativeListEntry> e : state.immutableEntries()) out.add(e.getValue());
    return out;
  }
}
