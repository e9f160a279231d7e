package io.sanliu.model.credit;

import java.time.Instant;
import java.util.List;

/**
 * A grade change, published on {@code sanliu.credit-grades} (key: the participant's code).
 *
 * @param from the grade before (null: the participant's first grade)
 * @param to the new grade
 * @param downgrade whether {@code to} is worse than {@code from}
 * @param cause the factor whose points moved most since the previous revision
 * @param at event time of the evidence that changed it
 */
public record CreditGradeChange(
    String code,
    List<Participant> participants,
    Grade from,
    Grade to,
    boolean downgrade,
    double score,
    Double previousScore,
    CreditFactor cause,
    List<Contribution> contributions,
    long revision,
    Instant at) {

  public String key() {
    return code;
  }

  /** Deterministic id: code and revision. */
  public String changeId() {
    return code + "@" + String.format("%010d", revision);
  }
}
