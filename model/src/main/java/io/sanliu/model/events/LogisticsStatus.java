package io.sanliu.model.events;

/** Steps of a parcel's journey reported by logistics firms (not a CEB message). */
public enum LogisticsStatus {
  PICKED_UP,
  DEPARTED,
  ARRIVED,
  CUSTOMS_CLEARANCE,
  OUT_FOR_DELIVERY,
  DELIVERED,
  EXCEPTION,
  RETURNED
}
