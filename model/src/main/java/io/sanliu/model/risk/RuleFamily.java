package io.sanliu.model.risk;

/**
 * Which stream of the risk engine evaluates a rule type: the family decides what a rule can see
 * (one order, a parcel's documents, a buyer's history, a shipment's tracking...).
 */
public enum RuleFamily {
  /** One order on its own, with the goods filings and the negative list. */
  ORDER,
  /** A parcel's documents and their three-document match result. */
  PARCEL,
  /** The recent orders of one buyer or one delivery address. */
  ORDER_GROUP,
  /** The buyer IDs linked to one address, telephone or payer (or the addresses of one buyer). */
  IDENTITY,
  /** One enterprise's order volume over time. */
  ENTERPRISE,
  /** Customs-list lines of one HS code and currency: prices against their rolling median. */
  GOODS,
  /** One waybill's tracking events. */
  SHIPMENT,
  /** Message guids and refused input, from the business topics and the dead-letter topic. */
  TECHNICAL,
  /** One export order's payment and the FX receipts of its proceeds. */
  FX,
  /** One participant's credit grade changes, from the credit job. */
  CREDIT
}
