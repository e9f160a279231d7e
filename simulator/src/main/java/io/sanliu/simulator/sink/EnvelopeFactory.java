package io.sanliu.simulator.sink;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.codes.CurrencyCode;
import io.sanliu.model.codes.TransportMode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.EnterpriseFiling;
import io.sanliu.model.events.EnterpriseRole;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.FxReceipt;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.simulator.traffic.Doc;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the platform's records from the simulator's (valid) documents as the gateway would: typed
 * values, personal fields replaced by their keyed hash and mask, wrapped in an {@link Envelope}
 * whose message guid is the record's guid. For the Kafka path, which bypasses the gateway; the
 * tests check it gives what the gateway's readers give.
 */
public final class EnvelopeFactory {
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private final PersonalDataHasher hasher;

  public EnvelopeFactory(PersonalDataHasher hasher) {
    this.hasher = hasher;
  }

  /** The envelope the gateway would publish for a document received at {@code ingestTime}. */
  public Envelope<BusinessEvent> envelope(Doc doc, Instant ingestTime) {
    String guid = doc.recordGuid() != null ? doc.recordGuid() : doc.messageGuid() + "#0";
    return Envelope.of(doc.type(), doc.sender(), guid, ingestTime, event(doc));
  }

  /** The record of a document. */
  public BusinessEvent event(Doc doc) {
    JsonNode n = doc.record();
    return switch (doc.type()) {
      case ORDER -> order(n);
      case PAYMENT -> payment(n);
      case WAYBILL -> waybill(n);
      case LOGISTICS_EVENT -> logisticsEvent(n);
      case CUSTOMS_LIST -> customsList(n);
      case CUSTOMS_RECEIPT -> receipt(n);
      case ENTERPRISE_FILING -> enterpriseFiling(n);
      case GOODS_FILING -> goodsFiling(n);
      case EVALUATION -> evaluation(n);
      case FX_RECEIPT -> fxReceipt(n);
      case RISK_ALERT -> throw new IllegalArgumentException("risk alerts are not sent");
    };
  }

