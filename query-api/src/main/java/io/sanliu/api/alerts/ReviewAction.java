package io.sanliu.api.alerts;

import io.sanliu.api.ApiProblem;
import io.sanliu.model.risk.AlertStatus;

/**
 * What a risk officer can do to an alert, and the legal transitions: open → acknowledged → closed
 * (as a true or false positive); assigning keeps the status and is allowed until it is closed.
 */
public enum ReviewAction {
  ACKNOWLEDGE,
  ASSIGN,
  CLOSE;

  /** The path segment and audit name, e.g. {@code acknowledge}. */
  public String verb() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The status after this action, or a 409 problem when it does not apply to {@code current}. */
  public AlertStatus next(AlertStatus current, ReviewRequest request) {
    return switch (this) {
      case ACKNOWLEDGE -> {
        if (current != AlertStatus.OPEN) throw illegal(current, "only an OPEN alert");
        yield AlertStatus.ACKNOWLEDGED;
      }
      case ASSIGN -> {
        if (closed(current)) throw illegal(current, "an alert that is not closed");
        yield current;
      }
      case CLOSE -> {
        if (current == AlertStatus.OPEN) {
          throw illegal(current, "an ACKNOWLEDGED alert (acknowledge it first)");
        }
        if (closed(current)) throw illegal(current, "an ACKNOWLEDGED alert");
        yield request.outcome().closedStatus();
      }
    };
  }

  /** Whether a status is one of the two closed ones. */
  public static boolean closed(AlertStatus s) {
    return s == AlertStatus.CLOSED_TRUE_POSITIVE || s == AlertStatus.CLOSED_FALSE_POSITIVE;
  }

  private ApiProblem illegal(AlertStatus current, String applies) {
    return ApiProblem.conflict(
            "cannot "
                + verb()
                + " an alert that is "
                + current
                + "; "
                + verb()
                + " applies to "
                + applies)
        .with("alertStatus", current.name());
  }
}
