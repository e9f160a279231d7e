package io.sanliu.api.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.TopicPublisher;
import io.sanliu.api.auth.Caller;
import io.sanliu.model.Json;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.risk.AlertStatus;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;

/**
 * Applies a review action to an alert: reads the alert and its review state, checks the transition,
 * writes the next state with optimistic concurrency (re-reading and re-deciding on a lost race, a
 * few times) and then the audit entry. Closing an alert also publishes its outcome on {@code
 * sanliu.alert-reviews} (an {@link AlertReview}), where the credit job weighs the alert by it.
 *
 * <p>The review state lives in its own index rather than in the alert document because the risk
 * engine rewrites an alert whole (same id) whenever the finding grows; a status stored in the alert
 * would be reset to OPEN by that write. Kept apart, the engine cannot touch it.
 */
public final class AlertReviews {
  static final int ATTEMPTS = 3;

  private final DocumentStore<ObjectNode> alerts;
  private final AlertStatusStore statuses;
  private final AuditTrail audit;
  private final TopicPublisher<AlertReview> outcomes;
  private final Clock clock;

  AlertReviews(
      DocumentStore<ObjectNode> alerts,
      AlertStatusStore statuses,
      AuditTrail audit,
      TopicPublisher<AlertReview> outcomes,
      Clock clock) {
    this.alerts = alerts;
    this.statuses = statuses;
    this.audit = audit;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** The alert document and its new review state once both the state and its audit are stored. */
  record Reviewed(ObjectNode alert, AlertLifecycle lifecycle) {}

  Future<Reviewed> apply(
      String alertId, ReviewAction action, ReviewRequest request, Caller caller) {
    return attempt(alertId, action, request, caller, 1);
  }

  private Future<Reviewed> attempt(
      String alertId, ReviewAction action, ReviewRequest request, Caller caller, int attempt) {
    return alerts
        .get(alertId)
        .compose(
            found -> {
              if (found.isEmpty()) throw ApiProblem.notFound("no alert " + alertId);
              ObjectNode document = found.get().value();
              RiskAlert alert = typed(document);
              return statuses
                  .get(alertId)
                  .compose(read -> decideAndSave(document, alert, read, action, request, caller));
            })
        .recover(
            e -> {
              if (e instanceof AlertStatusStore.ConcurrentReviewException) {
                if (attempt < ATTEMPTS)
                  return attempt(alertId, action, request, caller, attempt + 1);
                return Future.failedFuture(
                    ApiProblem.conflict(
                        "alert "
                            + alertId
                            + " was changed by someone else at the same time; read it and retry"));
              }
              return Future.failedFuture(e);
            });
  }

  private Future<Reviewed> decideAndSave(
      ObjectNode document,
      RiskAlert alert,
      Optional<DocumentStore.Versioned<AlertLifecycle>> read,
      ReviewAction action,
      ReviewRequest request,
      Caller caller) {
    AlertLifecycle current =
        read.map(DocumentStore.Versioned::value).orElseGet(() -> AlertLifecycle.unreviewed(alert));
    AlertStatus to = action.next(current.status(), request);
    String assignee = action == ReviewAction.ASSIGN ? request.assignee() : current.assignee();
    AlertLifecycle next =
        current.next(to, assignee, request.comment(), caller, clock.instant(), alert);
    AuditEntry entry =
        new AuditEntry(
            alert.alertId(),
            next.revision(),
            action.verb(),
            current.status(),
            to,
            assignee,
            request.comment(),
            caller.subject(),
            caller.role().claim(),
            next.updatedAt(),
            alert.ruleId());
    // State first, then its audit entry: a lost race must not leave an entry for a change that
    // never happened. Should the audit write fail, the request fails and says so (see below).
    return statuses
        .save(next, read)
        .compose(
            v ->
                audit
                    .record(entry)
                    .recover(
                        e ->
                            Future.failedFuture(
                                ApiProblem.of(
                                    503,
                                    "the alert is now "
                                        + to
                                        + " but its audit entry could not be written ("
                                        + e.getMessage()
                                        + "); GET the alert to see its history"))))
        .compose(v -> ReviewAction.closed(to) ? publish(review(alert, next, caller)) : done())
        .map(v -> new Reviewed(document, next));
  }

  /** The outcome as the credit job reads it: the alert's subjects, no person or comment. */
  static AlertReview review(RiskAlert alert, AlertLifecycle closed, Caller caller) {
    return new AlertReview(
        alert.alertId(),
        alert.ruleId(),
        alert.ruleType(),
        closed.status(),
        alert.shadow(),
        alert.enterpriseCode(),
        alert.orderKeys(),
        alert.waybillKeys(),
        alert.eventTime(),
        closed.updatedAt(),
        caller.role().claim());
  }

  // After the state and its audit: the topic never carries an outcome the index does not hold.
  private Future<Void> publish(AlertReview review) {
    return outcomes
        .publish(review)
        .<Void>mapEmpty()
        .recover(
            e ->
                Future.failedFuture(
                    ApiProblem.of(
                        503,
                        "the alert is now "
                            + review.outcome()
                            + " and audited, but the review was not published on "
                            + Topics.ALERT_REVIEWS.name()
                            + " ("
                            + e.getMessage()
                            + "), so credit scores do not reflect it yet")));
  }

  private static Future<Void> done() {
    return Future.succeededFuture();
  }

  static RiskAlert typed(ObjectNode document) {
    try {
      return Json.mapper().treeToValue(document, RiskAlert.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("alert document cannot be read as a RiskAlert", e);
    }
  }
}
