package io.sanliu.model.events;

/** The business keys that keep one parcel's documents on one Kafka partition, in order. */
public final class DocumentKeys {
  private DocumentKeys() {}

  /** (ebpCode, orderNo): the key that joins an order, its payment and its customs list. */
  public static String order(String ebpCode, String orderNo) {
    return ebpCode + ":" + orderNo;
  }

  /** (logisticsCode, logisticsNo): a waybill and its tracking events. */
  public static String waybill(String logisticsCode, String logisticsNo) {
    return logisticsCode + ":" + logisticsNo;
  }

  /** (payCode, payTransactionId): a payment receipt that names no order. */
  public static String payment(String payCode, String payTransactionId) {
    return payCode + ":pay:" + payTransactionId;
  }

  /** (ebpCode, the enterprise's list number): a list receipt that names no order. */
  public static String customsList(String ebpCode, String listNo) {
    return ebpCode + ":list:" + listNo;
  }
}
