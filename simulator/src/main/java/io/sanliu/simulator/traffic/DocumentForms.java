package io.sanliu.simulator.traffic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.codes.TransportMode;
import io.sanliu.model.events.EnterpriseRole;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.simulator.zone.Enterprise;
import io.sanliu.simulator.zone.Goods;
import io.sanliu.simulator.zone.Money;
import io.sanliu.simulator.zone.Person;
import io.sanliu.simulator.zone.Zone;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The JSON form of every document the zone sends (CEB element names, text values, list lines under
 * {@code items}): what the gateway's readers take, and what {@code CebMessageWriter} turns into CEB
 * XML unchanged.
 */
public final class DocumentForms {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(CebTime.CHINA);
  static final String CUSTOMS_CODE = "5349";
  static final String AIR_PORT_CODE = "5345";
  static final String SEA_PORT_CODE = "5316";

  private DocumentForms() {}

  /** CEB time, yyyyMMddHHmmss China time. */
  public static String time(Instant t) {
    return CebTime.format(t);
  }

  /** Customs receipt time, yyyyMMddHHmmssSSS China time. */
  public static String millis(Instant t) {
    return MILLIS.format(t);
  }

  private static void put(ObjectNode o, String field, String value) {
    if (value != null) o.put(field, value);
  }

  private static void put(ObjectNode o, String field, BigDecimal value) {
    if (value != null) o.put(field, Money.text(value));
  }

  static ObjectNode order(Parcel p, String guid) {
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("appType", "1");
    o.put("appTime", time(p.orderedAt));
    o.put("appStatus", "2");
    o.put("orderType", p.flow.direction().name());
    o.put("tradeMode", p.flow.mode().code());
    o.put("orderNo", p.orderNo);
    o.put("ebpCode", p.platform);
    o.put("ebpName", Zone.nameOf(p.platform));
    o.put("ebcCode", p.ebc.code());
    o.put("ebcName", p.ebc.name());
    put(o, "goodsValue", p.goodsValue);
    put(o, "freight", p.freight);
    if (p.flow.isImport()) {
      o.put("discount", "0.00");
      put(o, "taxTotal", p.taxTotal);
    }
    put(o, "acturalPaid", p.acturalPaid);
    o.put("currency", p.currency);
    if (p.buyer != null) {
      o.put("buyerRegNo", p.buyer.regNo());
      o.put("buyerName", p.buyer.name());
      o.put("buyerIdType", p.buyer.idType());
      o.put("buyerIdNumber", p.buyer.idNumber());
      o.put("buyerTelephone", p.consigneePhone);
      o.put("payCode", Zone.PAYMENT_FIRM);
      o.put("payName", Zone.nameOf(Zone.PAYMENT_FIRM));
      o.put("payTransactionId", p.payTransactionId);
      o.put("consignee", p.consignee);
      o.put("consigneeTelephone", p.consigneePhone);
      o.put("consigneeAddress", p.consigneeAddress);
      o.put("consigneeDistrict", p.consigneeDistrict);
    }
    ArrayNode items = o.putArray("items");
    int gnum = 0;
    for (Line l : p.lines) {
      ObjectNode i = items.addObject();
      Goods g = l.goods();
      i.put("gnum", Integer.toString(++gnum));
      i.put("itemNo", g.itemNo());
      i.put("itemName", g.itemName());
      if (p.flow.isImport()) i.put("gmodel", g.gmodel());
      i.put("barCode", g.barCode());
      i.put("unit", g.unit());
      i.put("qty", l.qty().toPlainString());
      put(i, "price", l.price());
      put(i, "totalPrice", l.total());
      i.put("currency", p.currency);
      if (p.flow.isImport()) i.put("country", g.originCountry());
    }
    return o;
  }

  static ObjectNode payment(Parcel p, String guid, Instant appTime, Instant payTime) {
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("appType", "1");
    o.put("appTime", time(appTime));
    o.put("appStatus", "2");
    o.put("payCode", Zone.PAYMENT_FIRM);
    o.put("payName", Zone.nameOf(Zone.PAYMENT_FIRM));
    o.put("payTransactionId", p.payTransactionId);
    o.put("orderNo", p.orderNo);
    o.put("ebpCode", p.platform);
    o.put("ebpName", Zone.nameOf(p.platform));
    payer(o, p.payer);
    put(o, "amountPaid", p.amountPaid);
    o.put("currency", p.currency);
    o.put("payTime", time(payTime));
    return o;
  }

  static void payer(ObjectNode o, Person payer) {
    o.put("payerIdType", payer.idType());
    o.put("payerIdNumber", payer.idNumber());
    o.put("payerName", payer.name());
    put(o, "telephone", payer.telephone());
  }

