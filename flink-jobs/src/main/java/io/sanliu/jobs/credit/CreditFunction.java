package io.sanliu.jobs.credit;

import io.sanliu.model.credit.CreditAccount;
import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.CreditProfile;
import io.sanliu.model.credit.CreditUpdate;
import io.sanliu.model.credit.Decay;
import io.sanliu.model.credit.GradePolicy;
import io.sanliu.model.credit.Scorecard;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Keyed by participant code: the participant's credit account (ledger and standing). Every fact
 * updates it; a changed score gives a new profile (to the current index and the history), a changed
 * grade also a grade change event (side output {@link #GRADE_CHANGES}). No timers: decay is applied
 * on event time as facts arrive.
 */
public class CreditFunction extends KeyedProcessFunction<String, CreditFact, CreditProfile> {
  public static final OutputTag<CreditGradeChange> GRADE_CHANGES =
      new OutputTag<>("credit-grade-changes", TypeInformation.of(CreditGradeChange.class));

  private final Duration halfLife;
  private final double margin;
  private transient Scorecard scorecard;
  private transient GradePolicy policy;
  private transient ValueState<CreditAccount> account;

  public CreditFunction(Duration halfLife, double margin) {
    this.halfLife = halfLife;
    this.margin = margin;
  }

  @Override
  public void open(OpenContext context) {
    scorecard = new Scorecard(new Decay(halfLife));
    policy = new GradePolicy(margin);
    account =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("account", TypeInformation.of(CreditAccount.class)));
  }

  @Override
  public void processElement(CreditFact fact, Context ctx, Collector<CreditProfile> out)
      throws Exception {
    CreditAccount a = account.value();
    if (a == null) a = new CreditAccount();
    CreditUpdate u = a.apply(ctx.getCurrentKey(), fact, scorecard, policy, Instant.now());
    account.update(a);
    if (u == null) return;
    out.collect(u.profile());
    if (u.gradeChange() != null) ctx.output(GRADE_CHANGES, u.gradeChange());
  }
}
