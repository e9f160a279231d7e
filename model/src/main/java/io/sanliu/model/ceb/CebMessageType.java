package io.sanliu.model.ceb;

import io.sanliu.model.events.Direction;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.ReceiptKind;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CEB messages the platform reads and writes, with their element structure (as in the customs'
 * enterprise interface specification, 海关跨境电商统一版系统企业对接报文规范, and its sample messages).
 *
 * <p>A message is a root element ({@link #rootElement()}) holding one or more records ({@link
 * #recordElement()}) and a transfer block. A record either nests a head ({@link #headElement()})
 * and, for orders and lists, lines ({@link #listElement()}), or holds its fields directly (receipts
 * and the export waybill CEB505): see {@link #hasHead()}.
 */
public enum CebMessageType {
  /** Import order (进口订单). */
  CEB311(
      "CEB311Message",
      "Order",
      "OrderHead",
      "OrderList",
      EventType.ORDER,
      null,
      "orderType",
      Direction.I,
      true),
  /** Export order (出口订单). */
  CEB303(
      "CEB303Message",
      "Order",
      "OrderHead",
      "OrderList",
      EventType.ORDER,
      null,
      "orderType",
      Direction.E,
      true),
  /** Payment slip (支付单), import. */
  CEB411(
      "CEB411Message", "Payment", "PaymentHead", null, EventType.PAYMENT, null, null, null, false),
  /** Import waybill (进口运单). */
  CEB511(
      "CEB511Message",
      "Logistics",
      "LogisticsHead",
      null,
      EventType.WAYBILL,
      null,
      "ieFlag",
      Direction.I,
      false),
  /**
   * Export waybill (出口运单). Its {@code Logistics} record holds the fields directly (no {@code
   * LogisticsHead}), as in the customs' samples; the reader also accepts them nested in a {@code
   * LogisticsHead}.
   */
  CEB505(
      "CEB505Message",
      "Logistics",
      null,
      null,
      EventType.WAYBILL,
      null,
      "ieFlag",
      Direction.E,
      false),
  /** Import customs list (进口清单). */
  CEB621(
      "CEB621Message",
      "Inventory",
      "InventoryHead",
      "InventoryList",
      EventType.CUSTOMS_LIST,
      null,
      null,
      null,
      false),
  /** Export customs list (出口清单). */
  CEB603(
      "CEB603Message",
      "Inventory",
      "InventoryHead",
      "InventoryList",
      EventType.CUSTOMS_LIST,
      null,
      null,
      null,
      false),
  /** Customs receipt of an order (订单回执). */
  CEB312(
      "CEB312Message",
      "OrderReturn",
      null,
      null,
      EventType.CUSTOMS_RECEIPT,
      ReceiptKind.ORDER,
      null,
      null,
      false),
  /** Customs receipt of a payment slip (支付单回执). */
  CEB412(
      "CEB412Message",
      "PaymentReturn",
      null,
      null,
      EventType.CUSTOMS_RECEIPT,
      ReceiptKind.PAYMENT,
      null,
      null,
      false),
  /** Customs receipt of a waybill (运单回执). */
  CEB512(
      "CEB512Message",
      "LogisticsReturn",
      null,
      null,
      EventType.CUSTOMS_RECEIPT,
      ReceiptKind.WAYBILL,
      null,
      null,
      false),
  /** Customs receipt of an import list (清单回执), e.g. 800 released, 100 returned. */
  CEB622(
      "CEB622Message",
      "InventoryReturn",
      null,
      null,
      EventType.CUSTOMS_RECEIPT,
      ReceiptKind.CUSTOMS_LIST,
      null,
      null,
      false);

  /** Name of the JSON field holding the list lines of a record. */
  public static final String ITEMS = "items";

  /** Name of the JSON field holding the {@link ReceiptKind} of a receipt. */
  public static final String KIND = "kind";

  private final String rootElement;
  private final String recordElement;
  private final String headElement;
  private final String listElement;
  private final EventType eventType;
  private final ReceiptKind receiptKind;
  private final String directionField;
  private final Direction defaultDirection;
  private final boolean directionFieldIsElement;

  CebMessageType(
      String rootElement,
      String recordElement,
      String headElement,
      String listElement,
      EventType eventType,
      ReceiptKind receiptKind,
      String directionField,
      Direction defaultDirection,
      boolean directionFieldIsElement) {
    this.rootElement = rootElement;
    this.recordElement = recordElement;
    this.headElement = headElement;
    this.listElement = listElement;
    this.eventType = eventType;
    this.receiptKind = receiptKind;
    this.directionField = directionField;
    this.defaultDirection = defaultDirection;
    this.directionFieldIsElement = directionFieldIsElement;
  }

  /** The root element, e.g. {@code CEB311Message}. */
  public String rootElement() {
    return rootElement;
  }

  /** The element of one business record, e.g. {@code Order}; repeated in a message. */
  public String recordElement() {
    return recordElement;
  }

  /** The head element inside a record, e.g. {@code OrderHead}; null when the record is flat. */
  public String headElement() {
    return headElement;
  }

  /** The element of one list line inside a record, e.g. {@code OrderList}; null when none. */
  public String listElement() {
    return listElement;
  }

  /** Whether a record nests its fields in a {@link #headElement()}. */
  public boolean hasHead() {
    return headElement != null;
  }

  /** Whether records carry list lines (the JSON form's {@code items} array). */
  public boolean hasLines() {
    return listElement != null;
  }

  /** The event a record of this message becomes. */
  public EventType eventType() {
    return eventType;
  }

  /** Whether this is a customs receipt. */
  public boolean isReceipt() {
    return receiptKind != null;
  }

  /** For receipts, the document they answer (the JSON form's {@code kind}); null otherwise. */
  public ReceiptKind receiptKind() {
    return receiptKind;
  }

  /**
   * The JSON field carrying the direction that the reader fills in when the record lacks it ({@code
   * orderType} for orders, {@code ieFlag} for waybills); null when the direction is read as is
   * (lists keep their {@code ieFlag}) or does not apply.
   */
  public String directionField() {
    return directionField;
  }

  /** The direction this message implies ({@code I} or {@code E}); null when it implies none. */
  public Direction defaultDirection() {
    return defaultDirection;
  }

  /**
   * Whether {@link #directionField()} is an element of the real message ({@code orderType} of an
   * order) rather than a field only the JSON form has ({@code ieFlag} of a waybill, which the
   * writer leaves out when it equals {@link #defaultDirection()}).
   */
  public boolean directionFieldIsElement() {
    return directionFieldIsElement;
  }

  /** The type whose root element is {@code rootElement} (exact, case-sensitive). */
  public static Optional<CebMessageType> fromRootElement(String rootElement) {
    for (CebMessageType t : values()) {
      if (t.rootElement.equals(rootElement)) return Optional.of(t);
    }
    return Optional.empty();
  }

  /** The accepted root elements, comma-separated, for error messages. */
  public static String acceptedRootElements() {
    return Arrays.stream(values())
        .map(CebMessageType::rootElement)
        .collect(Collectors.joining(", "));
  }
}
