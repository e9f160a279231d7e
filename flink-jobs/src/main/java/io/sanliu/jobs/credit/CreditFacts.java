package io.sanliu.jobs.credit;

import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.risk.RuleFamily;
import io.sanliu.model.risk.RuleType;
import io.sanliu.model.simulation.NegativeListEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Facts that name their participant directly, without the parcel's documents. */
public final class CreditFacts {
  private CreditFacts() {}

  /**
   * An alert that names its participant: the enterprise of a parcel or enterprise rule, or the
   * sender of a technical rule (replays, refused input). An alert naming only waybills goes to
   * their logistics firm. Alerts naming orders but no participant go through the parcels instead
   * (empty here); shadow alerts count for nothing, nor do credit rules' alerts (a downgrade is the
   * consequence of the evidence, not more of it). An alert counts at its rule's severity, not as
   * the risk engine raised it for a low grade.
   */
  public static List<CreditFact> ofAlert(RiskAlert a) {
    if (a.shadow() || ofCreditRule(a.ruleType())) return List.of();
    String rule = a.ruleType() == null ? null : a.ruleType().name();
    return subjects(a.ruleType(), a.enterpriseCode(), a.orderKeys(), a.waybillKeys()).stream()
        .map(
            s ->
                CreditFact.alert(
                    s.code(), s.participant(), a.eventTime(), a.alertId(), rule, a.ruleSeverity()))
        .toList();
  }

  /**
   * The review that closed an alert, for the participants {@link #ofAlert} gives the alert itself
   * (reviews of alerts naming orders only go through the parcels, as their alerts do).
   */
  public static List<CreditFact> ofReview(AlertReview r) {
    if (r.shadow() || ofCreditRule(r.ruleType())) return List.of();
    return subjects(r.ruleType(), r.enterpriseCode(), r.orderKeys(), r.waybillKeys()).stream()
        .map(s -> CreditFact.review(s.code(), r.reviewedAt(), r.alertId(), r.outcome().name()))
        .toList();
  }

  /** A participant an alert names directly. */
  record Subject(String code, Participant participant) {}

  private static List<Subject> subjects(
      RuleType type, String enterpriseCode, List<String> orderKeys, List<String> waybillKeys) {
    if (enterpriseCode != null && !enterpriseCode.isBlank()) {
      boolean technical = type != null && type.families().contains(RuleFamily.TECHNICAL);
      return List.of(
          new Subject(enterpriseCode, technical ? Participant.SENDER : Participant.ENTERPRISE));
    }
    if (!orderKeys.isEmpty()) return List.of();
    List<Subject> out = new ArrayList<>();
    waybillKeys.stream()
        .map(k -> k.substring(0, Math.max(0, k.indexOf(':'))))
        .filter(code -> !code.isBlank())
        .distinct()
        .forEach(code -> out.add(new Subject(code, Participant.LOGISTICS)));
    return out;
  }

  static boolean ofCreditRule(RuleType type) {
    return type != null && type.families().contains(RuleFamily.CREDIT);
  }

  /** Whether an alert goes through its parcels to find its enterprise. */
  public static boolean throughParcels(RiskAlert a) {
    return throughParcels(a.shadow(), a.enterpriseCode(), a.orderKeys());
  }

  /** Whether a review goes through the parcels, as its alert did. */
  public static boolean throughParcels(AlertReview r) {
    return !ofCreditRule(r.ruleType())
        && throughParcels(r.shadow(), r.enterpriseCode(), r.orderKeys());
  }

  private static boolean throughParcels(
      boolean shadow, String enterpriseCode, List<String> orderKeys) {
    return !shadow && (enterpriseCode == null || enterpriseCode.isBlank()) && !orderKeys.isEmpty();
  }

  /**
   * A negative-list entry of an enterprise or of its goods (country entries name no one): its
   * listing, and its removal when it was taken off (both, so that a job starting after the removal
   * still counts the time it was listed).
   */
  public static List<CreditFact> ofNegative(NegativeListEntry e) {
    if (e.subject() == NegativeListEntry.Subject.COUNTRY || e.enterpriseCode() == null) {
      return List.of();
    }
    Instant listed = e.listedAt() != null ? e.listedAt() : Instant.EPOCH;
    String note = e.subject().name() + " " + (e.reason() == null ? "" : e.reason());
    CreditFact listing = CreditFact.negative(e.enterpriseCode(), listed, e.entryId(), false, note);
    if (!e.isRemoved()) return List.of(listing);
    String why = e.removalReason() == null ? "" : e.removalReason();
    return List.of(
        listing,
        CreditFact.negative(
            e.enterpriseCode(), e.removedAt(), e.entryId(), true, "removed: " + why));
  }
}
