package io.sanliu.api.alerts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.risk.AlertStatus;
import java.util.List;

/**
 * An alert as the API shows it: the engine's document, its status and review from the review index
 * (the engine's own {@code status} field is always OPEN), and personal values hidden for roles that
 * do not triage.
 */
public final class AlertView {
  private AlertView() {}

  public static ObjectNode render(ObjectNode alert, AlertLifecycle lifecycle, Role role) {
    ObjectNode out = alert.deepCopy();
    out.put("status", (lifecycle == null ? AlertStatus.OPEN : lifecycle.status()).name());
    if (lifecycle != null && lifecycle.revision() > 0) {
      ObjectNode review = out.putObject("review");
      review.put("revision", lifecycle.revision());
      if (lifecycle.assignee() != null) review.put("assignee", lifecycle.assignee());
      review.put("updatedBy", lifecycle.updatedBy());
      review.put("updatedAt", lifecycle.updatedAt().toString());
      if (lifecycle.comment() != null) {
        review.put(
            "comment", role.seesPersonalData() ? lifecycle.comment() : PersonalEvidence.HIDDEN);
      }
    }
    if (!role.seesPersonalData()) {
      PersonalEvidence.hide(out);
      out.put("personalDataHidden", true);
    }
    return out;
  }

  /** The detail view: the alert with its whole review history. */
  public static ObjectNode withHistory(ObjectNode view, List<AuditEntry> history, Role role) {
    ArrayNode entries = view.putArray("history");
    for (AuditEntry e : history) {
      ObjectNode entry = Json.mapper().valueToTree(e);
      if (!role.seesPersonalData() && entry.hasNonNull("comment")) {
        entry.put("comment", PersonalEvidence.HIDDEN);
      }
      entries.add(entry);
    }
    return view;
  }
}
