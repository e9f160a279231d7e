package io.sanliu.api.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.Params;
import io.sanliu.api.RequestBodies;
import io.sanliu.model.risk.AlertStatus;

/**
 * The body of a review action: {@code {"comment": ...}} for acknowledge, {@code {"assignee": ...}}
 * for assign, {@code {"outcome": "TRUE_POSITIVE" | "FALSE_POSITIVE", "comment": ...}} for close.
 */
public record ReviewRequest(String assignee, Outcome outcome, String comment) {
  static final int MAX_COMMENT = 2000;
  static final int MAX_ASSIGNEE = 128;

  /** How a closed alert turned out: what the rule precision is computed from. */
  public enum Outcome {
    TRUE_POSITIVE,
    FALSE_POSITIVE;

    AlertStatus closedStatus() {
      return this == TRUE_POSITIVE
          ? AlertStatus.CLOSED_TRUE_POSITIVE
          : AlertStatus.CLOSED_FALSE_POSITIVE;
    }
  }

  public static ReviewRequest parse(ReviewAction action, JsonNode body) {
    String comment = RequestBodies.text(body, "comment", MAX_COMMENT);
    String assignee = RequestBodies.text(body, "assignee", MAX_ASSIGNEE);
    Outcome outcome = null;
    String outcomeText = RequestBodies.text(body, "outcome", 32);
    switch (action) {
      case ASSIGN -> {
        if (assignee == null) throw ApiProblem.badRequest("assignee is required (who takes it)");
      }
      case CLOSE -> {
        if (outcomeText == null) {
          throw ApiProblem.badRequest("outcome is required: TRUE_POSITIVE or FALSE_POSITIVE");
        }
        outcome = Params.enumValue("outcome", Outcome.class, outcomeText);
      }
      case ACKNOWLEDGE -> {
        // A comment is all it takes.
      }
    }
    return new ReviewRequest(assignee, outcome, comment);
  }
}
