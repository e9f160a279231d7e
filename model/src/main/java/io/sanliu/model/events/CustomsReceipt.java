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

  /** Receipts of waybills follow the waybill; all others follow the order. */
  @Override
  public String businessKey() {
    return kind == ReceiptKind.WAYBILL
        ? DocumentKeys.waybill(logisticsCode, logisticsNo)
        : DocumentKeys.order(ebpCode, orderNo);
  }

  @Override
  public Instant eventTime() {
    return returnTime;
  }
}
