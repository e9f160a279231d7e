package io.sanliu.jobs.credit;

import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleFamily;
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
    if (a.shadow() || ofCreditRule(a)) return List.of();
    String rule = a.ruleType() == null ? null : a.ruleType().name();
    if (a.enterpriseCode() != null && !a.enterpriseCode().isBlank()) {
      boolean technical =
          a.ruleType() != null && a.ruleType().families().contains(RuleFamily.TECHNICAL);
      return List.of(
          CreditFact.alert(
              a.enterpriseCode(),
              technical ? Participant.SENDER : Participant.ENTERPRISE,
              a.eventTime(),
              a.alertId(),
              rule,
              a.ruleSeverity()));
    }
    if (!a.orderKeys().isEmpty()) return List.of();
    List<CreditFact> facts = new ArrayList<>();
    a.waybillKeys().stream()
        .map(k -> k.substring(0, Math.max(0, k.indexOf(':'))))
        .filter(code -> !code.isBlank())
        .distinct()
        .forEach(
            code ->
                facts.add(
                    CreditFact.alert(
                        code,
                        Participant.LOGISTICS,
                        a.eventTime(),
                        a.alertId(),
                        rule,
                        a.ruleSeverity())));
    return facts;
  }

  static boolean ofCreditRule(RiskAlert a) {
    return a.ruleType() != null && a.ruleType().families().contains(RuleFamily.CREDIT);
  }

  /** Whether an alert goes through its parcels to find its enterprise. */
  public static boolean throughParcels(RiskAlert a) {
    return !a.shadow()
        && (a.enterpriseCode() == null || a.enterpriseCode().isBlank())
        && !a.orderKeys().isEmpty();
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
