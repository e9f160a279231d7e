package io.sanliu.jobs.risk;

import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.io.Serializable;
import java.util.List;

/**
 * One rule type's logic over what its family's stream shows it ({@code C}, e.g. one order or a
 * buyer's recent orders). Stateless: the family's operator keeps the state and the definitions, and
 * calls {@link #evaluate} with each enabled definition of {@link #type()}.
 */
public interface RiskRule<C> extends Serializable {
  RuleType type();

  /** What this definition of the rule finds in {@code context}; usually nothing. */
  List<Finding> evaluate(C context, RuleDefinition rule);
}
