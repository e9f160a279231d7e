package io.sanliu.api.alerts;

import io.sanliu.model.risk.AlertStatus;
import java.time.Instant;

/**
 * One change of an alert's review state, a document of {@code sanliu-alert-audit} (id {@code
 * alertId:revision}): who did what, when, from which status to which, with their comment.
 */
public record AuditEntry(
    String alertId,
    int revision,
    String action,
    AlertStatus fromStatus,
    AlertStatus toStatus,
    String assignee,
    String comment,
    String by,
    String role,
    Instant at,
    String ruleId) {

  public String documentId() {
    return alertId + ":" + revision;
  }
}
