package io.sanliu.jobs.risk.shipment;

import io.sanliu.model.events.Direction;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.TradeMode;
import java.time.Instant;

/**
 * What is known of one parcel's shipment: its customs list (order, direction, mode, enterprise,
 * declaration) and its tracking (how many distinct events, the latest by event time).
 *
 * @param declTime the list's declaration time; null without a list
 * @param listIngestTime when the gateway took the list in
 * @param trackingEvents distinct tracking events seen
 * @param lastStatus status of the latest tracking event by event time
 * @param lastEventAt event time of the latest tracking event
 * @param lastIngestTime when the gateway took the latest tracking event in
 */
public record Shipment(
    String orderKey,
    Direction direction,
    TradeMode tradeMode,
    String ebcCode,
    Instant declTime,
    Instant listIngestTime,
    int trackingEvents,
    LogisticsStatus lastStatus,
    Instant lastEventAt,
    Instant lastIngestTime) {

  public static final Shipment NONE =
      new Shipment(null, null, null, null, null, null, 0, null, null, null);

  static boolean isFinal(LogisticsStatus status) {
    return status == LogisticsStatus.DELIVERED || status == LogisticsStatus.RETURNED;
  }

  /** With one more distinct tracking event; the latest by event time wins, whatever the order. */
  Shipment tracked(ShipmentSignal e) {
    boolean latest = lastEventAt == null || !e.eventTime().isBefore(lastEventAt);
    return new Shipment(
        orderKey,
        direction,
        tradeMode,
        ebcCode,
        declTime,
        listIngestTime,
        trackingEvents + 1,
        latest ? e.status() : lastStatus,
        latest ? e.eventTime() : lastEventAt,
        latest ? e.ingestTime() : lastIngestTime);
  }

  /** With what a customs list tells; a withdrawn list takes it back. */
  Shipment listed(ShipmentSignal l) {
    boolean keep = !l.deleted();
    return new Shipment(
        keep ? l.orderKey() : null,
        keep ? l.direction() : null,
        keep ? l.tradeMode() : null,
        keep ? l.ebcCode() : null,
        keep ? l.eventTime() : null,
        keep ? l.ingestTime() : null,
        trackingEvents,
        lastStatus,
        lastEventAt,
        lastIngestTime);
  }

  public boolean tracked() {
    return trackingEvents > 0 && lastEventAt != null;
  }

  public boolean ended() {
    return isFinal(lastStatus);
  }

  /** Declared for export by a customs list (direction E). */
  public boolean exportDeclared() {
    return direction == Direction.E && declTime != null && orderKey != null;
  }
}
