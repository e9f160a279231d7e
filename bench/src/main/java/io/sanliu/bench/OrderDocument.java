package io.sanliu.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sanliu.model.Json;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.privacy.PersonalField;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order flattened for search, as an orders index would hold it: header fields at the top, the
 * personal fields as hash (to join and count) and masked form (to show), the items both as objects
 * and as keyword lists for filtering. Its mapping is {@code bench-orders-index.json}.
 */
public record OrderDocument(
    String orderKey,
    String orderNo,
    String ebpCode,
    String ebpName,
    String ebcCode,
    String ebcName,
    String source,
    String messageGuid,
    AppType appType,
    String appStatus,
    Direction direction,
    TradeMode tradeMode,
    Instant appTime,
    Instant ingestTime,
    BigDecimal goodsValue,
    BigDecimal freight,
    BigDecimal discount,
    BigDecimal taxTotal,
    BigDecimal acturalPaid,
    String currency,
    String buyerIdType,
    String buyerIdHash,
    String buyerIdMasked,
    String buyerNameHash,
    String buyerNameMasked,
    String buyerTelephoneHash,
    String consigneeHash,
    String consigneeTelephoneHash,
    String consigneeAddressHash,
    String consigneeAddressMasked,
    String consigneeDistrict,
    String payCode,
    String payName,
    int itemCount,
    BigDecimal totalQty,
    List<String> itemNos,
    List<String> countries,
    List<Item> items) {

  /** One order line. */
  public record Item(
      int gnum,
      String itemNo,
      String itemName,
      String gmodel,
      String unit,
      BigDecimal qty,
      BigDecimal price,
      BigDecimal totalPrice,
      String country) {}

  public static OrderDocument of(Envelope<Order> envelope) {
    Order o = envelope.payload();
    List<OrderItem> lines = o.items();
    return new OrderDocument(
        envelope.key(),
        o.orderNo(),
        o.ebpCode(),
        o.ebpName(),
        o.ebcCode(),
        o.ebcName(),
        envelope.source(),
        envelope.messageGuid(),
        o.appType(),
        o.appStatus(),
        o.direction(),
        o.tradeMode(),
        o.appTime(),
        envelope.ingestTime(),
        o.goodsValue(),
        o.freight(),
        o.discount(),
        o.taxTotal(),
        o.acturalPaid(),
        o.currency(),
        o.buyerIdType(),
        hash(o.buyerId()),
        masked(o.buyerId()),
        hash(o.buyerName()),
        masked(o.buyerName()),
        hash(o.buyerTelephone()),
        hash(o.consignee()),
        hash(o.consigneeTelephone()),
        hash(o.consigneeAddress()),
        masked(o.consigneeAddress()),
        o.consigneeDistrict(),
        o.payCode(),
        o.payName(),
        lines.size(),
        lines.stream().map(OrderItem::qty).reduce(BigDecimal.ZERO, BigDecimal::add),
        lines.stream().map(OrderItem::itemNo).distinct().toList(),
        lines.stream().map(OrderItem::country).distinct().toList(),
        lines.stream()
            .map(
                i ->
                    new Item(
                        i.gnum(),
                        i.itemNo(),
                        i.itemName(),
                        i.gmodel(),
                        i.unit(),
                        i.qty(),
                        i.price(),
                        i.totalPrice(),
                        i.country()))
            .toList());
  }

  /** The document's {@code _id}: the order's business key, so a replay overwrites. */
  public String id() {
    return orderKey;
  }

  public byte[] toJson() {
    try {
      return Json.mapper().writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(PersonalField field) {
    return field == null ? null : field.hash();
  }

  private static String masked(PersonalField field) {
    return field == null ? null : field.masked();
  }
}
