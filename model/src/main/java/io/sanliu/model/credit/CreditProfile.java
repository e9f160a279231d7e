package io.sanliu.model.credit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A participant's current credit profile: a document of {@code sanliu-credit} (id: the code), also
 * the body of each entry of {@code sanliu-credit-history} (id: code and revision).
 *
 * @param code the participant's code
 * @param participants the roles the evidence names it in
 * @param revision how many score changes the profile has had (1 for the first)
 * @param score 0-100
 * @param grade the grade after hysteresis
 * @param previousGrade the grade before the latest grade change (null: never changed)
 * @param gradeSince event time of the latest grade change (or of the first evidence)
 * @param previousScore the score of the previous revision (null for the first)
 * @param cause the factor whose points moved most since the previous revision
 * @param base the scorecard's base points
 * @param contributions each factor's points, figure and explanation
 * @param factorPoints the same points by factor name, for queries and charts
 * @param alertsBySeverity alerts counted (not false positives), by severity name
 * @param alertsByRule alerts counted, by rule type
 * @param asOf event time of the newest evidence
 * @param updatedAt when the job computed it (wall clock)
 */
public record CreditProfile(
    String code,
    List<Participant> participants,
    long revision,
    double score,
    Grade grade,
    String gradeNameZh,
    Grade previousGrade,
    Instant gradeSince,
    Double previousScore,
    CreditFactor cause,
    double base,
    List<Contribution> contributions,
    Map<String, Double> factorPoints,
    double turnover30d,
    double turnover90d,
    double turnover365d,
    double parcelsMatched,
    double parcelsFailed,
    double matchRate,
    double listsReleased,
    double listsInspected,
    double listsReturned,
    double releaseRate,
    double inspectionRate,
    double returnRate,
    Map<String, Integer> alertsBySeverity,
    List<RuleCount> alertsByRule,
    int alertsTruePositive,
    int alertsFalsePositive,
    boolean negativeListed,
    int negativeEntries,
    double inspectionRateSuggested,
    Instant asOf,
    Instant updatedAt) {

  /** Alerts of one rule type. */
  public record RuleCount(String ruleType, int count) {}

  /** Id of the profile's history entry: code and revision, zero-padded so ids sort. */
  public String historyId() {
    return code + "@" + String.format("%010d", revision);
  }
}
