package io.sanliu.model.ceb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample messages under {@code src/test/resources/ceb/}. */
final class CebSamples {
  static final String CEB311_TWO_ORDERS = "CEB311-two-orders.xml";
  static final String CEB311_TWO_ORDERS_GBK = "CEB311-two-orders-gbk.xml";
  static final String CEB311_MESSAGE_HEAD = "CEB311-message-head.xml";
  static final String CEB303_EXPORT_USD = "CEB303-export-usd.xml";
  static final String CEB411_PAYMENT = "CEB411-payment.xml";
  static final String CEB511_WAYBILL = "CEB511-waybill.xml";
  static final String CEB505_EXPORT_WAYBILL = "CEB505-export-waybill.xml";
  static final String CEB621_TWO_ITEMS = "CEB621-two-items.xml";
  static final String CEB603_EXPORT_LIST = "CEB603-export-list.xml";
  static final String CEB312_ORDER_RECEIPT = "CEB312-order-receipt.xml";
  static final String CEB412_PAYMENT_RECEIPT = "CEB412-payment-receipt.xml";
  static final String CEB512_WAYBILL_RECEIPT = "CEB512-waybill-receipt.xml";
  static final String CEB622_LIST_RECEIPTS = "CEB622-list-receipts.xml";

  static final String[] ALL = {
    CEB311_TWO_ORDERS,
    CEB311_TWO_ORDERS_GBK,
    CEB311_MESSAGE_HEAD,
    CEB303_EXPORT_USD,
    CEB411_PAYMENT,
    CEB511_WAYBILL,
    CEB505_EXPORT_WAYBILL,
    CEB621_TWO_ITEMS,
    CEB603_EXPORT_LIST,
    CEB312_ORDER_RECEIPT,
    CEB412_PAYMENT_RECEIPT,
    CEB512_WAYBILL_RECEIPT,
    CEB622_LIST_RECEIPTS
  };

  private CebSamples() {}

  static byte[] bytes(String name) {
    try (InputStream in = CebSamples.class.getResourceAsStream("/ceb/" + name)) {
      if (in == null) throw new IllegalArgumentException("no sample " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A UTF-8 sample as text, to derive variants from. */
  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  static byte[] utf8(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
