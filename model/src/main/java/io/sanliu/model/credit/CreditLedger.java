package io.sanliu.model.credit;

import io.sanliu.model.events.Severity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A participant's credit database entry: the decayed tallies of its evidence as of its latest
 * fact's event time. Counts decay with {@link Decay}: when a newer fact arrives, every tally is
 * multiplied by the weight of the time passed; a late fact is added with the weight of its age.
 * Verified turnover is kept per day, exactly, for the 30/90/365-day figures. Alerts and
 * negative-list entries are kept one by one (they are few), so a review or a removal can change
 * them later.
 */
public final class CreditLedger {
  private static final long DAY_MILLIS = 86_400_000L;

  private long asOf = Long.MIN_VALUE;
  private double matched;
  private double failed;
  private double released;
  private double inspected;
  private double returned;
  private final TreeMap<Long, Double> verifiedByDay = new TreeMap<>();
  private double evaluations;
  private double complaints;
  private double scoreSum;
  private final Map<String, AlertMark> alerts = new HashMap<>();
  // Reviews that came before their alert (separate paths in the job): applied when it comes.
  private final Map<String, String> reviewsAhead = new HashMap<>();
  private final Map<String, NegativeMark> negative = new HashMap<>();
  private final Set<Participant> participants = EnumSet.noneOf(Participant.class);
  private long facts;

  /** Adds one fact, decaying the tallies to the newest event time seen. */
  public void record(CreditFact fact, Decay decay) {
    long t = fact.time().toEpochMilli();
    double weight = 1.0;
    if (asOf == Long.MIN_VALUE) {
      asOf = t;
    } else if (t > asOf) {
      double w = decay.weight(t - asOf);
      matched *= w;
      failed *= w;
      released *= w;
      inspected *= w;
      returned *= w;
      evaluations *= w;
      complaints *= w;
      scoreSum *= w;
      asOf = t;
    } else {
      weight = decay.weight(asOf - t);
    }
    facts++;
    if (fact.participant() != null) participants.add(fact.participant());
    switch (fact.kind()) {
      case PARCEL_MATCHED -> matched += weight;
      case PARCEL_FAILED -> failed += weight;
      case LIST_RELEASED -> released += weight;
      case LIST_INSPECTED -> inspected += weight;
      case LIST_RETURNED -> returned += weight;
      case VERIFIED -> verifiedByDay.merge(day(t), fact.amountCny(), Double::sum);
      case ALERT -> {
        AlertMark before = alerts.get(fact.ref());
        Severity severity = fact.severity() != null ? fact.severity() : Severity.MEDIUM;
        // Raised again with more evidence: same alert, its review outcome kept.
        alerts.put(
            fact.ref(),
            new AlertMark(
                fact.ruleType(),
                severity,
                before != null ? Math.min(before.timeMillis(), t) : t,
                before != null ? before.outcome() : reviewsAhead.remove(fact.ref())));
      }
      case ALERT_REVIEW -> {
        AlertMark before = alerts.get(fact.ref());
        if (before != null) alerts.put(fact.ref(), before.withOutcome(fact.note()));
        else reviewsAhead.put(fact.ref(), fact.note());
      }
      case EVALUATION -> {
        evaluations += weight;
        scoreSum += weight * fact.amountCny();
        if (fact.complaint()) complaints += weight;
      }
      case NEGATIVE_LISTED ->
          negative.put(
              fact.ref(),
              new NegativeMark(
                  t, null, fact.note() != null && fact.note().startsWith("GOODS"), fact.note()));
      case NEGATIVE_REMOVED -> {
        NegativeMark before = negative.get(fact.ref());
        if (before != null) {
          negative.put(
              fact.ref(),
              new NegativeMark(before.listedAtMillis(), t, before.goods(), before.note()));
        }
      }
    }
    // A year and a day of turnover is all the figures need.
    verifiedByDay.headMap(day(asOf) - 366).clear();
  }

  private static long day(long millis) {
    return Math.floorDiv(millis, DAY_MILLIS);
  }

  /** Event time of the newest fact. */
  public Instant asOf() {
    return asOf == Long.MIN_VALUE ? null : Instant.ofEpochMilli(asOf);
  }

  public long asOfMillis() {
    return asOf;
  }

  /** Verified turnover (CNY) of the {@code days} days up to and including the newest fact's day. */
  public double verifiedTurnover(int days) {
    if (asOf == Long.MIN_VALUE) return 0;
    long last = day(asOf);
    return verifiedByDay.subMap(last - days + 1, true, last, true).values().stream()
        .mapToDouble(Double::doubleValue)
        .sum();
  }

  public double matched() {
    return matched;
  }

  public double failed() {
    return failed;
  }

  public double released() {
    return released;
  }

  public double inspected() {
    return inspected;
  }

  public double returned() {
    return returned;
  }

  /** Consumer evaluations (decayed count). */
  public double evaluations() {
    return evaluations;
  }

  /** Evaluations that came with a complaint (decayed count). */
  public double complaints() {
    return complaints;
  }

  /** Sum of the evaluations' scores (1-5), each decayed like the counts. */
  public double evaluationScoreSum() {
    return scoreSum;
  }

  public Map<String, AlertMark> alerts() {
    return java.util.Collections.unmodifiableMap(alerts);
  }

  public Map<String, NegativeMark> negative() {
    return java.util.Collections.unmodifiableMap(negative);
  }

  public Set<Participant> participants() {
    return java.util.Collections.unmodifiableSet(participants);
  }

  public long facts() {
    return facts;
  }
}
