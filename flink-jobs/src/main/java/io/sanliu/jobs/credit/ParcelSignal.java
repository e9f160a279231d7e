package io.sanliu.jobs.credit;

import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.fx.DefaultFxRates;
import io.sanliu.model.risk.AlertReview;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the credit job learns about one parcel (key {@code ebpCode:orderNo}) from one input: who its
 * participants are (order, list), how its match ended, a customs status, an alert naming it, the
 * review of such an alert ({@code status}: the outcome), or a consumer's evaluation of it. {@link
 * ParcelAttribution} turns them into credit facts of the participants.
 */
public record ParcelSignal(
    String parcelKey,
    Kind kind,
    Instant time,
    String ebcCode,
    String ebpCode,
    String payCode,
    String logisticsCode,
    Double amountCny,
    String status,
    String alertId,
    String ruleType,
    Severity severity,
    String evaluationId,
    Integer evaluationScore,
    boolean complaint) {

  /** Which input a signal comes from. */
  public enum Kind {
    ORDER,
    LIST,
    MATCH,
    CUSTOMS_STATUS,
    ALERT,
    REVIEW,
    EVALUATION
  }

  /** The customs list statuses the scorecard counts: returned, inspection, released. */
  static final Set<String> COUNTED_STATUSES =
      Set.of(CustomsReceipt.RETURNED, CustomsReceipt.INSPECTION, CustomsReceipt.RELEASED);

  public static ParcelSignal ofOrder(Envelope<Order> e) {
    Order o = e.payload();
    return new ParcelSignal(
        e.key(),
        Kind.ORDER,
        e.eventTime(),
        o.ebcCode(),
        o.ebpCode(),
        o.payCode(),
        null,
        cny(o.acturalPaid() != null ? o.acturalPaid() : o.goodsValue(), o.currency()),
        null,
        null,
        null,
        null,
        null,
        null,
        false);
  }

  public static ParcelSignal ofList(Envelope<CustomsList> e) {
    CustomsList l = e.payload();
    return new ParcelSignal(
        e.key(),
        Kind.LIST,
        e.eventTime(),
        l.ebcCode(),
        l.ebpCode(),
        null,
        l.logisticsCode(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false);
  }

  /**
   * A list status the scorecard counts, for lists whose receipt names the order (CEB622 receipts
   * that name only the list number are not attributed yet).
   */
  public static Optional<ParcelSignal> ofReceipt(Envelope<CustomsReceipt> e) {
    CustomsReceipt r = e.payload();
    if (r.kind() != ReceiptKind.CUSTOMS_LIST
        || r.orderNo() == null
        || r.ebpCode() == null
        || !COUNTED_STATUSES.contains(r.returnStatus())) {
      return Optional.empty();
    }
    return Optional.of(
        new ParcelSignal(
            e.key(),
            Kind.CUSTOMS_STATUS,
            e.eventTime(),
            null,
            null,
            null,
            null,
            null,
            r.returnStatus(),
            null,
            null,
            null,
            null,
            null,
            false));
  }

  /** A parcel's match result; waybills no list named (keyed by waybill) are not parcels. */
  public static Optional<ParcelSignal> ofOutcome(ParcelOutcome o, long timestamp) {
    if (o.result() == null || o.result().orderNo() == null) return Optional.empty();
    return Optional.of(
        new ParcelSignal(
            o.parcelKey(),
            Kind.MATCH,
            Instant.ofEpochMilli(timestamp),
            null,
            null,
            null,
            null,
            null,
            o.status().name(),
            null,
            null,
            null,
            null,
            null,
            false));
  }

  /** An alert naming orders but no participant: one signal per order, to find the enterprise. */
  public static List<ParcelSignal> ofAlert(RiskAlert a) {
    return a.orderKeys().stream()
        .map(
            key ->
                new ParcelSignal(
                    key,
                    Kind.ALERT,
                    a.eventTime(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    a.alertId(),
                    a.ruleType() == null ? null : a.ruleType().name(),
                    a.ruleSeverity(),
                    null,
                    null,
                    false))
        .toList();
  }

  /** A review of an alert naming orders but no participant: one signal per order. */
  public static List<ParcelSignal> ofReview(AlertReview r) {
    return r.orderKeys().stream()
        .map(
            key ->
                new ParcelSignal(
                    key,
                    Kind.REVIEW,
                    r.reviewedAt(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    r.outcome().name(),
                    r.alertId(),
                    r.ruleType() == null ? null : r.ruleType().name(),
                    null,
                    null,
                    null,
                    false))
        .toList();
  }

  /**
   * A consumer's evaluation of the parcel's order; it names the enterprise when the platform sent
   * {@code ebcCode}, else the parcel's order or list does. Scores outside 1-5 are not evidence.
   */
  public static Optional<ParcelSignal> ofEvaluation(Envelope<Evaluation> e) {
    Evaluation v = e.payload();
    if (v.score() < 1 || v.score() > 5) return Optional.empty();
    return Optional.of(
        new ParcelSignal(
            e.key(),
            Kind.EVALUATION,
            e.eventTime(),
            v.ebcCode() == null || v.ebcCode().isBlank() ? null : v.ebcCode(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            v.evaluationId() != null ? v.evaluationId() : e.messageGuid(),
            v.score(),
            v.complaint()));
  }

  public boolean matched() {
    return MatchStatus.COMPLETE.name().equals(status);
  }

  /** An amount in yuan at the platform's default rates; null when the currency is unknown. */
  static Double cny(BigDecimal amount, String currency) {
    if (amount == null) return null;
    if (currency == null || "142".equals(currency)) return amount.doubleValue();
    return DefaultFxRates.find(currency)
        .map(rate -> amount.multiply(rate).doubleValue())
        .orElse(null);
  }
}
