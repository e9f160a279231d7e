package io.sanliu.jobs.risk;

import io.sanliu.model.credit.Grade;
import io.sanliu.model.events.RiskAlert;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Credit supervision in the risk engine (分类监管): an alert about an enterprise of the worst grade (D,
 * 失信) is raised one severity level, and every alert about a graded enterprise records its grade.
 * The rule's own severity stays in the evidence ({@link RiskAlert#SEVERITY_RAISED_FROM}), so the
 * credit job does not count the raise against the enterprise a second time. Credit rules themselves
 * are not raised: their severity already is the grade's.
 */
public final class CreditSeverity {
  public static final String CREDIT_GRADE = "creditGrade";

  private CreditSeverity() {}

  /** The alert as the grade of its enterprise ({@code null}: ungraded) makes it. */
  public static RiskAlert apply(RiskAlert a, Grade grade) {
    if (grade == null || a.evidence().containsKey(RiskAlert.SEVERITY_RAISED_FROM)) return a;
    Map<String, String> evidence = new LinkedHashMap<>(a.evidence());
    evidence.put(CREDIT_GRADE, grade.name());
    boolean raise =
        grade == Grade.D
            && a.ruleType() != null
            && !a.ruleType().families().contains(io.sanliu.model.risk.RuleFamily.CREDIT)
            && a.severity().raised() != a.severity();
    if (raise) evidence.put(RiskAlert.SEVERITY_RAISED_FROM, a.severity().name());
    return a.with(raise ? a.severity().raised() : a.severity(), evidence);
  }
}
