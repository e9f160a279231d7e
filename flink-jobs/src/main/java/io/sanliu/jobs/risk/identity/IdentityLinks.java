package io.sanliu.jobs.risk.identity;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.privacy.PersonalField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The identity links of retail imports: from orders, and payer to buyer from matched parcels. */
public final class IdentityLinks {
  private IdentityLinks() {}

  /**
   * An order's links: its delivery address and each of its telephones (consignee's, buyer's) to its
   * buyer ID, and its buyer ID to its address. Nothing for a deletion or an order other than a
   * retail import (9610, 1210, direction I).
   */
  public static List<IdentityLink> fromOrder(Envelope<Order> envelope) {
    Order o = envelope.payload();
    if (o.appType() == AppType.DELETE || !o.retailImport()) return List.of();
    Instant time = o.eventTime() != null ? o.eventTime() : envelope.eventTime();
    if (time == null) return List.of();
    String buyer = PersonalField.hashOf(o.buyerId());
    String address = PersonalField.hashOf(o.consigneeAddress());
    List<IdentityLink> links = new ArrayList<>();
    Link link =
        (dim, subject, linked) -> {
          if (subject != null && linked != null) {
            links.add(
                new IdentityLink(
                    dim,
                    subject,
                    linked,
                    envelope.key(),
                    o.ebcCode(),
                    o.tradeMode(),
                    time,
                    envelope.ingestTime()));
          }
        };
    link.add(IdentityDimension.ADDRESS, address, buyer);
    Set<String> telephones = new LinkedHashSet<>();
    telephones.add(PersonalField.hashOf(o.consigneeTelephone()));
    telephones.add(PersonalField.hashOf(o.buyerTelephone()));
    for (String telephone : telephones) link.add(IdentityDimension.TELEPHONE, telephone, buyer);
    link.add(IdentityDimension.BUYER_ADDRESSES, buyer, address);
    return links;
  }

  /**
   * The payer of a retail import to its buyer ID, once the parcel's order and payment are both
   * there (the matcher reports a parcel several times; the operator counts an order once).
   */
  public static List<IdentityLink> fromParcel(ParcelOutcome outcome) {
    Order o = outcome.documents().order();
    Payment p = outcome.documents().payment();
    if (o == null || p == null || o.appType() == AppType.DELETE || !o.retailImport()) {
      return List.of();
    }
    String payer = PersonalField.hashOf(p.payerId());
    String buyer = PersonalField.hashOf(o.buyerId());
    Instant time = p.eventTime() != null ? p.eventTime() : o.eventTime();
    if (payer == null || buyer == null || time == null) return List.of();
    return List.of(
        new IdentityLink(
            IdentityDimension.PAYER,
            payer,
            buyer,
            o.businessKey(),
            o.ebcCode(),
            o.tradeMode(),
            time,
            null));
  }

  private interface Link {
    void add(IdentityDimension dimension, String subject, String linked);
  }
}
