package io.sanliu.model.risk;

/** Whether a rule's alerts are live (screens and console) or shadow (recorded, not shown). */
public enum RuleMode {
  LIVE,
  SHADOW
}
