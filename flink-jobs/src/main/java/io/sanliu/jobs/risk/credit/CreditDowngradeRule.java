package io.sanliu.jobs.risk.credit;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.util.List;

/**
 * 信用降级: a participant's grade falls to the definition's {@code grade} or below (by default D, 失信).
 * One alert per downgrade (its revision), naming the participant and the factor that moved most. An
 * upgrade, or a downgrade that stays above the grade, raises nothing.
 */
public final class CreditDowngradeRule implements RiskRule<CreditGradeChange> {
  @Override
  public RuleType type() {
    return RuleType.CREDIT_DOWNGRADE;
  }

  @Override
  public List<Finding> evaluate(CreditGradeChange c, RuleDefinition rule) {
    Grade floor = Grade.valueOf(rule.parameter("grade"));
    if (!c.downgrade() || c.to() == null || c.to().compareTo(floor) < 0) return List.of();
    String from = c.from() == null ? "-" : c.from().name();
    String cause = c.cause() == null ? null : c.cause().name();
    Finding.Builder f =
        Finding.about(c.changeId())
            .enterprise(c.code())
            .explain(
                "参与方 "
                    + c.code()
                    + " 信用等级由 "
                    + from
                    + " 降为 "
                    + c.to()
                    + "（"
                    + c.to().nameZh()
                    + "），得分 "
                    + c.score()
                    + (c.cause() == null ? "" : "，主因 " + c.cause().nameZh()),
                "participant "
                    + c.code()
                    + " downgraded from "
                    + from
                    + " to "
                    + c.to()
                    + " ("
                    + c.to().nameEn()
                    + "), score "
                    + c.score()
                    + (cause == null ? "" : ", mostly " + cause))
            .evidence("from", from)
            .evidence("to", c.to())
            .evidence("score", c.score())
            .evidence("previousScore", c.previousScore())
            .evidence("revision", c.revision())
            .evidence("participants", c.participants())
            .score(c.to() == Grade.D ? 90 : 70)
            .at(c.at());
    if (cause != null) f.evidence("cause", cause);
    return List.of(f.build());
  }
}
