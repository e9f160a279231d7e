package io.sanliu.api.credit;

import io.sanliu.model.simulation.NegativeListEntry;
import java.time.Instant;

/**
 * One change of the negative list made through the API, a document of {@code
 * sanliu-negative-list-audit} (id {@code entryId:action}): who, when, what and why.
 */
public record NegativeListAuditEntry(
    String entryId,
    String action,
    NegativeListEntry.Subject subject,
    String enterpriseCode,
    String reason,
    String by,
    String role,
    Instant at) {

  public static final String LISTED = "LISTED";
  public static final String REMOVED = "REMOVED";

  public String documentId() {
    return entryId + ":" + action;
  }
}
