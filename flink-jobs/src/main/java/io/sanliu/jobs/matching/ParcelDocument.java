package io.sanliu.jobs.matching;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import java.time.Instant;

/**
 * One document of a parcel on its way to the matcher: exactly one of the four is set. The key is
 * the parcel's (ebpCode:orderNo); a waybill gets it from its customs list.
 */
public record ParcelDocument(
    String parcelKey, Order order, Payment payment, Waybill waybill, CustomsList list) {

  public static ParcelDocument of(String key, Order o) {
    return new ParcelDocument(key, o, null, null, null);
  }

  public static ParcelDocument of(String key, Payment p) {
    return new ParcelDocument(key, null, p, null, null);
  }

  public static ParcelDocument of(String key, Waybill w) {
    return new ParcelDocument(key, null, null, w, null);
  }

  public static ParcelDocument of(String key, CustomsList l) {
    return new ParcelDocument(key, null, null, null, l);
  }

  AppType appType() {
    if (order != null) return order.appType();
    if (payment != null) return payment.appType();
    if (waybill != null) return waybill.appType();
    return list.appType();
  }

  Instant eventTime() {
    if (order != null) return order.eventTime();
    if (payment != null) return payment.eventTime();
    if (waybill != null) return waybill.eventTime();
    return list.eventTime();
  }

  /** The parcel's documents with this one added, replaced (a change) or removed (a deletion). */
  ParcelDocuments applyTo(ParcelDocuments docs) {
    boolean delete = appType() == AppType.DELETE;
    if (order != null)
      return new ParcelDocuments(
          delete ? null : order, docs.payment(), docs.waybill(), docs.list());
    if (payment != null)
      return new ParcelDocuments(
          docs.order(), delete ? null : payment, docs.waybill(), docs.list());
    if (waybill != null)
      return new ParcelDocuments(
          docs.order(), docs.payment(), delete ? null : waybill, docs.list());
    return new ParcelDocuments(docs.order(), docs.payment(), docs.waybill(), delete ? null : list);
  }
}
