package io.sanliu.jobs.risk.fx;

import io.sanliu.jobs.risk.RuleFamilyFunction;
import io.sanliu.jobs.state.BlockType;
import io.sanliu.jobs.state.StateTtl;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleFamily;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.util.Collector;

/**
 * The FX rules per export order (出口收汇): keeps the paid export and the receipts of its proceeds, in
 * any order, and sets an event-time timer at the payment plus each definition's {@code within},
 * when the rules judge. Receipts of orders that are not paid exports wait for one until the TTL
 * forgets them.
 *
 * <p>Input: {@link FxSignal} keyed by {@link FxSignal#orderKey()}.
 */
public final class FxRuleFunction extends RuleFamilyFunction<String, FxSignal, FxContext> {
  /** Longer than any wait for proceeds in force, at compression 1 (processing time). */
  static final Duration STATE_TTL = Duration.ofDays(60);

  private final Duration ttl;
  private transient ValueState<FxAccount> account;

  public FxRuleFunction() {
    this(STATE_TTL);
  }

  public FxRuleFunction(Duration ttl) {
    super(RuleFamily.FX, List.of(new ExportNoFxReceiptRule()));
    this.ttl = ttl;
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<FxAccount> d =
        new ValueStateDescriptor<>("fx-account", BlockType.of(FxAccount.class));
    d.enableTimeToLive(StateTtl.of(ttl));
    account = getRuntimeContext().getState(d);
  }

  @Override
  public void processElement(FxSignal signal, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    FxAccount a = account.value() == null ? new FxAccount() : account.value();
    if (signal.paid()) {
      boolean first = a.payment == null;
      a.payment = signal; // the matcher may report a parcel again: its latest payment counts
      if (first) {
        for (RuleDefinition d : definitions(ctx, RuleType.EXPORT_NO_FX_RECEIPT)) {
          Instant due = signal.at().plus(d.duration("within"));
          ctx.timerService().registerEventTimeTimer(due.toEpochMilli());
        }
      }
    } else {
      a.receipts.putIfAbsent(signal.id(), signal);
    }
    account.update(a);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<RiskAlert> out)
      throws Exception {
    FxAccount a = account.value();
    if (a == null || a.payment == null) return;
    evaluate(
        new FxContext(ctx.getCurrentKey(), a, Instant.ofEpochMilli(timestamp)),
        null,
        a.payment.ebcCode(),
        ctx,
        out);
  }
}
