package io.sanliu.jobs.stats;

import io.sanliu.jobs.EventTimes;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What each caliber counts of a document, converted to yuan (see docs/statistics.md for the rules
 * in prose).
 *
 * <ul>
 *   <li>An order: its goods value ({@code goodsValue}; the sum of its lines when absent), one
 *       parcel, the buyer, the partner country of its first line that names one (orders name the
 *       goods' origin on their lines, and only on imports), no port, no HS chapter (orders carry no
 *       HS code); converted at the order's time.
 *   <li>A released list: the sum of its lines' values (each line converted, so that the chapters
 *       add up to the total to the cent), {@code packNo} parcels, the buyer, the list's partner
 *       country and port; converted at the declaration's time, as customs converts.
 * </ul>
 *
 * Freight, insurance and taxes are not trade value and are left out on both.
 */
public final class TradeFacts {
  /** The value of a dimension a document does not give. */
  public static final String UNKNOWN = "UNKNOWN";

  private TradeFacts() {}

  /**
   * The platform caliber's fact of a new order.
   *
   * @throws MissingRateException when an amount's currency has no rate
   */
  public static TradeFact ofOrder(Envelope<Order> e, FxTable fx) {
    Order o = e.payload();
    Instant at = Instant.ofEpochMilli(EventTimes.millis(e));
    List<FactLine> lines = new ArrayList<>();
    String country = null;
    long lineCents = 0;
    for (OrderItem i : o.items() == null ? List.<OrderItem>of() : o.items()) {
      String currency = i.currency() != null ? i.currency() : o.currency();
      long cents = fx.cents(amount(i.totalPrice(), i.price(), i.qty()), currency, at);
      lines.add(new FactLine(known(o.ebcCode()) + ":" + known(i.itemNo()), null, cents));
      lineCents += cents;
      if (country == null && present(i.country())) country = i.country().trim();
    }
    long value = o.goodsValue() != null ? fx.cents(o.goodsValue(), o.currency(), at) : lineCents;
    return new TradeFact(
        Caliber.PLATFORM,
        o.businessKey(),
        e.messageGuid(),
        at,
        direction(o.direction()),
        mode(o.tradeMode()),
        known(country),
        known(o.ebpCode()),
        known(o.ebcCode()),
        null,
        1,
        value,
        PersonalField.hashOf(o.buyerId()),
        List.copyOf(lines));
  }

  /**
   * The order with only what {@link #ofOrder} reads (and its number, for a dead letter): the job
   * shuffles new orders to find the first of each, and names, addresses, payment and goods
   * descriptions would be most of the bytes serialised on the way. The whole order stays on {@code
   * sanliu.orders} under its guid.
   */
  public static Envelope<Order> countedPart(Envelope<Order> e) {
    Order o = e.payload();
    List<OrderItem> items = null;
    if (o.items() != null) {
      items = new ArrayList<>(o.items().size());
      for (OrderItem i : o.items()) {
        items.add(
            countedItem(
                i.gnum(),
                i.itemNo(),
                i.qty(),
                i.price(),
                i.totalPrice(),
                i.currency(),
                i.country()));
      }
    }
    Order counted =
        countedOrder(
            o.guid(),
            o.appType(),
            o.appTime(),
            o.direction(),
            o.tradeMode(),
            o.orderNo(),
            o.ebpCode(),
            o.ebcCode(),
            o.goodsValue(),
            o.currency(),
            o.buyerId() == null ? null : new PersonalField(o.buyerId().hash(), null),
            items);
    return new Envelope<>(
        e.type(),
        e.schemaVersion(),
        e.source(),
        e.messageGuid(),
        e.eventTime(),
        e.ingestTime(),
        counted);
  }

  /** An order with only the fields {@link #countedPart} keeps. */
  static Order countedOrder(
      String guid,
      AppType appType,
      Instant appTime,
      Direction direction,
      TradeMode tradeMode,
      String orderNo,
      String ebpCode,
      String ebcCode,
      BigDecimal goodsValue,
      String currency,
      PersonalField buyerId,
      List<OrderItem> items) {
    return new Order(
        guid,
        appType,
        appTime,
        null,
        direction,
        tradeMode,
        orderNo,
        ebpCode,
        null,
        ebcCode,
        null,
        goodsValue,
        null,
        null,
        null,
        null,
        currency,
        null,
        null,
        buyerId,
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

  /** An order line with only the fields {@link #countedPart} keeps. */
  static OrderItem countedItem(
      int gnum,
      String itemNo,
      BigDecimal qty,
      BigDecimal price,
      BigDecimal totalPrice,
      String currency,
      String country) {
    return new OrderItem(
        gnum,
        itemNo,
        null,
        null,
        null,
        null,
        null,
        qty,
        price,
        totalPrice,
        currency,
        country,
        null);
  }

  /**
   * The customs caliber's fact of a released list.
   *
   * @throws MissingRateException when a line's currency has no rate
   */
  public static TradeFact ofRelease(ReleasedList r, FxTable fx) {
    CustomsList l = r.list();
    Instant declared = l.eventTime() != null ? l.eventTime() : r.releasedAt();
    List<FactLine> lines = new ArrayList<>();
    long value = 0;
    for (CustomsListItem i : l.items() == null ? List.<CustomsListItem>of() : l.items()) {
      String currency = i.currency() != null ? i.currency() : l.currency();
      long cents = fx.cents(amount(i.totalPrice(), i.price(), i.qty()), currency, declared);
      lines.add(new FactLine(known(i.gcode()), known(i.hsChapter()), cents));
      value += cents;
    }
    return new TradeFact(
        Caliber.CUSTOMS,
        l.businessKey(),
        r.listGuid(),
        r.releasedAt(),
        direction(l.direction()),
        mode(l.tradeMode()),
        known(l.country()),
        known(l.ebpCode()),
        known(l.ebcCode()),
        known(l.portCode()),
        l.packNo() != null && l.packNo() > 0 ? l.packNo() : 1,
        value,
        PersonalField.hashOf(l.buyerId()),
        List.copyOf(lines));
  }

  /** A line's value: its total, else price times quantity, else nothing. */
  static BigDecimal amount(BigDecimal total, BigDecimal price, BigDecimal qty) {
    if (total != null) return total;
    if (price != null && qty != null) return price.multiply(qty);
    return BigDecimal.ZERO;
  }

  static String known(String value) {
    return present(value) ? value.trim() : UNKNOWN;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String direction(Direction d) {
    return d == null ? UNKNOWN : d.name();
  }

  private static String mode(TradeMode m) {
    return m == null ? UNKNOWN : m.code();
  }
}
