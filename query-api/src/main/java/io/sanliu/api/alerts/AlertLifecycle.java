package io.sanliu.api.alerts;

import io.sanliu.api.auth.Caller;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import java.time.Instant;

/**
 * An alert's review state, a document of {@code sanliu-alert-status} with the alert's id. It also
 * copies the alert's filter and sort fields (rule, type, severity, score, shadow, enterprise,
 * times) as they were at the last review, so that lists of reviewed alerts (say, every closed one)
 * are answered from this small index alone.
 *
 * @param revision 1 for the first review, +1 for each change; the audit entry of a change has the
 *     same revision
 */
public record AlertLifecycle(
    String alertId,
    AlertStatus status,
    String assignee,
    String comment,
    String updatedBy,
    Instant updatedAt,
    int revision,
    String ruleId,
    RuleType ruleType,
    Severity severity,
    double score,
    boolean shadow,
    String enterpriseCode,
    Instant eventTime,
    Instant detectedAt) {

  /** The state of an alert nobody has reviewed: open, unassigned, revision 0. */
  public static AlertLifecycle unreviewed(RiskAlert alert) {
    return new AlertLifecycle(
        alert.alertId(),
        AlertStatus.OPEN,
        null,
        null,
        null,
        null,
        0,
        alert.ruleId(),
        alert.ruleType(),
        alert.severity(),
        alert.score(),
        alert.shadow(),
        alert.enterpriseCode(),
        alert.eventTime(),
        alert.detectedAt());
  }

  /** The next revision, with the alert's fields copied afresh from its current document. */
  public AlertLifecycle next(
      AlertStatus status, String assignee, String comment, Caller by, Instant at, RiskAlert alert) {
    return new AlertLifecycle(
        alertId,
        status,
        assignee,
        comment,
        by.subject(),
        at,
        revision + 1,
        alert.ruleId(),
        alert.ruleType(),
        alert.severity(),
        alert.score(),
        alert.shadow(),
        alert.enterpriseCode(),
        alert.eventTime(),
        alert.detectedAt());
  }
}