  static ObjectNode waybill(Parcel p, String guid, Instant appTime, String billNo) {
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("appType", "1");
    o.put("appTime", time(appTime));
    o.put("appStatus", "2");
    o.put("logisticsCode", Zone.LOGISTICS_FIRM);
    o.put("logisticsName", Zone.nameOf(Zone.LOGISTICS_FIRM));
    o.put("logisticsNo", p.logisticsNo);
    o.put("billNo", billNo);
    put(o, "freight", p.freight);
    put(o, "insuredFee", p.insuredFee);
    o.put("currency", p.currency);
    put(o, "weight", p.waybillWeight);
    o.put("packNo", Integer.toString(p.packNo));
    o.put("goodsInfo", p.lines.get(0).goods().itemName() + (p.lines.size() > 1 ? "等" : ""));
    put(o, "consignee", p.consignee);
    put(o, "consigneeAddress", p.consigneeAddress);
    put(o, "consigneeTelephone", p.consigneePhone);
    o.put("ieFlag", p.flow.direction().name());
    return o;
  }

  static ObjectNode customsList(Parcel p, String guid, Instant declTime) {
    boolean imp = p.flow.isImport();
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("appType", "1");
    o.put("appTime", time(declTime));
    o.put("appStatus", "2");
    o.put("orderNo", p.orderNo);
    o.put("ebpCode", p.platform);
    o.put("ebpName", Zone.nameOf(p.platform));
    o.put("ebcCode", p.ebc.code());
    o.put("ebcName", p.ebc.name());
    o.put("logisticsNo", p.logisticsNo);
    o.put("logisticsCode", Zone.LOGISTICS_FIRM);
    o.put("logisticsName", Zone.nameOf(Zone.LOGISTICS_FIRM));
    o.put("copNo", p.listNumbers[0]);
    o.put("preNo", p.listNumbers[1]);
    o.put("ieFlag", p.flow.direction().name());
    if (imp) {
      o.put("payNo", p.payTransactionId);
      o.put("declTime", time(declTime));
    }
    o.put("customsCode", CUSTOMS_CODE);
    o.put("portCode", p.transport == TransportMode.SEA ? SEA_PORT_CODE : AIR_PORT_CODE);
    if (imp) {
      o.put("buyerIdType", p.buyer.idType());
      o.put("buyerIdNumber", p.buyer.idNumber());
      o.put("buyerName", p.buyer.name());
      o.put("buyerTelephone", p.consigneePhone);
      o.put("consigneeAddress", p.consigneeAddress);
    }
    o.put("agentCode", Zone.LOGISTICS_FIRM);
    o.put("agentName", Zone.nameOf(Zone.LOGISTICS_FIRM));
    if (p.flow == io.sanliu.simulator.zone.Flow.BONDED_IMPORT) o.put("areaCode", p.ebc.code());
    o.put("tradeMode", p.flow.mode().code());
    o.put("trafMode", trafMode(p.transport));
    o.put("country", p.partnerCountry);
    put(o, "freight", p.freight);
    put(o, "insuredFee", p.insuredFee);
    o.put("currency", p.currency);
    o.put("packNo", Integer.toString(p.packNo));
    put(o, "grossWeight", p.grossWeight);
    put(o, "netWeight", p.netWeight);
    ArrayNode items = o.putArray("items");
    int gnum = 0;
    for (Line l : p.listLines != null ? p.listLines : p.lines) {
      Goods g = l.goods();
      ObjectNode i = items.addObject();
      i.put("gnum", Integer.toString(++gnum));
      i.put("itemRecordNo", g.itemRecordNo());
      i.put("itemNo", g.itemNo());
      i.put("itemName", g.itemName());
      i.put("gcode", g.gcode());
      i.put("gname", g.itemName());
      i.put("gmodel", g.gmodel());
      i.put("country", imp ? g.originCountry() : p.partnerCountry);
      i.put("currency", p.currency);
      i.put("qty", l.qty().toPlainString());
      i.put("unit", g.unit());
      i.put("qty1", BigDecimal.valueOf(l.kg()).setScale(3, RoundingMode.HALF_UP).toPlainString());
      i.put("unit1", "035");
      put(i, "price", l.price());
      put(i, "totalPrice", l.total());
    }
    return o;
  }

  static String trafMode(TransportMode mode) {
    return switch (mode) {
      case SEA -> "2";
      case RAIL -> "3";
      case ROAD -> "4";
      case AIR -> "5";
    };
  }

  static ObjectNode orderReceipt(Parcel p, String guid, Instant at) {
    ObjectNode o = receipt(guid, ReceiptKind.ORDER);
    o.put("ebpCode", p.platform);
    o.put("orderNo", p.orderNo);
    return returned(o, "120", at, "订单新增申报成功[" + p.orderNo + "]");
  }

  static ObjectNode paymentReceipt(Parcel p, String guid, Instant at) {
    ObjectNode o = receipt(guid, ReceiptKind.PAYMENT);
    o.put("payCode", Zone.PAYMENT_FIRM);
    o.put("payTransactionId", p.payTransactionId);
    o.put("ebpCode", p.platform);
    o.put("orderNo", p.orderNo);
    return returned(o, "120", at, "支付单新增申报成功");
  }

  static ObjectNode waybillReceipt(Parcel p, String guid, Instant at) {
    ObjectNode o = receipt(guid, ReceiptKind.WAYBILL);
    o.put("logisticsCode", Zone.LOGISTICS_FIRM);
    o.put("logisticsNo", p.logisticsNo);
    return returned(o, "120", at, "运单新增申报成功");
  }

