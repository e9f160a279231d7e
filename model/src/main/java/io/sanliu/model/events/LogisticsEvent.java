package io.sanliu.model.events;

import java.time.Instant;

/**
 * A tracking event of one parcel.
 *
 * @param location free text or a site code where it happened
 * @param country customs 3-digit country code of the location, when known
 * @param transportMode air, rail, sea or road, as the carrier reports it
 */
public record LogisticsEvent(
    String eventId,
    String logisticsCode,
    String logisticsNo,
    LogisticsStatus status,
    String location,
    String country,
    String transportMode,
    Instant occurredAt,
    String note)
    implements BusinessEvent {

  @Override
  public String businessKey() {
    return DocumentKeys.waybill(logisticsCode, logisticsNo);
  }

  @Override
  public Instant eventTime() {
    return occurredAt;
  }
}
