package io.sanliu.jobs.credit;

import io.sanliu.model.credit.CreditAccount;
import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.CreditProfile;
import io.sanliu.model.credit.CreditUpdate;
import io.sanliu.model.credit.Decay;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.credit.GradePolicy;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.credit.Scorecard;
import io.sanliu.model.simulation.NegativeListEntry;
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
 * grade also a grade change event (side output {@link #GRADE_CHANGES}). Decay is applied on event
 * time as facts arrive. Enterprises are listed on the negative list by rule (side output {@link
 * #NEGATIVE_ENTRIES}, {@link NegativeListByRule}): at once for a confirmed fake trade, and by an
 * event-time timer when they are still at the worst grade {@code listAfterWorst} after reaching it.
 */
public class CreditFunction extends KeyedProcessFunction<String, CreditFact, CreditProfile> {
  public static final OutputTag<CreditGradeChange> GRADE_CHANGES =
      new OutputTag<>("credit-grade-changes", TypeInformation.of(CreditGradeChange.class));

  public static final OutputTag<NegativeListEntry> NEGATIVE_ENTRIES =
      new OutputTag<>("negative-list-by-rule", TypeInformation.of(NegativeListEntry.class));

  private final Duration halfLife;
  private final double margin;
  private final Duration listAfterWorst;
  private transient Scorecard scorecard;
  private transient GradePolicy policy;
  private transient ValueState<CreditAccount> account;

  public CreditFunction(Duration halfLife, double margin) {
    this(halfLife, margin, Duration.ofDays(30));
  }

  public CreditFunction(Duration halfLife, double margin, Duration listAfterWorst) {
    this.halfLife = halfLife;
    this.margin = margin;
    this.listAfterWorst = listAfterWorst;
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
    boolean enterprise = a.ledger().participants().contains(Participant.ENTERPRISE);
    if (enterprise
        && (fact.kind() == CreditFact.Kind.ALERT || fact.kind() == CreditFact.Kind.ALERT_REVIEW)) {
      // A review may come before or after its alert: whichever completes the pair decides.
      NegativeListByRule.confirmedFakeTrade(
              ctx.getCurrentKey(), fact.ref(), a.ledger().alerts().get(fact.ref()), fact.time())
          .ifPresent(e -> ctx.output(NEGATIVE_ENTRIES, e));
    }
    if (u == null) return;
    out.collect(u.profile());
    if (u.gradeChange() != null) {
      ctx.output(GRADE_CHANGES, u.gradeChange());
      if (enterprise && a.grade() == Grade.D) {
        ctx.timerService().registerEventTimeTimer(a.gradeSince() + listAfterWorst.toMillis());
      }
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CreditProfile> out)
      throws Exception {
    CreditAccount a = account.value();
    if (a == null) return;
    // Still D since the same downgrade: a grade that rose and fell again set a later timer.
    NegativeListByRule.sustainedWorstGrade(
            ctx.getCurrentKey(), a.grade(), a.gradeSince(), timestamp, listAfterWorst)
        .filter(e -> a.gradeSince() + listAfterWorst.toMillis() == timestamp)
        .ifPresent(e -> ctx.output(NEGATIVE_ENTRIES, e));
  }
}
