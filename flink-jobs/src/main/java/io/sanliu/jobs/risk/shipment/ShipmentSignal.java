package io.sanliu.jobs.risk.shipment;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.TradeMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the shipment rules learn of one parcel, keyed by its waybill key: a tracking event, or a
 * customs list naming the waybill (which tells the parcel's order, direction, trade mode and
 * enterprise). Flat, so that it travels between operators without the documents.
 *
 * @param eventTime a tracking event's {@code occurredAt}; a list's declaration time
 * @param ingestTime when the gateway took the document in; may be null
 * @param eventId a tracking event's id (null for a list)
 * @param status a tracking event's status (null for a list)
 * @param orderKey a list's order key (null for a tracking event)
 * @param deleted a list withdrawn ({@code appType} 3)
 */
public record ShipmentSignal(
    String waybillKey,
    Kind kind,
    Instant eventTime,
    Instant ingestTime,
    String eventId,
    LogisticsStatus status,
    String orderKey,
    Direction direction,
    TradeMode tradeMode,
    String ebcCode,
    boolean deleted) {

  public enum Kind {
    TRACKING,
    LIST
  }

  public ShipmentSignal {
    Objects.requireNonNull(waybillKey, "waybillKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  public static ShipmentSignal of(Envelope<LogisticsEvent> envelope) {
    LogisticsEvent e = envelope.payload();
    return new ShipmentSignal(
        DocumentKeys.waybill(e.logisticsCode(), e.logisticsNo()),
        Kind.TRACKING,
        e.occurredAt() != null ? e.occurredAt() : envelope.eventTime(),
        envelope.ingestTime(),
        e.eventId(),
        e.status(),
        null,
        null,
        null,
        null,
        false);
  }

  /** The list's signal, or empty when the list names no waybill (nothing to follow). */
  public static Optional<ShipmentSignal> ofList(Envelope<CustomsList> envelope) {
    CustomsList l = envelope.payload();
    if (blank(l.logisticsCode()) || blank(l.logisticsNo())) return Optional.empty();
    Instant declared = l.declTime() != null ? l.declTime() : envelope.eventTime();
    if (declared == null) return Optional.empty();
    return Optional.of(
        new ShipmentSignal(
            DocumentKeys.waybill(l.logisticsCode(), l.logisticsNo()),
            Kind.LIST,
            declared,
            envelope.ingestTime(),
            null,
            null,
            DocumentKeys.order(l.ebpCode(), l.orderNo()),
            l.direction(),
            l.tradeMode(),
            l.ebcCode(),
            l.appType() == AppType.DELETE));
  }

  /**
   * What makes a tracking event the same one sent twice: its id, or (carriers that give none) its
   * status and time.
   */
  public String trackingId() {
    return eventId != null ? eventId : status + "@" + eventTime.toEpochMilli();
  }

  /** A tracking event that ends the parcel's journey: delivered or sent back. */
  public boolean endsJourney() {
    return Shipment.isFinal(status);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
