package io.sanliu.model.credit;

import io.sanliu.model.events.Severity;

/**
 * What the ledger keeps of one alert: enough to weigh it, to count it by rule and severity, and to
 * take it back when it is closed as a false positive.
 *
 * @param timeMillis the alert's event time
 * @param outcome its review outcome: null while open, else an {@code AlertStatus} name
 */
public record AlertMark(String ruleType, Severity severity, long timeMillis, String outcome) {

  public static final String TRUE_POSITIVE = "CLOSED_TRUE_POSITIVE";
  public static final String FALSE_POSITIVE = "CLOSED_FALSE_POSITIVE";

  public AlertMark withOutcome(String newOutcome) {
    return new AlertMark(ruleType, severity, timeMillis, newOutcome);
  }

  public boolean falsePositive() {
    return FALSE_POSITIVE.equals(outcome);
  }

  public boolean truePositive() {
    return TRUE_POSITIVE.equals(outcome);
  }
}
