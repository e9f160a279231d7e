package io.sanliu.model.risk;

import static io.sanliu.model.risk.ParameterSpec.choice;
import static io.sanliu.model.risk.ParameterSpec.count;
import static io.sanliu.model.risk.ParameterSpec.decimal;
import static io.sanliu.model.risk.ParameterSpec.duration;
import static io.sanliu.model.risk.ParameterSpec.zone;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of risk rule the engine knows. A rule definition ({@link RuleDefinition}) picks a type
 * and sets its parameters; several definitions may share a type (a live one and a shadow one, or
 * one per dimension). Names and descriptions are what the console and the alerts show.
 */
public enum RuleType {
  SINGLE_LIMIT(
      RuleFamily.ORDER,
      "单笔交易超限",
      "single transaction limit exceeded",
      "A retail import order whose taxable value (goods + freight) is over the single limit.",
      decimal("limit", "5000", "Single-transaction limit in CNY.")),
  ANNUAL_QUOTA(
      RuleFamily.ORDER_GROUP,
      "年度限额超限",
      "annual quota exceeded",
      "The retail import order with which a buyer's calendar-year total passes the annual quota.",
      decimal("quota", "26000", "Annual quota per buyer in CNY."),
      zone("zone", "Asia/Shanghai", "Time zone of the calendar year.")),
  SPLIT_ORDERS(
      RuleFamily.ORDER_GROUP,
      "疑似拆单",
      "split orders",
      "Several retail import orders of one buyer or to one address within a short time, each under"
          + " the single limit, together over it.",
      choice("group", "BUYER", "Whose orders are added up.", "BUYER", "ADDRESS"),
      duration("window", "PT10M", "How close in event time the orders are."),
      decimal("limit", "5000", "Single-transaction limit in CNY.")),
  IDENTITY_MISUSE(
      RuleFamily.IDENTITY,
      "身份信息冒用",
      "identity misuse",
      "One address, telephone or payer serving many buyer IDs, or one buyer ID with many"
          + " addresses.",
      choice(
          "dimension",
          "ADDRESS",
          "What is shared.",
          "ADDRESS",
          "TELEPHONE",
          "PAYER",
          "BUYER_ADDRESSES"),
      count("minDistinct", "3", "Distinct linked IDs that raise the alert."),
      duration("window", "P30D", "How far back links count.")),
  UNDERVALUATION(
      // Filed goods are judged on the order; goods never filed on the list, which has the HS code.
      List.of(RuleFamily.ORDER, RuleFamily.GOODS),
      "低报价格",
      "undervaluation",
      "Goods priced far below their goods filing's price, or below the rolling median of their HS"
          + " code when not filed.",
      decimal("minRatio", "0.5", "Lowest acceptable price as a share of the reference price."),
      count(
          "minSamples",
          "20",
          "Recent prices of an HS code (up to 101 kept) needed before their median is a reference.")),
  TAX_BELOW_COMPUTED(
      RuleFamily.PARCEL,
      "税款少报",
      "tax below computed",
      "A retail import's declared taxTotal is below the cross-border comprehensive tax computed"
          + " from goods, freight and insurance.",
      decimal("rate", "0.091", "Comprehensive tax rate (13% VAT x 70%)."),
      decimal("tolerance", "0.01", "Shortfall tolerated, in CNY.")),
  DOCUMENT_MISMATCH(
      RuleFamily.PARCEL,
      "三单不符",
      "documents do not match",
      "The order, payment, waybill and customs list of a parcel disagree (amount paid, currency,"
          + " consignee, list lines)."),
  MISSING_PAYMENT(
      RuleFamily.PARCEL,
      "支付单缺失",
      "payment missing",
      "An order whose payment slip has not come within the payment deadline."),
  PAYER_NOT_BUYER(
      RuleFamily.PARCEL,
      "支付人非订购人",
      "payer is not the buyer",
      "A retail import paid by someone other than the order's buyer."),
  EXPORT_NOT_SHIPPED(
      // The parcel sees an export never declared; the shipment one declared but never moving.
      List.of(RuleFamily.PARCEL, RuleFamily.SHIPMENT),
      "出口已付未发",
      "export paid, not shipped",
      "An export order paid but with no logistics movement within the allowed time.",
      duration("within", "P5D", "How long after declaration a first movement is due.")),
  ORPHAN_DOCUMENT(
      RuleFamily.PARCEL,
      "无订单单证",
      "document without order",
      "A payment slip or a waybill that no order (or customs list) ever names."),
  EXPORT_DOMESTIC_PAYER(
      RuleFamily.PARCEL,
      "出口境内支付",
      "export paid by a domestic payer",
      "A retail export paid with a Chinese resident ID card.",
      choice("domesticIdType", "1", "payerIdType of a resident ID card.", "1")),
  VOLUME_SPIKE(
      RuleFamily.ENTERPRISE,
      "业务量突增",
      "enterprise volume spike",
      "An enterprise's orders in a sliding window many times its own baseline.",
      duration("bucket", "PT1H", "Length of the counting window (event time)."),
      duration(
          "step",
          "PT15M",
          "How far the window slides; the bucket is counted in steps of about this length."),
      count("baselineBuckets", "24", "Windows before the counted one averaged for the baseline."),
      count("minHistoryBuckets", "6", "Windows of history needed before the rule judges."),
      decimal("factor", "5", "How many times the baseline is a spike."),
      count("minOrders", "10", "Fewest orders in a period that can be a spike.")),
  NEGATIVE_LIST(
      RuleFamily.ORDER,
      "负面清单命中",
      "negative list hit",
      "An order of an enterprise, of goods or from a partner country on the negative list."),
  STALLED_PARCEL(
      RuleFamily.SHIPMENT,
      "物流停滞",
      "stalled parcel",
      "A parcel whose tracking stopped before delivery or return.",
      duration(
          "silence", "PT96H", "Silence after the last tracking event that counts as stalled.")),
  WEIGHT_MISMATCH(
      RuleFamily.PARCEL,
      "重量不符",
      "weight mismatch",
      "A waybill's weight far from the customs list's gross weight.",
      decimal("maxDeviation", "0.2", "Largest accepted relative difference (0.2 = 20%).")),
  REPLAYED_MESSAGE(
      RuleFamily.TECHNICAL,
      "报文重放",
      "replayed message",
      "A message guid or record guid sent again.",
      duration("window", "PT2H", "How long a record guid is remembered.")),
  REJECTED_BURST(
      RuleFamily.TECHNICAL,
      "异常报文激增",
      "burst of rejected input",
      "One sender pushing many documents the gateway refuses within a short time.",
      duration("window", "PT10M", "Largest gap between refusals of one burst."),
      count("minRejected", "10", "Refusals that make a burst.")),
  EXPORT_NO_FX_RECEIPT(
      RuleFamily.FX,
      "出口未收汇",
      "export proceeds not received",
      "An export order paid abroad whose proceeds (FX receipts naming the order, in the payment's"
          + " currency) do not reach the amount paid within the given time.",
      duration("within", "P15D", "How long after the payment the proceeds may take."),
      decimal("tolerance", "0.01", "Share of the amount paid that may be missing (fees).")),
  CREDIT_DOWNGRADE(
      RuleFamily.CREDIT,
      "信用降级",
      "credit downgraded",
      "A participant's credit grade falls to the grade given (D: 失信, the worst) or below.",
      choice("grade", "D", "The grade a downgrade to which raises the alert.", "C", "D"));

  private final List<RuleFamily> families;
  private final String nameZh;
  private final String nameEn;
  private final String description;
  private final List<ParameterSpec> parameters;

  RuleType(
      RuleFamily family,
      String nameZh,
      String nameEn,
      String description,
      ParameterSpec... parameters) {
    this(List.of(family), nameZh, nameEn, description, parameters);
  }

  RuleType(
      List<RuleFamily> families,
      String nameZh,
      String nameEn,
      String description,
      ParameterSpec... parameters) {
    this.families = families;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.description = description;
    this.parameters = List.of(parameters);
  }

  /** The streams that evaluate this type (most types have one). */
  public List<RuleFamily> families() {
    return families;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** What the rule looks for, in one English sentence. */
  public String description() {
    return description;
  }

  public List<ParameterSpec> parameters() {
    return parameters;
  }

  public Optional<ParameterSpec> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
