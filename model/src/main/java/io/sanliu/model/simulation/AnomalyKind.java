package io.sanliu.model.simulation;

/**
 * The anomalies the traffic simulator injects and labels, one per risk rule, so that detection can
 * be scored against the ground truth ({@link GroundTruth}). Each constant carries a one-line
 * description of what the labelled documents show; {@code docs/simulator.md} tells how each is made
 * and what normal traffic never does.
 */
public enum AnomalyKind {
  MISMATCHED_DOCUMENTS(
      "The payment's amountPaid differs from the order's acturalPaid by more than a cent, or the"
          + " customs list's items differ from the order's items."),
  MISSING_PAYMENT("An order with its customs list and waybill, but no payment slip, ever."),
  PAYER_NOT_BUYER("A retail import paid by someone other than the order's buyer."),
  OVER_SINGLE_LIMIT("A retail import order (9610/1210) over the 5,000 CNY single-order limit."),
  OVER_ANNUAL_QUOTA(
      "The order with which a buyer's retail imports of the calendar year cross 26,000 CNY."),
  SPLIT_ORDERS(
      "Several retail import orders by one buyer or to one address within a short time, each"
          + " under 5,000 CNY, together over it."),
  SHARED_IDENTITY("One address or telephone serving many buyer ID numbers."),
  UNDERVALUED("Goods declared far below the filed price of their goods filing."),
  TAX_BELOW_COMPUTED(
      "A retail import whose taxTotal is below the comprehensive tax, 9.1% of goods, freight and"
          + " insurance."),
  EXPORT_PAID_NOT_SHIPPED("An export order that is paid but never moves: no tracking event, ever."),
  ORPHAN_DOCUMENT("A payment slip or a waybill that belongs to no order."),
  EXPORT_NO_FX_RECEIPT("An export order paid abroad whose proceeds never arrive: no FX receipt."),
  EXPORT_DOMESTIC_PAYER("An export order paid by a domestic resident (Chinese resident ID card)."),
  ENTERPRISE_VOLUME_SPIKE(
      "An enterprise's orders jump to about ten times its baseline for a while."),
  NEGATIVE_LISTED("An order of an enterprise, or of goods, on the zone's negative list."),
  STALLED_PARCEL("A parcel whose tracking events stop mid-journey: never delivered nor returned."),
  WEIGHT_MISMATCH("A waybill whose weight is far from the customs list's gross weight."),
  REPLAYED_MESSAGE("A document sent again under a guid already used."),
  REJECTED_BURST("A sender suddenly pushing many invalid documents, which the gateway refuses.");

  private final String description;

  AnomalyKind(String description) {
    this.description = description;
  }

  /** What the labelled documents show, in one English sentence. */
  public String description() {
    return description;
  }
}
