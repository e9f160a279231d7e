package io.sanliu.jobs.index;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.RiskAlert;
import java.util.Optional;

/** What each document contributes to the composite index. */
public final class IndexInputs {
  private IndexInputs() {}

  /** A list's declaration starts its clearance (keyed by its order). */
  public static Optional<StretchMark> declared(Envelope<CustomsList> e) {
    CustomsList l = e.payload();
    if (e.payload().appType() == AppType.DELETE || l.eventTime() == null) return Optional.empty();
    return Optional.of(new StretchMark(l.businessKey(), l.eventTime().toEpochMilli(), true));
  }

  /** A release (status 800) of a customs list ends its clearance. */
  public static Optional<StretchMark> released(Envelope<CustomsReceipt> e) {
    CustomsReceipt r = e.payload();
    if (r.kind() != ReceiptKind.CUSTOMS_LIST
        || !CustomsReceipt.RELEASED.equals(r.returnStatus())
        || r.returnTime() == null) {
      return Optional.empty();
    }
    return Optional.of(new StretchMark(r.businessKey(), r.returnTime().toEpochMilli(), false));
  }

  /** A pick-up starts a parcel's transit, its delivery ends it (keyed by the waybill). */
  public static Optional<StretchMark> tracking(Envelope<LogisticsEvent> e) {
    LogisticsEvent t = e.payload();
    if (t.occurredAt() == null) return Optional.empty();
    boolean start = t.status() == LogisticsStatus.PICKED_UP;
    if (!start && t.status() != LogisticsStatus.DELIVERED) return Optional.empty();
    return Optional.of(new StretchMark(t.businessKey(), t.occurredAt().toEpochMilli(), start));
  }

  /** A live alert counts toward risk at its event time; shadow alerts do not exist for screens. */
  public static Optional<IndexEvent> alert(Envelope<RiskAlert> e) {
    RiskAlert a = e.payload();
    if (a.shadow() || a.eventTime() == null || a.severity() == null) return Optional.empty();
    return Optional.of(IndexEvent.alert(a.eventTime().toEpochMilli(), a.severity()));
  }
}