  private static String s(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) return null;
    String t = v.asText().trim();
    return t.isEmpty() ? null : t;
  }

  private static BigDecimal amount(JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || v.isNull()) return null;
    return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
  }

  private static Instant time(JsonNode n, String f) {
    String t = s(n, f);
    return t == null ? null : CebTime.parse(t);
  }

  private static Instant dateOrTime(JsonNode n, String f) {
    String t = s(n, f);
    if (t == null) return null;
    if (t.length() == 8) return LocalDate.parse(t, DATE).atStartOfDay(CebTime.CHINA).toInstant();
    return CebTime.parse(t);
  }

  private static Instant millis(JsonNode n, String f) {
    String t = s(n, f);
    if (t == null) return null;
    if (t.length() == 17) return LocalDateTime.parse(t, MILLIS).atZone(CebTime.CHINA).toInstant();
    return CebTime.parse(t);
  }

  private static String currency(JsonNode n, String f) {
    String c = s(n, f);
    return c == null ? null : CurrencyCode.fromCode(c).code();
  }

  private static AppType appType(JsonNode n) {
    return AppType.fromCode(s(n, "appType"));
  }

  private static Integer integer(JsonNode n, String f) {
    String t = s(n, f);
    return t == null ? null : new BigDecimal(t).intValueExact();
  }

  private Order order(JsonNode n) {
    List<OrderItem> items = new ArrayList<>();
    int gnum = 0;
    for (JsonNode i : n.path("items")) {
      items.add(
          new OrderItem(
              ++gnum,
              s(i, "itemNo"),
              s(i, "itemName"),
              s(i, "gmodel"),
              s(i, "itemDescribe"),
              s(i, "barCode"),
              s(i, "unit"),
              amount(i, "qty"),
              amount(i, "price"),
              amount(i, "totalPrice"),
              currency(i, "currency"),
              s(i, "country"),
              s(i, "note")));
    }
    String mode = s(n, "tradeMode");
    String idType = s(n, "buyerIdType");
    return new Order(
        s(n, "guid"),
        appType(n),
        time(n, "appTime"),
        s(n, "appStatus"),
        Direction.fromCode(s(n, "orderType")),
        mode == null ? null : TradeMode.fromCode(mode),
        s(n, "orderNo"),
        s(n, "ebpCode"),
        s(n, "ebpName"),
        s(n, "ebcCode"),
        s(n, "ebcName"),
        amount(n, "goodsValue"),
        amount(n, "freight"),
        amount(n, "discount"),
        amount(n, "taxTotal"),
        amount(n, "acturalPaid"),
        currency(n, "currency"),
        hasher.idNumber(s(n, "buyerRegNo")),
        idType,
        hasher.idNumber(s(n, "buyerIdNumber")),
        hasher.name(s(n, "buyerName")),
        hasher.telephone(s(n, "buyerTelephone")),
        s(n, "payCode"),
        s(n, "payName"),
        s(n, "payTransactionId"),
        s(n, "batchNumbers"),
        hasher.name(s(n, "consignee")),
        hasher.telephone(s(n, "consigneeTelephone")),
        hasher.address(s(n, "consigneeAddress")),
        s(n, "consigneeDistrict"),
        s(n, "note"),
        items);
  }

  private Payment payment(JsonNode n) {
    return new Payment(
        s(n, "guid"),
        appType(n),
        time(n, "appTime"),
        s(n, "appStatus"),
        s(n, "payCode"),
        s(n, "payName"),
        s(n, "payTransactionId"),
        s(n, "orderNo"),
        s(n, "ebpCode"),
        s(n, "ebpName"),
        s(n, "payerIdType"),
        hasher.idNumber(s(n, "payerIdNumber")),
        hasher.name(s(n, "payerName")),
        hasher.telephone(s(n, "telephone")),
        amount(n, "amountPaid"),
        currency(n, "currency"),
        time(n, "payTime"),
        s(n, "note"));
  }

  private Waybill waybill(JsonNode n) {
    BigDecimal weight = amount(n, "weight");
    return new Waybill(
        s(n, "guid"),
        appType(n),
        time(n, "appTime"),
        s(n, "appStatus"),
        Direction.fromCode(s(n, "ieFlag")),
        s(n, "logisticsCode"),
        s(n, "logisticsName"),
        s(n, "logisticsNo"),
        s(n, "billNo"),
        s(n, "orderNo"),
        s(n, "ebpCode"),
        amount(n, "freight"),
        amount(n, "insuredFee"),
        currency(n, "currency"),
        weight != null ? weight : amount(n, "grossWeight"),
        integer(n, "packNo"),
        s(n, "goodsInfo"),
        hasher.name(s(n, "consignee")),
        hasher.address(s(n, "consigneeAddress")),
        hasher.telephone(s(n, "consigneeTelephone")),
        s(n, "note"));
  }

  private static LogisticsEvent logisticsEvent(JsonNode n) {
    String mode = s(n, "transportMode");
    return new LogisticsEvent(
        s(n, "eventId"),
        s(n, "logisticsCode"),
        s(n, "logisticsNo"),
        LogisticsStatus.valueOf(s(n, "status").toUpperCase(Locale.ROOT)),
        s(n, "location"),
        s(n, "country"),
        mode == null ? null : TransportMode.fromName(mode).name(),
        time(n, "occurredAt"),
        s(n, "note"));
  }

  private CustomsList customsList(JsonNode n) {
    List<CustomsListItem> items = new ArrayList<>();
    int position = 0;
    for (JsonNode i : n.path("items")) {
      position++;
      Integer gnum = integer(i, "gnum");
      items.add(
          new CustomsListItem(
              gnum == null ? position : gnum,
              s(i, "itemRecordNo"),
              s(i, "itemNo"),
              s(i, "itemName"),
              s(i, "gcode"),
              s(i, "gname"),
              s(i, "gmodel"),
              s(i, "country"),
              currency(i, "currency"),
              amount(i, "qty"),
              s(i, "unit"),
              amount(i, "qty1"),
              s(i, "unit1"),
              amount(i, "price"),
              amount(i, "totalPrice")));
    }
    String currency = currency(n, "currency");
    return new CustomsList(
        s(n, "guid"),
        appType(n),
        time(n, "appTime"),
        s(n, "appStatus"),
        s(n, "orderNo"),
        s(n, "ebpCode"),
        s(n, "ebcCode"),
        s(n, "logisticsNo"),
        s(n, "logisticsCode"),
        s(n, "payNo"),
        s(n, "copNo"),
        s(n, "preNo"),
        s(n, "invtNo"),
        Direction.fromCode(s(n, "ieFlag")),
        dateOrTime(n, "declTime"),
        s(n, "customsCode"),
        s(n, "portCode"),
        dateOrTime(n, "ieDate"),
        s(n, "buyerIdType"),
        hasher.idNumber(s(n, "buyerIdNumber")),
        hasher.name(s(n, "buyerName")),
        hasher.telephone(s(n, "buyerTelephone")),
        hasher.address(s(n, "consigneeAddress")),
        s(n, "agentCode"),
        s(n, "areaCode"),
        TradeMode.fromCode(s(n, "tradeMode")),
        s(n, "trafMode"),
        s(n, "country"),
        amount(n, "freight"),
        amount(n, "insuredFee"),
        currency != null ? currency : currency(n, "fCurrency"),
        integer(n, "packNo"),
        amount(n, "grossWeight"),
        amount(n, "netWeight"),
        items);
  }

  private static CustomsReceipt receipt(JsonNode n) {
    return new CustomsReceipt(
        s(n, "guid"),
        ReceiptKind.valueOf(s(n, "kind").toUpperCase(Locale.ROOT)),
        s(n, "ebpCode"),
        s(n, "orderNo"),
        s(n, "logisticsCode"),
        s(n, "logisticsNo"),
        s(n, "payCode"),
        s(n, "payTransactionId"),
        s(n, "copNo"),
        s(n, "invtNo"),
        s(n, "returnStatus"),
        millis(n, "returnTime"),
        s(n, "returnInfo"));
  }

  private static EnterpriseFiling enterpriseFiling(JsonNode n) {
    Set<EnterpriseRole> roles = EnumSet.noneOf(EnterpriseRole.class);
    JsonNode r = n.get("roles");
    if (r != null && r.isArray()) {
      r.forEach(x -> roles.add(EnterpriseRole.valueOf(x.asText().trim().toUpperCase(Locale.ROOT))));
    } else if (r != null) {
      for (String name : r.asText().split(",")) {
        if (!name.isBlank())
          roles.add(EnterpriseRole.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      }
    }
    return new EnterpriseFiling(
        s(n, "enterpriseCode"),
        s(n, "enterpriseName"),
        s(n, "creditCode"),
        Collections.unmodifiableSet(roles),
        s(n, "customsCode"),
        s(n, "country"),
        s(n, "address"),
        appType(n),
        time(n, "filedAt"));
  }

  private static GoodsFiling goodsFiling(JsonNode n) {
    return new GoodsFiling(
        s(n, "itemRecordNo"),
        s(n, "ebcCode"),
        s(n, "itemNo"),
        s(n, "itemName"),
        s(n, "gcode"),
        s(n, "gmodel"),
        s(n, "originCountry"),
        s(n, "unit"),
        amount(n, "filedPrice"),
        currency(n, "currency"),
        appType(n),
        time(n, "filedAt"));
  }

  private FxReceipt fxReceipt(JsonNode n) {
    return new FxReceipt(
        s(n, "receiptId"),
        s(n, "bankCode"),
        s(n, "ebpCode"),
        s(n, "orderNo"),
        s(n, "ebcCode"),
        currency(n, "currency"),
        amount(n, "amount"),
        s(n, "payerCountry"),
        time(n, "receivedAt"));
  }

  private Evaluation evaluation(JsonNode n) {
    return new Evaluation(
        s(n, "evaluationId"),
        s(n, "ebpCode"),
        s(n, "orderNo"),
        s(n, "ebcCode"),
        hasher.idNumber(s(n, "buyerIdNumber")),
        integer(n, "score"),
        Boolean.parseBoolean(s(n, "complaint")),
        s(n, "category"),
        s(n, "comment"),
        time(n, "evaluatedAt"));
  }
}
