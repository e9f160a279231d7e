package io.sanliu.model.events;

import java.time.Instant;

/**
 * A receipt of customs for one document, carrying its status (for lists e.g. 100 returned, 120
 * accepted, 399 concluded, 500 inspection, 800 released, 899 closed).
 */
public record CustomsReceipt(
    String guid,
    ReceiptKind kind,
    String ebpCode,
    String orderNo,
    String logisticsCode,
    String logisticsNo,
    String payCode,
    String payTransactionId,
    String copNo,
    String invtNo,
    String returnStatus,
    Instant returnTime,
    String returnInfo)
    implements BusinessEvent {

  public static final String RETURNED = "100";
  public static final String ACCEPTED = "120";
  public static final String CONCLUDED = "399";
  public static final String INSPECTION = "500";
  public static final String RELEASED = "800";
  public static final String CLOSED = "899";

  /**
   * Receipts follow their document: a waybill's its waybill; a payment's its order, or the payment
   * itself when CEB412 names no order; a list's its order, or the list (by the enterprise's list
   * number, as real CEB622 receipts carry no orderNo).
   */
  @Override
  public String businessKey() {
    if (kind == null) return null;
    return switch (kind) {
      case WAYBILL -> DocumentKeys.waybill(logisticsCode, logisticsNo);
      case PAYMENT ->
          ebpCode != null && orderNo != null
              ? DocumentKeys.order(ebpCode, orderNo)
              : DocumentKeys.payment(payCode, payTransactionId);
      case CUSTOMS_LIST ->
          orderNo != null
              ? DocumentKeys.order(ebpCode, orderNo)
              : DocumentKeys.customsList(ebpCode, copNo != null ? copNo : invtNo);
      case ORDER -> DocumentKeys.order(ebpCode, orderNo);
    };
  }

  @Override
  public Instant eventTime() {
    return returnTime;
  }
}
