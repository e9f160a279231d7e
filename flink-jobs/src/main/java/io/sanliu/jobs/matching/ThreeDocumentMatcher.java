package io.sanliu.jobs.matching;

import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Three-document matching (三单比对): compares a parcel's order, payment slip, waybill and customs list
 * field by field, with whatever of them has arrived. Personal fields are compared by their keyed
 * hashes and shown masked. A pure function: the streaming job decides when to call it.
 */
public final class ThreeDocumentMatcher implements java.io.Serializable {
  /** Amounts agree within a cent. */
  static final BigDecimal CENT = new BigDecimal("0.01");

  public MatchResult match(ParcelDocuments docs) {
    Order order = docs.order();
    Payment payment = docs.payment();
    Waybill waybill = docs.waybill();
    CustomsList list = docs.list();
    List<FieldCheck> checks = new ArrayList<>();
    if (order != null && payment != null) {
      checks.add(
          amount(
              "amountPaid=acturalPaid",
              "payment/order",
              payment.amountPaid(),
              order.acturalPaid()));
      checks.add(person("payerId=buyerId", "payment/order", payment.payerId(), order.buyerId()));
      checks.add(text("currency", "payment/order", payment.currency(), order.currency()));
    }
    if (order != null && waybill != null) {
      checks.add(person("consignee", "waybill/order", waybill.consignee(), order.consignee()));
      checks.add(
          person(
              "consigneeTelephone",
              "waybill/order",
              waybill.consigneeTelephone(),
              order.consigneeTelephone()));
      checks.add(
          person(
              "consigneeAddress",
              "waybill/order",
              waybill.consigneeAddress(),
              order.consigneeAddress()));
    }
    if (order != null && list != null) {
      checks.add(person("buyerId", "list/order", list.buyerId(), order.buyerId()));
      checks.add(person("buyerName", "list/order", list.buyerName(), order.buyerName()));
      checks.add(
          person(
              "consigneeAddress", "list/order", list.consigneeAddress(), order.consigneeAddress()));
      checks.add(text("currency", "list/order", list.currency(), order.currency()));
      checks.addAll(items(list.items(), order.items()));
    }
    if (waybill != null && list != null) {
      checks.add(text("logisticsNo", "waybill/list", waybill.logisticsNo(), list.logisticsNo()));
    }
    List<String> missing = new ArrayList<>();
    if (order == null) missing.add("order");
    if (payment == null) missing.add("payment");
    if (waybill == null) missing.add("waybill");
    if (list == null) missing.add("list");
    boolean failed = checks.stream().anyMatch(c -> !c.ok());
    MatchStatus status =
        failed
            ? MatchStatus.MISMATCH
            : missing.isEmpty() ? MatchStatus.COMPLETE : MatchStatus.INCOMPLETE;
    return new MatchResult(
        firstNonNull(order, payment, list, Order::ebpCode, Payment::ebpCode, CustomsList::ebpCode),
        firstNonNull(order, payment, list, Order::orderNo, Payment::orderNo, CustomsList::orderNo),
        status,
        List.copyOf(missing),
        List.copyOf(checks));
  }

  /**
   * List lines against order lines, paired by item number (by line number when an item has none):
   * quantity and unit price must agree, and no line may be on one document only.
   */
  static List<FieldCheck> items(List<CustomsListItem> listItems, List<OrderItem> orderItems) {
    List<FieldCheck> checks = new ArrayList<>();
    Map<String, OrderItem> ordered =
        orderItems.stream()
            .collect(Collectors.toMap(i -> itemKey(i.itemNo(), i.gnum()), i -> i, (a, b) -> a));
    Map<String, CustomsListItem> declared =
        listItems.stream()
            .collect(Collectors.toMap(i -> itemKey(i.itemNo(), i.gnum()), i -> i, (a, b) -> a));
    for (var e : declared.entrySet()) {
      OrderItem o = ordered.get(e.getKey());
      String at = "items[" + e.getKey() + "]";
      if (o == null) {
        checks.add(new FieldCheck(at, "list/order", "declared", "not ordered", false));
        continue;
      }
      checks.add(amount(at + ".qty", "list/order", e.getValue().qty(), o.qty()));
      checks.add(amount(at + ".price", "list/order", e.getValue().price(), o.price()));
    }
    for (String key : ordered.keySet()) {
      if (!declared.containsKey(key)) {
        checks.add(
            new FieldCheck("items[" + key + "]", "list/order", "not declared", "ordered", false));
      }
    }
    return checks;
  }

  private static String itemKey(String itemNo, int gnum) {
    return itemNo != null ? itemNo : "#" + gnum;
  }

  static FieldCheck amount(String field, String documents, BigDecimal left, BigDecimal right) {
    boolean ok = left != null && right != null && left.subtract(right).abs().compareTo(CENT) <= 0;
    return new FieldCheck(field, documents, plain(left), plain(right), ok);
  }

  /** Personal fields: equal hashes; an absent value on either side is not a match. */
  /**
   * A personal field against the reference document's ({@code right}). When the reference names no
   * one there is nothing to disagree with: export orders (CEB303) carry no buyer or consignee.
   */
  static FieldCheck person(
      String field, String documents, PersonalField left, PersonalField right) {
    boolean ok = right == null || (left != null && Objects.equals(left.hash(), right.hash()));
    return new FieldCheck(field, documents, masked(left), masked(right), ok);
  }

  static FieldCheck text(String field, String documents, String left, String right) {
    return new FieldCheck(field, documents, left, right, left != null && left.equals(right));
  }

  private static String plain(BigDecimal v) {
    return v == null ? null : v.toPlainString();
  }

  private static String masked(PersonalField f) {
    return f == null ? null : f.masked();
  }

  private static <R> R firstNonNull(
      Order o,
      Payment p,
      CustomsList l,
      Function<Order, R> fromOrder,
      Function<Payment, R> fromPayment,
      Function<CustomsList, R> fromList) {
    if (o != null) return fromOrder.apply(o);
    if (p != null) return fromPayment.apply(p);
    return l != null ? fromList.apply(l) : null;
  }
}
