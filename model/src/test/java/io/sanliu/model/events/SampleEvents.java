package io.sanliu.model.events;

import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Realistic payloads of one import parcel (9610, Shenzhen), with CEB-like values, for the tests.
 * All documents of the parcel share the order key {@link #EBP_CODE}:{@link #ORDER_NO} and the
 * waybill key {@link #LOGISTICS_CODE}:{@link #LOGISTICS_NO}.
 */
public final class SampleEvents {
  private SampleEvents() {}

  public static final String EBP_CODE = "4403169D3W";
  public static final String EBC_CODE = "440396K00A";
  public static final String ORDER_NO = "SO202611220830001";
  public static final String PAY_CODE = "312226T001";
  public static final String PAY_TRANSACTION_ID = "2026112222001400011234567890";
  public static final String LOGISTICS_CODE = "4403180003";
  public static final String LOGISTICS_NO = "SF1400123456789";

  /** 2026-11-22 08:30:00 China time. */
  public static final Instant APP_TIME = Instant.parse("2026-11-22T00:30:00Z");

  public static final Instant PAY_TIME = Instant.parse("2026-11-22T00:31:05Z");
  public static final Instant DECL_TIME = Instant.parse("2026-11-22T02:10:00Z");
  public static final Instant RECEIVED = Instant.parse("2026-11-22T02:10:01.250Z");

  public static final PersonalDataHasher HASHER =
      new PersonalDataHasher("test-only-hmac-key-0123456789".getBytes(StandardCharsets.UTF_8));

  private static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  public static Order order() {
    return new Order(
        "4CDE1CFD-EDED-46B1-946C-B8022E42FC94",
        AppType.NEW,
        APP_TIME,
        "2",
        Direction.I,
        TradeMode.DIRECT_9610,
        ORDER_NO,
        EBP_CODE,
        "深圳某跨境电商平台有限公司",
        EBC_CODE,
        "深圳某进口贸易有限公司",
        money("1234.50"),
        money("10.00"),
        money("0"),
        money("112.34"),
        money("1356.84"),
        "142",
        HASHER.idNumber("SZ0001234567"),
        "1",
        HASHER.idNumber("110105199003078765"),
        HASHER.name("张三丰"),
        HASHER.telephone("13812345678"),
        PAY_CODE,
        "某支付有限公司",
        PAY_TRANSACTION_ID,
        null,
        HASHER.name("张三丰"),
        HASHER.telephone("13812345678"),
        HASHER.address("广东省深圳市南山区科技园路1号"),
        "440305",
        null,
        List.of(
            new OrderItem(
                1,
                "SKU-0001",
                "婴儿配方奶粉 900g",
                "900g/罐",
                "3段",
                "9421901234567",
                "122",
                money("2"),
                money("499.00"),
                money("998.00"),
                "142",
                "116",
                null),
            new OrderItem(
                2,
                "SKU-0002",
                "面霜 50ml",
                "50ml/瓶",
                null,
                "8801234567890",
                "142",
                money("1"),
                money("236.50"),
                money("236.50"),
                "142",
                "133",
                "赠品包装")));
  }

  public static Payment payment() {
    return new Payment(
        "1C6E5B0F-3D2A-4F61-9A0B-7C2D8E9F0A11",
        AppType.NEW,
        APP_TIME,
        "2",
        PAY_CODE,
        "某支付有限公司",
        PAY_TRANSACTION_ID,
        ORDER_NO,
        EBP_CODE,
        "深圳某跨境电商平台有限公司",
        "1",
        HASHER.idNumber("110105199003078765"),
        HASHER.name("张三丰"),
        HASHER.telephone("13812345678"),
        money("1356.84"),
        "142",
        PAY_TIME,
        null);
  }

  public static Waybill waybill() {
    return new Waybill(
        "9A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9",
        AppType.NEW,
        APP_TIME,
        "2",
        Direction.I,
        LOGISTICS_CODE,
        "某国际物流有限公司",
        LOGISTICS_NO,
        "784-12345675",
        null,
        null,
        money("10.00"),
        money("0.01"),
        "142",
        money("2.350"),
        1,
        "婴儿配方奶粉 900g*2; 面霜 50ml*1",
        HASHER.name("张三丰"),
        HASHER.address("广东省深圳市南山区科技园路1号"),
        HASHER.telephone("13812345678"),
        null);
  }

  public static LogisticsEvent logisticsEvent() {
    return new LogisticsEvent(
        "EV-SF1400123456789-0003",
        LOGISTICS_CODE,
        LOGISTICS_NO,
        LogisticsStatus.CUSTOMS_CLEARANCE,
        "深圳前海监管仓",
        "142",
        "road",
        Instant.parse("2026-11-22T04:00:00Z"),
        null);
  }

  public static CustomsList customsList() {
    return new CustomsList(
        "D1E2F3A4-B5C6-4D7E-8F90-A1B2C3D4E5F6",
        AppType.NEW,
        APP_TIME,
        "2",
        ORDER_NO,
        EBP_CODE,
        EBC_CODE,
        LOGISTICS_NO,
        LOGISTICS_CODE,
        null,
        "COP20261122000001",
        null,
        "53012026I000123456",
        Direction.I,
        DECL_TIME,
        "5301",
        "5349",
        null,
        "1",
        HASHER.idNumber("110105199003078765"),
        HASHER.name("张三丰"),
        HASHER.telephone("13812345678"),
        HASHER.address("广东省深圳市南山区科技园路1号"),
        "4403980AGT",
        "4403",
        TradeMode.DIRECT_9610,
        "5",
        "142",
        money("10.00"),
        money("0"),
        "142",
        1,
        money("2.350"),
        money("2.100"),
        List.of(
            new CustomsListItem(
                1,
                "IR440300000001",
                "SKU-0001",
                "婴儿配方奶粉 900g",
                "1901101000",
                "婴儿配方奶粉",
                "900g/罐|3段",
                "116",
                "142",
                money("2"),
                "122",
                money("1.800"),
                "035",
                money("499.00"),
                money("998.00")),
            new CustomsListItem(
                2,
                "IR440300000002",
                "SKU-0002",
                "面霜 50ml",
                "3304990099",
                "面霜",
                "50ml/瓶",
                "133",
                "142",
                money("1"),
                "142",
                money("0.050"),
                "035",
                money("236.50"),
                money("236.50"))));
  }

  public static CustomsReceipt customsReceipt() {
    return new CustomsReceipt(
        "6F7E8D9C-0B1A-4293-8475-6A5B4C3D2E1F",
        ReceiptKind.CUSTOMS_LIST,
        EBP_CODE,
        ORDER_NO,
        LOGISTICS_CODE,
        LOGISTICS_NO,
        null,
        null,
        "COP-SO202611220830001",
        "53012026I000123456",
        CustomsReceipt.RELEASED,
        Instant.parse("2026-11-22T03:00:00Z"),
        "[Code:2600;Desc:放行]");
  }

  public static EnterpriseFiling enterpriseFiling() {
    return new EnterpriseFiling(
        EBP_CODE,
        "深圳某跨境电商平台有限公司",
        "91440300MA5DABCD1X",
        Set.of(EnterpriseRole.PLATFORM, EnterpriseRole.ECOMMERCE),
        "5301",
        "142",
        "广东省深圳市前海深港合作区前湾一路1号",
        AppType.NEW,
        Instant.parse("2026-01-05T01:00:00Z"));
  }

  public static GoodsFiling goodsFiling() {
    return new GoodsFiling(
        "IR440300000001",
        EBC_CODE,
        "SKU-0001",
        "婴儿配方奶粉 900g",
        "1901101000",
        "900g/罐|3段",
        "116",
        "122",
        money("520.00"),
        "142",
        AppType.CHANGE,
        Instant.parse("2026-03-01T02:00:00Z"));
  }

  public static Evaluation evaluation() {
    return new Evaluation(
        "EVAL-SO202611220830001",
        EBP_CODE,
        ORDER_NO,
        EBC_CODE,
        HASHER.idNumber("110105199003078765"),
        2,
        true,
        "物流延误",
        "包装破损，客服未回复",
        Instant.parse("2026-11-25T12:00:00Z"));
  }

  /** Proceeds of an export order received in US dollars. */
  public static FxReceipt fxReceipt() {
    return new FxReceipt(
        "FX202611290001",
        "C4403PAY001",
        EBP_CODE,
        ORDER_NO,
        EBC_CODE,
        "502",
        new BigDecimal("742.15"),
        "502",
        Instant.parse("2026-11-29T03:00:00Z"));
  }

  public static RiskAlert riskAlert() {
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("taxableValue", "5230.00");
    evidence.put("limit", "5000");
    evidence.put("currency", "142");
    return new RiskAlert(
        "4c1d6c2f0b9e8a7d6c5b4a3f2e1d0c9b",
        "single-limit",
        1,
        RuleType.SINGLE_LIMIT,
        RuleType.SINGLE_LIMIT.nameZh(),
        RuleType.SINGLE_LIMIT.nameEn(),
        Severity.HIGH,
        52.3,
        AlertStatus.OPEN,
        false,
        List.of(EBP_CODE + ":" + ORDER_NO),
        List.of(),
        EBC_CODE,
        List.of(),
        Map.of("buyer", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
        "订单完税价格 5230.00 元超过单笔限值 5000 元",
        "taxable value 5,230.00 CNY > single limit 5,000",
        evidence,
        Instant.parse("2026-11-22T00:30:00Z"),
        Instant.parse("2026-11-22T00:30:02Z"),
        Instant.parse("2026-11-22T00:30:01Z"));
  }

  /** A realistic payload of each type; the switch fails to compile when a type is added. */
  public static BusinessEvent of(EventType type) {
    return switch (type) {
      case ORDER -> order();
      case PAYMENT -> payment();
      case WAYBILL -> waybill();
      case LOGISTICS_EVENT -> logisticsEvent();
      case CUSTOMS_LIST -> customsList();
      case CUSTOMS_RECEIPT -> customsReceipt();
      case ENTERPRISE_FILING -> enterpriseFiling();
      case GOODS_FILING -> goodsFiling();
      case EVALUATION -> evaluation();
      case FX_RECEIPT -> fxReceipt();
      case RISK_ALERT -> riskAlert();
    };
  }
}
