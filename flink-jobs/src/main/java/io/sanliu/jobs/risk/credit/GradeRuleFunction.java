package io.sanliu.jobs.risk.credit;

import io.sanliu.jobs.risk.RuleFamilyFunction;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleFamily;
import java.util.List;
import org.apache.flink.util.Collector;

/**
 * The credit rules over the credit job's grade changes ({@code sanliu.credit-grades}), keyed by the
 * participant's code. Stateless: each change is judged on its own.
 */
public final class GradeRuleFunction
    extends RuleFamilyFunction<String, CreditGradeChange, CreditGradeChange> {

  public GradeRuleFunction() {
    super(RuleFamily.CREDIT, List.of(new CreditDowngradeRule()));
  }

  @Override
  public void processElement(
      CreditGradeChange change, ReadOnlyContext ctx, Collector<RiskAlert> out) throws Exception {
    evaluate(change, null, change.code(), ctx, out);
  }
}