  static ObjectNode listReceipt(Parcel p, String guid, Instant at, String status) {
    ObjectNode o = receipt(guid, ReceiptKind.CUSTOMS_LIST);
    o.put("customsCode", CUSTOMS_CODE);
    o.put("ebpCode", p.platform);
    o.put("ebcCode", p.ebc.code());
    o.put("agentCode", Zone.LOGISTICS_FIRM);
    o.put("copNo", p.listNumbers[0]);
    o.put("preNo", p.listNumbers[1]);
    o.put("invtNo", p.listNumbers[2]);
    o.put("orderNo", p.orderNo);
    String info =
        switch (status) {
          case "100" -> "退单：申报要素不符";
          case "120" -> "清单新增申报成功，海关入库";
          case "399" -> "海关审结";
          case "500" -> "查验";
          case "800" -> "放行";
          default -> "";
        };
    return returned(o, status, at, info);
  }

  private static ObjectNode receipt(String guid, ReceiptKind kind) {
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("kind", kind.name());
    return o;
  }

  private static ObjectNode returned(ObjectNode o, String status, Instant at, String info) {
    o.put("returnStatus", status);
    o.put("returnTime", millis(at));
    o.put("returnInfo", info);
    return o;
  }

  static ObjectNode trackingEvent(
      String guid,
      String logisticsNo,
      int n,
      LogisticsStatus status,
      Instant at,
      String location,
      String country,
      TransportMode mode,
      String note) {
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("eventId", logisticsNo + "-" + String.format("%02d", n));
    o.put("logisticsCode", Zone.LOGISTICS_FIRM);
    o.put("logisticsNo", logisticsNo);
    o.put("status", status.name());
    o.put("location", location);
    o.put("country", country);
    if (mode != null) o.put("transportMode", mode.name());
    o.put("occurredAt", time(at));
    put(o, "note", note);
    return o;
  }

  /** The proceeds of an export received, as its bank or payment firm reports them. */
  static ObjectNode fxReceipt(
      Parcel p, String guid, String receiptId, String bankCode, Instant at) {
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("receiptId", receiptId);
    o.put("bankCode", bankCode);
    o.put("ebpCode", p.platform);
    o.put("orderNo", p.orderNo);
    o.put("ebcCode", p.ebc.code());
    o.put("currency", p.currency);
    o.put("amount", p.amountPaid.toPlainString());
    put(o, "payerCountry", p.partnerCountry);
    o.put("receivedAt", time(at));
    return o;
  }

  static ObjectNode evaluation(
      Parcel p,
      String guid,
      String evaluationId,
      Instant at,
      int score,
      boolean complaint,
      String category,
      String comment) {
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("evaluationId", evaluationId);
    o.put("ebpCode", p.platform);
    o.put("orderNo", p.orderNo);
    o.put("ebcCode", p.ebc.code());
    if (p.buyer != null) o.put("buyerIdNumber", p.buyer.idNumber());
    o.put("score", Integer.toString(score));
    o.put("complaint", complaint);
    o.put("category", category);
    o.put("comment", comment);
    o.put("evaluatedAt", time(at));
    return o;
  }

  /** The filing of an enterprise (or of a participant with its roles). */
  public static ObjectNode enterpriseFiling(
      String guid,
      String code,
      String name,
      String creditCode,
      Set<EnterpriseRole> roles,
      String country,
      String address,
      Instant filedAt) {
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("enterpriseCode", code);
    o.put("enterpriseName", name);
    o.put("creditCode", creditCode);
    ArrayNode r = o.putArray("roles");
    roles.stream().sorted().forEach(role -> r.add(role.name()));
    o.put("customsCode", CUSTOMS_CODE);
    o.put("country", country);
    o.put("address", address);
    o.put("appType", "1");
    o.put("filedAt", time(filedAt));
    return o;
  }

  public static ObjectNode enterpriseFiling(String guid, Enterprise e, Instant filedAt) {
    Set<EnterpriseRole> roles =
        e.trades(io.sanliu.simulator.zone.Flow.BONDED_IMPORT)
            ? Set.of(EnterpriseRole.ECOMMERCE, EnterpriseRole.WAREHOUSE)
            : Set.of(EnterpriseRole.ECOMMERCE);
    return enterpriseFiling(
        guid, e.code(), e.name(), e.creditCode(), roles, e.country(), e.address(), filedAt);
  }

  public static ObjectNode goodsFiling(String guid, Goods g, Instant filedAt) {
    ObjectNode o = NODES.objectNode();
    o.put("guid", guid);
    o.put("itemRecordNo", g.itemRecordNo());
    o.put("ebcCode", g.ebcCode());
    o.put("itemNo", g.itemNo());
    o.put("itemName", g.itemName());
    o.put("gcode", g.gcode());
    o.put("gmodel", g.gmodel());
    o.put("originCountry", g.originCountry());
    o.put("unit", g.unit());
    put(o, "filedPrice", g.filedPrice());
    o.put("currency", g.currency());
    o.put("appType", "1");
    o.put("filedAt", time(filedAt));
    return o;
  }
}
