package io.sanliu.jobs.stats;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.TradeMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Orders, lists and receipts for the statistics' tests, with only what the statistics read. */
final class StatsFixtures {
  static final String EBP = "4403960001";
  static final String EBC = "4403910001";

  private StatsFixtures() {}

  static OrderItem item(String itemNo, String total, String currency, String country) {
    return new OrderItem(
        1,
        itemNo,
        "item " + itemNo,
        null,
        null,
        null,
        "122",
        BigDecimal.ONE,
        new BigDecimal(total),
        new BigDecimal(total),
        currency,
        country,
        null);
  }

  static Order order(
      String orderNo,
      Instant at,
      Direction direction,
      TradeMode mode,
      String goodsValue,
      String currency,
      String buyer,
      List<OrderItem> items) {
    return new Order(
        "G-" + orderNo,
        AppType.NEW,
        at,
        "2",
        direction,
        mode,
        orderNo,
        EBP,
        "平台",
        EBC,
        "企业",
        goodsValue == null ? null : new BigDecimal(goodsValue),
        new BigDecimal("10.00"),
        null,
        null,
        null,
        currency,
        null,
        "1",
        buyer == null ? null : SampleEvents.HASHER.idNumber(buyer),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        items);
  }

  /** An import order of 100.00 yuan (one line from Japan) by {@code buyer}. */
  static Order order(String orderNo, Instant at, String buyer) {
    return order(
        orderNo,
        at,
        Direction.I,
        TradeMode.BONDED_1210,
        "100.00",
        "142",
        buyer,
        List.of(item("SKU-1", "100.00", "142", "116")));
  }

  static Envelope<Order> envelope(Order o) {
    return Envelope.of(EventType.ORDER, EBP, o.guid(), o.appTime(), o);
  }

  static CustomsListItem line(String gcode, String total, String currency) {
    return new CustomsListItem(
        1,
        "IR-" + gcode,
        "SKU-" + gcode,
        "goods " + gcode,
        gcode,
        "goods " + gcode,
        null,
        "116",
        currency,
        BigDecimal.ONE,
        "122",
        null,
        null,
        new BigDecimal(total),
        new BigDecimal(total));
  }

  static CustomsList list(
      String orderNo,
      Instant declared,
      Direction direction,
      String currency,
      Integer packNo,
      List<CustomsListItem> lines) {
    return new CustomsList(
        "L-" + orderNo,
        AppType.NEW,
        declared,
        "2",
        orderNo,
        EBP,
        EBC,
        "LN-" + orderNo,
        "4403180003",
        null,
        "COP-" + orderNo,
        null,
        null,
        direction,
        declared,
        "5349",
        "5345",
        null,
        "1",
        SampleEvents.HASHER.idNumber("buyer-of-" + orderNo),
        null,
        null,
        null,
        null,
        null,
        direction == Direction.I ? TradeMode.DIRECT_9610 : TradeMode.B2B_EXPORT_9710,
        "5",
        "116",
        null,
        null,
        currency,
        packNo,
        null,
        null,
        lines);
  }

  static Envelope<CustomsList> envelope(CustomsList l) {
    return Envelope.of(EventType.CUSTOMS_LIST, "5349", l.guid(), l.appTime(), l);
  }

  static CustomsReceipt receipt(String orderNo, String copNo, String status, Instant at) {
    return new CustomsReceipt(
        "R-" + orderNo + "-" + status,
        ReceiptKind.CUSTOMS_LIST,
        EBP,
        orderNo,
        null,
        null,
        null,
        null,
        copNo,
        null,
        status,
        at,
        null);
  }

  static Envelope<CustomsReceipt> envelope(CustomsReceipt r) {
    return Envelope.of(EventType.CUSTOMS_RECEIPT, "5349", r.guid(), r.returnTime(), r);
  }

  /** The list as sent again with another {@code appType}. */
  static CustomsList withAppType(CustomsList l, AppType appType) {
    return new CustomsList(
        l.guid(),
        appType,
        l.appTime(),
        l.appStatus(),
        l.orderNo(),
        l.ebpCode(),
        l.ebcCode(),
        l.logisticsNo(),
        l.logisticsCode(),
        l.payNo(),
        l.copNo(),
        l.preNo(),
        l.invtNo(),
        l.direction(),
        l.declTime(),
        l.customsCode(),
        l.portCode(),
        l.ieDate(),
        l.buyerIdType(),
        l.buyerId(),
        l.buyerName(),
        l.buyerTelephone(),
        l.consigneeAddress(),
        l.agentCode(),
        l.areaCode(),
        l.tradeMode(),
        l.trafMode(),
        l.country(),
        l.freight(),
        l.insuredFee(),
        l.currency(),
        l.packNo(),
        l.grossWeight(),
        l.netWeight(),
        l.items());
  }
}
