package io.sanliu.jobs.risk.group;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.privacy.PersonalField;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Orders for the risk tests: {@link SampleEvents#order()} with what a test varies (number, time,
 * amounts, buyer, address, telephones...), each person named by a clear value hashed as the gateway
 * would. Also used by the identity and enterprise tests.
 */
public final class TestOrders {
  private TestOrders() {}

  public static Draft order(String orderNo) {
    return new Draft(orderNo);
  }

  public static PersonalField id(String clear) {
    return SampleEvents.HASHER.idNumber(clear);
  }

  public static PersonalField address(String clear) {
    return SampleEvents.HASHER.address(clear);
  }

  public static PersonalField telephone(String clear) {
    return SampleEvents.HASHER.telephone(clear);
  }

  public static String key(String orderNo) {
    return SampleEvents.EBP_CODE + ":" + orderNo;
  }

  /** A shipped default rule, by id. */
  public static RuleDefinition defaultRule(String ruleId) {
    return DefaultRules.all().stream().filter(d -> d.ruleId().equals(ruleId)).findFirst().get();
  }

  /** The next version of a shipped default with other parameters. */
  public static RuleDefinition changed(String ruleId, Map<String, String> params) {
    return defaultRule(ruleId).withParams(params, "test", Instant.EPOCH);
  }

  public static List<String> ruleIds(List<RiskAlert> alerts) {
    return alerts.stream().map(RiskAlert::ruleId).toList();
  }

  /** One order being made up. */
  public static final class Draft {
    private final String orderNo;
    private AppType appType = AppType.NEW;
    private Instant at = SampleEvents.APP_TIME;
    private Direction direction = Direction.I;
    private TradeMode mode = TradeMode.DIRECT_9610;
    private String ebcCode = SampleEvents.EBC_CODE;
    private BigDecimal goods = new BigDecimal("1000.00");
    private BigDecimal freight = BigDecimal.ZERO;
    private BigDecimal paid = new BigDecimal("1000.00");
    private PersonalField buyer = id("110105199003078765");
    private PersonalField buyerTelephone = telephone("13812345678");
    private PersonalField consigneeTelephone = telephone("13812345678");
    private PersonalField address = TestOrders.address("广东省深圳市南山区科技园路1号");

    private Draft(String orderNo) {
      this.orderNo = orderNo;
    }

    public Draft at(Instant time) {
      this.at = time;
      return this;
    }

    public Draft at(String isoInstant) {
      return at(Instant.parse(isoInstant));
    }

    public Draft appType(AppType type) {
      this.appType = type;
      return this;
    }

    public Draft export() {
      this.direction = Direction.E;
      return this;
    }

    public Draft mode(TradeMode mode) {
      this.mode = mode;
      return this;
    }

    public Draft ebc(String code) {
      this.ebcCode = code;
      return this;
    }

    /** Goods value, no freight, paid the same. */
    public Draft value(String amount) {
      this.goods = new BigDecimal(amount);
      this.freight = BigDecimal.ZERO;
      this.paid = new BigDecimal(amount);
      return this;
    }

    public Draft amounts(String goodsValue, String freightPaid, String acturalPaid) {
      this.goods = new BigDecimal(goodsValue);
      this.freight = new BigDecimal(freightPaid);
      this.paid = new BigDecimal(acturalPaid);
      return this;
    }

    public Draft buyer(String idNumber) {
      this.buyer = idNumber == null ? null : id(idNumber);
      return this;
    }

    public Draft address(String clear) {
      this.address = clear == null ? null : TestOrders.address(clear);
      return this;
    }

    public Draft telephones(String buyer, String consignee) {
      this.buyerTelephone = buyer == null ? null : telephone(buyer);
      this.consigneeTelephone = consignee == null ? null : telephone(consignee);
      return this;
    }

    public Order payload() {
      Order s = SampleEvents.order();
      return new Order(
          s.guid(),
          appType,
          at,
          s.appStatus(),
          direction,
          mode,
          orderNo,
          s.ebpCode(),
          s.ebpName(),
          ebcCode,
          s.ebcName(),
          goods,
          freight,
          s.discount(),
          BigDecimal.ZERO,
          paid,
          s.currency(),
          s.buyerRegNo(),
          s.buyerIdType(),
          buyer,
          s.buyerName(),
          buyerTelephone,
          s.payCode(),
          s.payName(),
          s.payTransactionId(),
          s.batchNumbers(),
          s.consignee(),
          consigneeTelephone,
          address,
          s.consigneeDistrict(),
          s.note(),
          s.items());
    }

    /** Taken in by the gateway a second after its event time. */
    public Envelope<Order> envelope() {
      return Envelope.of(
          EventType.ORDER, SampleEvents.EBP_CODE, "MSG-" + orderNo, at.plusSeconds(1), payload());
    }
  }
}
