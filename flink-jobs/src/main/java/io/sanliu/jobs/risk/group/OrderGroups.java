package io.sanliu.jobs.risk.group;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The groups an order belongs to: its buyer's and its delivery address's. */
public final class OrderGroups {
  private OrderGroups() {}

  /**
   * One record per group of a retail import (direction I, 9610 or 1210): its buyer and its delivery
   * address, each when its hash is known. Nothing for a deletion or any other order: the single
   * limit and the annual quota are retail-import rules.
   */
  public static List<GroupedOrder> of(Envelope<Order> envelope) {
    Order o = envelope.payload();
    if (o.appType() == AppType.DELETE || !o.retailImport()) return List.of();
    Instant time = o.eventTime() != null ? o.eventTime() : envelope.eventTime();
    if (time == null) return List.of();
    String buyer = PersonalField.hashOf(o.buyerId());
    String address = PersonalField.hashOf(o.consigneeAddress());
    BigDecimal taxable = o.taxableValue();
    List<GroupedOrder> out = new ArrayList<>(2);
    for (GroupKind kind : GroupKind.values()) {
      String subject = kind == GroupKind.BUYER ? buyer : address;
      if (subject == null) continue;
      out.add(
          new GroupedOrder(
              GroupedOrder.groupKey(kind, subject),
              kind,
              envelope.key(),
              o.ebcCode(),
              o.tradeMode(),
              time,
              envelope.ingestTime(),
              taxable,
              o.acturalPaid(),
              buyer,
              address));
    }
    return out;
  }
}
