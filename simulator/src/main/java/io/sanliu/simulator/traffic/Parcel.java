package io.sanliu.simulator.traffic;

import io.sanliu.model.codes.TransportMode;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.simulator.zone.Enterprise;
import io.sanliu.simulator.zone.Flow;
import io.sanliu.simulator.zone.Person;
import io.sanliu.simulator.zone.Zone;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One order and everything that follows it, decided before its documents are written: who sells and
 * buys what, for how much, how it travels, and where an anomaly makes it deviate.
 */
public final class Parcel {
  final Flow flow;
  final String platform;
  final Enterprise ebc;
  final Instant orderedAt;
  final String orderNo;
  final String logisticsNo;
  final String payTransactionId;
  final String[] listNumbers;

  Person buyer;
  Person payer;
  String consignee;
  String consigneePhone;
  String consigneeAddress;
  String consigneeDistrict;

  /** Imports: the country the parcel ships from; exports: its destination. */
  String partnerCountry;

  List<Line> lines;
  String currency;
  BigDecimal goodsValue;
  BigDecimal freight;
  BigDecimal insuredFee;
  BigDecimal taxTotal;
  BigDecimal acturalPaid;
  BigDecimal amountPaid;
  BigDecimal netWeight;
  BigDecimal grossWeight;
  BigDecimal waybillWeight;
  int packNo;
  TransportMode transport;

  // Deviations an anomaly makes; normal parcels keep the defaults.
  boolean withPayment = true;

  /** The lines the customs list declares, when not the order's. */
  List<Line> listLines;

  Shipping shipping = Shipping.FULL;

  /** Tracking events stop mid-journey (after the first, before the last but one). */
  boolean stall;

  boolean allowEvaluation = true;

  /** An export's proceeds are reported received (出口收汇) after its payment. */
  boolean withFxReceipt = true;

  /** How far an export moves. */
  enum Shipping {
    /** The whole journey. */
    FULL,
    /** Waybill and list declared, the list accepted (120), not one tracking event. */
    DECLARED_ONLY,
    /** No waybill, no list, no tracking event. */
    NONE
  }

  Parcel(
      Flow flow,
      String platform,
      Enterprise ebc,
      Instant orderedAt,
      String orderNo,
      String logisticsNo,
      String payTransactionId,
      String[] listNumbers) {
    this.flow = flow;
    this.platform = platform;
    this.ebc = ebc;
    this.orderedAt = orderedAt;
    this.orderNo = orderNo;
    this.logisticsNo = logisticsNo;
    this.payTransactionId = payTransactionId;
    this.listNumbers = listNumbers;
  }

  /** {@code ebpCode:orderNo}: the order, its payment and its list. */
  public String orderKey() {
    return DocumentKeys.order(platform, orderNo);
  }

  /** {@code logisticsCode:logisticsNo}: the waybill and its tracking events. */
  public String waybillKey() {
    return DocumentKeys.waybill(Zone.LOGISTICS_FIRM, logisticsNo);
  }

  public Flow flow() {
    return flow;
  }

  public Enterprise enterprise() {
    return ebc;
  }

  public Instant orderedAt() {
    return orderedAt;
  }

  public BigDecimal acturalPaid() {
    return acturalPaid;
  }

  /** Goods, freight and insurance: the value retail import tax is computed on. */
  public BigDecimal taxableValue() {
    return goodsValue.add(freight).add(insuredFee);
  }
}
