package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.privacy.PersonalDataHasher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an order in its JSON form (the CEB311/CEB303 field names, items under {@code items}),
 * validates it and protects its personal fields.
 */
public final class OrderReader implements DocumentReader<Order> {
  /** Items must add up to goodsValue within a cent. */
  static final BigDecimal CENT = new BigDecimal("0.01");

  private final PersonalDataHasher hasher;

  public OrderReader(PersonalDataHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public EventType type() {
    return EventType.ORDER;
  }

  /** A platform pushes its own orders. */
  @Override
  public String participantCode(Order order) {
    return order.ebpCode();
  }

  @Override
  public Result<Order> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("an order");
    FieldReader f = FieldReader.root(json);
    String orderNo = f.requiredText("orderNo");
    String ebpCode = f.requiredText("ebpCode");
    AppType appType = f.requiredCode("appType", AppType::fromCode);
    Instant appTime = f.requiredTime("appTime");
    Direction direction = f.requiredCode("orderType", Direction::fromCode);
    TradeMode tradeMode = f.optionalCode("tradeMode", TradeMode::fromCode);
    BigDecimal goodsValue = f.requiredAmount("goodsValue");
    List<OrderItem> items = items(f);
    if (goodsValue != null && !items.isEmpty() && f.errors().isEmpty()) {
      BigDecimal sum =
          items.stream().map(OrderItem::totalPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.subtract(goodsValue).abs().compareTo(CENT) > 0) {
        f.error(
            "goodsValue",
            "is "
                + goodsValue.toPlainString()
                + " but the items' totalPrice add up to "
                + sum.toPlainString());
      }
    }
    Order order =
        new Order(
            f.optionalText("guid"),
            appType,
            appTime,
            f.optionalText("appStatus"),
            direction,
            tradeMode,
            orderNo,
            ebpCode,
            f.optionalText("ebpName"),
            f.optionalText("ebcCode"),
            f.optionalText("ebcName"),
            goodsValue,
            f.optionalAmount("freight"),
            f.optionalAmount("discount"),
            f.optionalAmount("taxTotal"),
            f.optionalAmount("acturalPaid"),
            CodeListFields.requiredCurrency(f, "currency"),
            hasher.idNumber(f.optionalText("buyerRegNo")),
            CodeListFields.optionalIdType(f, "buyerIdType"),
            hasher.idNumber(f.optionalText("buyerIdNumber")),
            hasher.name(f.optionalText("buyerName")),
            hasher.telephone(f.optionalText("buyerTelephone")),
            f.optionalText("payCode"),
            f.optionalText("payName"),
            f.optionalText("payTransactionId"),
            f.optionalText("batchNumbers"),
            hasher.name(f.optionalText("consignee")),
            hasher.telephone(f.optionalText("consigneeTelephone")),
            hasher.address(f.optionalText("consigneeAddress")),
            f.optionalText("consigneeDistrict"),
            f.optionalText("note"),
            items);
    String key = orderNo == null || ebpCode == null ? null : order.businessKey();
    return Result.of(order, key, f.errors());
  }

  private static List<OrderItem> items(FieldReader order) {
    List<OrderItem> items = new ArrayList<>();
    int gnum = 0;
    for (FieldReader i : order.array("items", true)) {
      gnum++;
      BigDecimal qty = i.requiredAmount("qty");
      BigDecimal price = i.requiredAmount("price");
      BigDecimal total = i.requiredAmount("totalPrice");
      items.add(
          new OrderItem(
              gnum,
              i.optionalText("itemNo"),
              i.requiredText("itemName"),
              i.optionalText("gmodel"),
              i.optionalText("itemDescribe"),
              i.optionalText("barCode"),
              i.optionalText("unit"),
              qty,
              price,
              total,
              CodeListFields.optionalCurrency(i, "currency"),
              i.optionalText("country"),
              i.optionalText("note")));
    }
    if (items.isEmpty() && order.errors().stream().noneMatch(e -> e.path().equals("items"))) {
      order.error("items", "an order needs at least one item");
    }
    return items;
  }
}
