package io.sanliu.model.credit;

import io.sanliu.model.events.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The credit scorecard (信用评价): a base of {@link #BASE} points plus one contribution per factor,
 * clamped to 0-100. Every contribution is kept with the score (see {@link CreditScore}), so a grade
 * change is explained by the factors that moved. docs/credit.md gives the formula with examples.
 *
 * <ul>
 *   <li>Rates (three-document match, inspection, return) are shrunk toward a prior: with {@code n}
 *       (decayed) observations of which {@code bad} went wrong, the rate is {@code (bad + m·p0) /
 *       (n + m)}, so a participant with few observations sits near the prior {@code p0} and one odd
 *       day moves it little. Points: {@code W · clamp((p0 − rate) / p0, −1, 1)}: better than the
 *       prior earns up to {@code W}, twice the prior or worse loses {@code W}.
 *   <li>Alerts are incidents, counted regardless of volume (as customs counts violations): their
 *       severity points ({@link #severityPoints}), decayed with age, times 1.5 for alerts closed as
 *       true positives and dropped for false positives, sum to {@code S}; points {@code −W · (1 −
 *       e^(−S/S0))}, which saturates: many alerts cannot take more than {@code W}.
 *   <li>Verified turnover (matched and released parcels, 365 days) earns up to {@code W} on a log
 *       scale: a track record, not size for its own sake.
 *   <li>Consumer evaluations: the complaint rate and the mean score (1-5), each shrunk toward its
 *       prior like the rates above, earn or lose half of {@link #EVALUATION_WEIGHT} each: a
 *       complaint rate of twice the prior, or a mean score a star below the prior, loses the half.
 *   <li>The negative list: an entry listing the participant costs {@code W} while it stands (half
 *       for a listed item of its goods) and fades with the decay after its removal.
 * </ul>
 *
 * @param decay how old evidence weighs less (also used for alerts and negative-list removals)
 */
public record Scorecard(Decay decay) {
  public static final double BASE = 75;

  public static final double TURNOVER_WEIGHT = 8;

  /** Yuan of verified turnover that earn the full turnover points, on a log10 scale from 1,000. */
  public static final double TURNOVER_FULL_DECADES = 4;

  public static final double MATCH_WEIGHT = 12;
  public static final double MATCH_PRIOR = 0.03;
  public static final double MATCH_PRIOR_WEIGHT = 20;

  public static final double INSPECTION_WEIGHT = 4;
  public static final double INSPECTION_PRIOR = 0.04;
  public static final double INSPECTION_PRIOR_WEIGHT = 30;

  public static final double RETURN_WEIGHT = 4;
  public static final double RETURN_PRIOR = 0.01;
  public static final double RETURN_PRIOR_WEIGHT = 50;

  public static final double ALERT_WEIGHT = 40;
  public static final double ALERT_SCALE = 10;
  public static final double TRUE_POSITIVE_FACTOR = 1.5;

  public static final double NEGATIVE_WEIGHT = 40;

  // Evaluations are few and say more about a parcel's journey than about the enterprise's honesty:
  // a small weight, and a prior that outweighs the first handful.
  public static final double EVALUATION_WEIGHT = 4;
  public static final double COMPLAINT_PRIOR = 0.035;
  public static final double EVALUATION_SCORE_PRIOR = 4.3;
  public static final double EVALUATION_PRIOR_WEIGHT = 20;

  /** Stars below the prior mean score that lose the score's half of the weight. */
  public static final double EVALUATION_SCORE_SCALE = 1;

  /** Points of one alert of a severity, before decay and review. */
  public static double severityPoints(Severity severity) {
    return switch (severity) {
      case LOW -> 1;
      case MEDIUM -> 3;
      case HIGH -> 6;
      case CRITICAL -> 12;
    };
  }

  /** The score of a ledger as of its newest fact. */
  public CreditScore score(CreditLedger ledger) {
    List<Contribution> parts = new ArrayList<>();
    parts.add(turnover(ledger));
    parts.add(
        rate(
            CreditFactor.MATCH_RATE,
            ledger.failed(),
            ledger.matched() + ledger.failed(),
            MATCH_PRIOR,
            MATCH_PRIOR_WEIGHT,
            MATCH_WEIGHT,
            "parcels failed matching"));
    double concluded = ledger.released() + ledger.returned();
    parts.add(
        rate(
            CreditFactor.INSPECTION_RATE,
            Math.min(ledger.inspected(), concluded),
            concluded,
            INSPECTION_PRIOR,
            INSPECTION_PRIOR_WEIGHT,
            INSPECTION_WEIGHT,
            "concluded lists inspected"));
    parts.add(
        rate(
            CreditFactor.RETURN_RATE,
            ledger.returned(),
            concluded,
            RETURN_PRIOR,
            RETURN_PRIOR_WEIGHT,
            RETURN_WEIGHT,
            "concluded lists returned"));
    parts.add(alerts(ledger));
    parts.add(evaluations(ledger));
    parts.add(negative(ledger));
    double sum = BASE + parts.stream().mapToDouble(Contribution::points).sum();
    return new CreditScore(Math.max(0, Math.min(100, sum)), BASE, parts);
  }

  /** A bad-outcome rate shrunk toward its prior, and its points. */
  static Contribution rate(
      CreditFactor factor,
      double bad,
      double n,
      double prior,
      double priorWeight,
      double weight,
      String what) {
    double shrunk = (bad + priorWeight * prior) / (n + priorWeight);
    double ratio = Math.max(-1, Math.min(1, (prior - shrunk) / prior));
    return new Contribution(
        factor,
        weight * ratio,
        shrunk,
        n,
        String.format(
            Locale.ROOT,
            "%.1f of %.1f %s (decayed); rate %.2f%% after shrinking toward the prior %.2f%%",
            bad,
            n,
            what,
            100 * shrunk,
            100 * prior));
  }

  private static Contribution turnover(CreditLedger ledger) {
    double yearCny = ledger.verifiedTurnover(365);
    double share = Math.min(1, Math.log10(1 + yearCny / 1000) / TURNOVER_FULL_DECADES);
    return new Contribution(
        CreditFactor.VERIFIED_TURNOVER,
        TURNOVER_WEIGHT * share,
        yearCny,
        ledger.matched(),
        String.format(Locale.ROOT, "verified turnover of 365 days: %.2f CNY", yearCny));
  }

  private Contribution alerts(CreditLedger ledger) {
    double weighted = 0;
    int counted = 0;
    int dropped = 0;
    for (AlertMark a : ledger.alerts().values()) {
      if (a.falsePositive()) {
        dropped++;
        continue;
      }
      counted++;
      double points = severityPoints(a.severity()) * (a.truePositive() ? TRUE_POSITIVE_FACTOR : 1);
      weighted += points * decay.weight(ledger.asOfMillis() - a.timeMillis());
    }
    return new Contribution(
        CreditFactor.ALERTS,
        -ALERT_WEIGHT * (1 - Math.exp(-weighted / ALERT_SCALE)),
        weighted,
        counted,
        String.format(
            Locale.ROOT,
            "%d alerts weigh %.2f severity points after decay (%d false positives not counted)",
            counted,
            weighted,
            dropped));
  }

  /** Complaint rate and mean score of consumer evaluations, both shrunk toward their priors. */
  static Contribution evaluations(CreditLedger ledger) {
    double n = ledger.evaluations();
    double m = EVALUATION_PRIOR_WEIGHT;
    double complaintRate = (ledger.complaints() + m * COMPLAINT_PRIOR) / (n + m);
    double meanScore = (ledger.evaluationScoreSum() + m * EVALUATION_SCORE_PRIOR) / (n + m);
    double complaintRatio = clamp((COMPLAINT_PRIOR - complaintRate) / COMPLAINT_PRIOR);
    double scoreRatio = clamp((meanScore - EVALUATION_SCORE_PRIOR) / EVALUATION_SCORE_SCALE);
    double points = EVALUATION_WEIGHT / 2 * (complaintRatio + scoreRatio);
    return new Contribution(
        CreditFactor.EVALUATIONS,
        points,
        complaintRate,
        n,
        String.format(
            Locale.ROOT,
            "%.1f of %.1f evaluations (decayed) with a complaint: rate %.2f%% after shrinking toward"
                + " the prior %.2f%%; mean score %.2f after shrinking toward the prior %.1f",
            ledger.complaints(),
            n,
            100 * complaintRate,
            100 * COMPLAINT_PRIOR,
            meanScore,
            EVALUATION_SCORE_PRIOR));
  }

  private static double clamp(double ratio) {
    return Math.max(-1, Math.min(1, ratio));
  }

  private Contribution negative(CreditLedger ledger) {
    double worst = 0;
    String why = "never listed";
    for (NegativeMark m : ledger.negative().values()) {
      double w = m.goods() ? 0.5 : 1;
      if (!m.listed()) w *= decay.weight(ledger.asOfMillis() - m.removedAtMillis());
      if (w > worst) {
        worst = w;
        why = (m.listed() ? "listed: " : "removed from the list: ") + m.note();
      }
    }
    return new Contribution(
        CreditFactor.NEGATIVE_LIST, -NEGATIVE_WEIGHT * worst, worst, ledger.negative().size(), why);
  }
}
