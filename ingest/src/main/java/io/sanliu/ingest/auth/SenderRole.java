package io.sanliu.ingest.auth;

import io.sanliu.model.events.EventType;
import java.util.EnumSet;
import java.util.Set;

/** What kind of participant a sender is, and so which documents it may push. */
public enum SenderRole {
  /** E-commerce platforms: orders and their consumers' evaluations. */
  PLATFORM(EnumSet.of(EventType.ORDER, EventType.EVALUATION)),
  /** Payment firms and banks: payment slips, and the proceeds of exports received (收汇). */
  PAYMENT(EnumSet.of(EventType.PAYMENT, EventType.FX_RECEIPT)),
  /** Logistics firms: waybills and tracking events. */
  LOGISTICS(EnumSet.of(EventType.WAYBILL, EventType.LOGISTICS_EVENT)),
  /** Customs or its single window: lists and receipts. */
  CUSTOMS(EnumSet.of(EventType.CUSTOMS_LIST, EventType.CUSTOMS_RECEIPT)),
  /** The zone's administration: enterprise and goods filings. */
  ZONE(EnumSet.of(EventType.ENTERPRISE_FILING, EventType.GOODS_FILING));

  private final Set<EventType> mayPush;

  SenderRole(Set<EventType> mayPush) {
    this.mayPush = mayPush;
  }

  public boolean mayPush(EventType type) {
    return mayPush.contains(type);
  }
}
