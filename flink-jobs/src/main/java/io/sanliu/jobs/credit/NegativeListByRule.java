package io.sanliu.jobs.credit;

import io.sanliu.model.credit.AlertMark;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.risk.RuleType;
import io.sanliu.model.simulation.NegativeListEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Negative-list entries the credit job makes by rule (信用负面清单, 依规列入): an enterprise whose fake trade
 * a risk officer confirmed (an alert of a fake-trade rule closed as a true positive), or one that
 * stayed at the worst grade for a sustained period. Entry ids are deterministic, so the same
 * finding lists once however often it is seen; an administrator removes them like any other.
 */
public final class NegativeListByRule {
  /** Who lists by rule, in {@code listedBy}. */
  public static final String LISTER = "credit-job";

  /** The rules whose confirmed alerts are fake trade (虚假贸易). */
  static final Set<String> FAKE_TRADE =
      Set.of(
          RuleType.EXPORT_NOT_SHIPPED.name(),
          RuleType.ORPHAN_DOCUMENT.name(),
          RuleType.EXPORT_DOMESTIC_PAYER.name(),
          RuleType.EXPORT_NO_FX_RECEIPT.name());

  private NegativeListByRule() {}

  /** An entry for a confirmed fake-trade alert; empty for any other alert or outcome. */
  public static Optional<NegativeListEntry> confirmedFakeTrade(
      String code, String alertId, AlertMark mark, Instant at) {
    if (mark == null
        || !AlertMark.TRUE_POSITIVE.equals(mark.outcome())
        || !FAKE_TRADE.contains(mark.ruleType())) {
      return Optional.empty();
    }
    return Optional.of(
        entry(
            "rule-fake-trade:" + code + ":" + alertId,
            code,
            "确认虚假贸易（" + mark.ruleType() + " 预警 " + alertId + " 经复核属实）",
            at));
  }

  /**
   * An entry for an enterprise at the worst grade since {@code since} for {@code after} by {@code
   * now}; empty before then or at another grade.
   */
  public static Optional<NegativeListEntry> sustainedWorstGrade(
      String code, Grade grade, long since, long now, Duration after) {
    if (grade != Grade.D || now < since + after.toMillis()) return Optional.empty();
    return Optional.of(
        entry(
            "rule-worst-grade:" + code + ":" + since,
            code,
            "信用等级连续 " + after.toDays() + " 天为 D（失信）",
            Instant.ofEpochMilli(since).plus(after)));
  }

  private static NegativeListEntry entry(String id, String code, String reason, Instant at) {
    return new NegativeListEntry(
        id, NegativeListEntry.Subject.ENTERPRISE, code, null, null, null, reason, LISTER, at, null);
  }
}
