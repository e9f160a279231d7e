package io.sanliu.model.credit;

import io.sanliu.model.events.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * One piece of evidence about one participant, as the credit job derives it from the documents, the
 * matcher, customs receipts, alerts and the negative list. The credit ledger is the decayed sum of
 * a participant's facts.
 *
 * @param code the participant's code (the key of its credit state)
 * @param participant in which role the evidence names it
 * @param kind what happened
 * @param time event time of the evidence
 * @param amountCny verified turnover in yuan ({@link Kind#VERIFIED}); the consumer's score, 1 to 5
 *     ({@link Kind#EVALUATION})
 * @param ref the alert id, negative-list entry id or evaluation id ({@link Kind#ALERT}, {@link
 *     Kind#ALERT_REVIEW}, {@link Kind#NEGATIVE_LISTED}, {@link Kind#NEGATIVE_REMOVED}, {@link
 *     Kind#EVALUATION})
 * @param ruleType the alert's rule type
 * @param severity the alert's severity
 * @param note the alert's review outcome ({@link Kind#ALERT_REVIEW}: {@code CLOSED_TRUE_POSITIVE},
 *     {@code CLOSED_FALSE_POSITIVE}...), the negative-list subject and reason, {@link #COMPLAINT}
 *     for an evaluation with a complaint
 */
public record CreditFact(
    String code,
    Participant participant,
    Kind kind,
    Instant time,
    double amountCny,
    String ref,
    String ruleType,
    Severity severity,
    String note) {

  /** What a fact says. */
  public enum Kind {
    /** A parcel's order, payment, waybill and list agreed. */
    PARCEL_MATCHED,
    /** A parcel's documents disagreed, or some never came. */
    PARCEL_FAILED,
    /** Customs released a list (800). */
    LIST_RELEASED,
    /** Customs inspected a list (500). */
    LIST_INSPECTED,
    /** Customs returned a list (100). */
    LIST_RETURNED,
    /** A parcel both matched and released: its value counts as verified turnover. */
    VERIFIED,
    /** A risk alert about the participant (raised, or raised again with more evidence). */
    ALERT,
    /** A risk officer's review of an alert. */
    ALERT_REVIEW,
    /** An entry of the negative list naming the participant. */
    NEGATIVE_LISTED,
    /** An entry taken off the negative list. */
    NEGATIVE_REMOVED,
    /** A consumer's evaluation of one of the participant's orders (score, maybe a complaint). */
    EVALUATION
  }

  /** {@link #note()} of an evaluation whose consumer filed a complaint. */
  public static final String COMPLAINT = "COMPLAINT";

  public CreditFact {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(time, "time");
  }

  public static CreditFact of(String code, Participant participant, Kind kind, Instant time) {
    return new CreditFact(code, participant, kind, time, 0, null, null, null, null);
  }

  public static CreditFact verified(
      String code, Participant participant, Instant time, double amountCny) {
    return new CreditFact(
        code, participant, Kind.VERIFIED, time, amountCny, null, null, null, null);
  }

  public static CreditFact alert(
      String code,
      Participant participant,
      Instant time,
      String alertId,
      String ruleType,
      Severity severity) {
    return new CreditFact(
        code, participant, Kind.ALERT, time, 0, alertId, ruleType, severity, null);
  }

  public static CreditFact review(String code, Instant time, String alertId, String outcome) {
    return new CreditFact(code, null, Kind.ALERT_REVIEW, time, 0, alertId, null, null, outcome);
  }

  public static CreditFact evaluation(
      String code, Instant time, String evaluationId, int score, boolean complaint) {
    return new CreditFact(
        code,
        Participant.ENTERPRISE,
        Kind.EVALUATION,
        time,
        score,
        evaluationId,
        null,
        null,
        complaint ? COMPLAINT : null);
  }

  /** Whether an evaluation came with a complaint. */
  public boolean complaint() {
    return COMPLAINT.equals(note);
  }

  public static CreditFact negative(
      String code, Instant time, String entryId, boolean removed, String note) {
    return new CreditFact(
        code,
        Participant.ENTERPRISE,
        removed ? Kind.NEGATIVE_REMOVED : Kind.NEGATIVE_LISTED,
        time,
        0,
        entryId,
        null,
        null,
        note);
  }
}
