package io.sanliu.model.credit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One participant's credit: its ledger and its standing (grade, revision, last score). The credit
 * job keeps one per participant code in keyed state and feeds it every fact; it answers with an
 * update when the score (to a tenth of a point), the grade or the negative-list status changed, so
 * the history holds score changes, not every document.
 */
public final class CreditAccount {
  private final CreditLedger ledger = new CreditLedger();
  private Grade grade;
  private Grade previousGrade;
  private long gradeSince;
  private long revision;
  private Double lastScore;
  private boolean lastListed;
  private final EnumMap<CreditFactor, Double> lastPoints = new EnumMap<>(CreditFactor.class);

  /**
   * Records the fact; returns the update it made, or null when the score, the grade and the
   * negative-list status stayed.
   */
  public CreditUpdate apply(
      String code, CreditFact fact, Scorecard scorecard, GradePolicy policy, Instant now) {
    ledger.record(fact, scorecard.decay());
    CreditScore score = scorecard.score(ledger);
    double rounded = Math.round(score.score() * 10) / 10.0;
    Grade next = policy.next(grade, score.score());
    boolean gradeChanged = next != grade;
    // Listed or taken off the negative list is news even when the score has not moved yet (a
    // removal's weight fades from then on).
    boolean listed = ledger.negative().values().stream().anyMatch(NegativeMark::listed);
    boolean listingChanged = listed != lastListed;
    if (!gradeChanged && !listingChanged && lastScore != null && lastScore == rounded) return null;
    lastListed = listed;

    CreditFactor cause = cause(score);
    Double previousScore = lastScore;
    Grade from = grade;
    if (gradeChanged) {
      previousGrade = grade;
      grade = next;
      gradeSince = ledger.asOfMillis();
    }
    revision++;
    lastScore = rounded;
    score.contributions().forEach(c -> lastPoints.put(c.factor(), c.points()));
    CreditProfile profile = profile(code, score, rounded, previousScore, cause, now);
    CreditGradeChange change =
        gradeChanged
            ? new CreditGradeChange(
                code,
                profile.participants(),
                from,
                grade,
                from != null && from.betterThan(grade),
                rounded,
                previousScore,
                cause,
                score.contributions(),
                revision,
                ledger.asOf())
            : null;
    return new CreditUpdate(profile, change);
  }

  /** The factor whose points moved most since the previous revision (null for the first). */
  private CreditFactor cause(CreditScore score) {
    if (lastPoints.isEmpty()) return null;
    CreditFactor biggest = null;
    double most = 0;
    for (Contribution c : score.contributions()) {
      double moved = Math.abs(c.points() - lastPoints.getOrDefault(c.factor(), 0.0));
      if (moved > most) {
        most = moved;
        biggest = c.factor();
      }
    }
    return biggest;
  }

  private CreditProfile profile(
      String code,
      CreditScore score,
      double rounded,
      Double previousScore,
      CreditFactor cause,
      Instant now) {
    Map<String, Double> points = new LinkedHashMap<>();
    score.contributions().forEach(c -> points.put(c.factor().name(), round(c.points())));
    Map<String, Integer> bySeverity = new TreeMap<>();
    Map<String, Integer> byRule = new TreeMap<>();
    int truePositives = 0;
    int falsePositives = 0;
    for (AlertMark a : ledger.alerts().values()) {
      if (a.falsePositive()) {
        falsePositives++;
        continue;
      }
      if (a.truePositive()) truePositives++;
      bySeverity.merge(a.severity().name(), 1, Integer::sum);
      byRule.merge(a.ruleType() == null ? "UNKNOWN" : a.ruleType(), 1, Integer::sum);
    }
    List<CreditProfile.RuleCount> rules = new ArrayList<>();
    byRule.forEach((rule, n) -> rules.add(new CreditProfile.RuleCount(rule, n)));
    double parcels = ledger.matched() + ledger.failed();
    double concluded = ledger.released() + ledger.returned();
    return new CreditProfile(
        code,
        List.copyOf(ledger.participants()),
        revision,
        rounded,
        grade,
        grade.nameZh(),
        previousGrade,
        Instant.ofEpochMilli(gradeSince),
        previousScore,
        cause,
        score.base(),
        score.contributions(),
        points,
        round(ledger.verifiedTurnover(30)),
        round(ledger.verifiedTurnover(90)),
        round(ledger.verifiedTurnover(365)),
        round(ledger.matched()),
        round(ledger.failed()),
        parcels == 0 ? 0 : round(ledger.matched() / parcels),
        round(ledger.released()),
        round(ledger.inspected()),
        round(ledger.returned()),
        concluded == 0 ? 0 : round(ledger.released() / concluded),
        concluded == 0 ? 0 : round(Math.min(ledger.inspected(), concluded) / concluded),
        concluded == 0 ? 0 : round(ledger.returned() / concluded),
        bySeverity,
        rules,
        truePositives,
        falsePositives,
        ledger.negative().values().stream().anyMatch(NegativeMark::listed),
        ledger.negative().size(),
        grade.suggestedInspectionRate(),
        ledger.asOf(),
        now);
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }

  public CreditLedger ledger() {
    return ledger;
  }

  public Grade grade() {
    return grade;
  }

  public long revision() {
    return revision;
  }

  /** Since when (event time, epoch millis) the current grade holds. */
  public long gradeSince() {
    return gradeSince;
  }
}
