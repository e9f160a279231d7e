package io.sanliu.jobs.risk.group;

import static io.sanliu.jobs.risk.group.TestOrders.key;
import static io.sanliu.jobs.risk.group.TestOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitOrdersRuleTest {
  static final RuleDefinition BY_BUYER = TestOrders.defaultRule("split-orders-buyer");
  static final RuleDefinition BY_ADDRESS = TestOrders.defaultRule("split-orders-address");
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  static final String BUYER = TestOrders.id("110105199003078765").hash();

  final SplitOrdersRule rule = new SplitOrdersRule();
  final List<GroupedOrder> buyerOrders = new ArrayList<>();
  final List<GroupedOrder> addressOrders = new ArrayList<>();

  /** The next order of the group; what {@code definition} finds on it in the buyer's group. */
  List<Finding> place(TestOrders.Draft draft, RuleDefinition definition) {
    List<GroupedOrder> groups = OrderGroups.of(draft.envelope());
    buyerOrders.add(groups.get(0));
    addressOrders.add(groups.get(1));
    GroupedOrder current = definition == BY_ADDRESS ? groups.get(1) : groups.get(0);
    List<GroupedOrder> recent = definition == BY_ADDRESS ? addressOrders : buyerOrders;
    return rule.evaluate(new OrderGroupContext(current, recent, List.of()), definition);
  }

  static TestOrders.Draft at(String orderNo, Duration after, String paid) {
    return order(orderNo).at(T0.plus(after)).value(paid);
  }

  @Test
  void ordersEachUnderTheLimitTogetherOverItWithinTheWindow() {
    assertEquals(List.of(), place(at("SO1", Duration.ZERO, "2000"), BY_BUYER));
    assertEquals(List.of(), place(at("SO2", Duration.ofMinutes(1), "2000"), BY_BUYER), "4,000");
    List<Finding> found = place(at("SO3", Duration.ofMinutes(2), "1500.50"), BY_BUYER);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(List.of(key("SO1"), key("SO2"), key("SO3")), f.orderKeys());
    assertEquals("BUYER:" + BUYER + "/" + key("SO1"), f.subject());
    assertEquals(T0, f.eventTime(), "the split's first order");
    assertEquals("5500.50", f.evidence().get("totalPaid"));
    assertEquals("5000", f.evidence().get("limit"));
    assertEquals("3", f.evidence().get("orders"));
    assertEquals(BUYER, f.entityKeys().get("buyer"));
    assertEquals("同一订购人 10分钟内 3 笔订单各低于 5,000 元，合计 5,500.50 元，超过单笔限值", f.explanationZh());
    assertEquals(
        "3 orders of one buyer within 10 min, each under 5,000 CNY, together 5,500.50 CNY > single"
            + " limit 5,000",
        f.explanationEn());
    List<Finding> more = place(at("SO4", Duration.ofMinutes(3), "100"), BY_BUYER);
    assertEquals(f.subject(), more.get(0).subject(), "a later order updates the same alert");
    assertEquals(4, more.get(0).orderKeys().size());
  }

  @Test
  void exactlyTheLimitIsNotOverIt() {
    place(at("SO1", Duration.ZERO, "2500"), BY_BUYER);
    assertEquals(List.of(), place(at("SO2", Duration.ofMinutes(1), "2500"), BY_BUYER));
    assertEquals(1, place(at("SO3", Duration.ofMinutes(2), "0.01"), BY_BUYER).size());
  }

  @Test
  void anOrderAtTheLimitIsNoPartOfASplit() {
    place(at("SO1", Duration.ZERO, "5000"), BY_BUYER);
    assertEquals(List.of(), place(at("SO2", Duration.ofMinutes(1), "100"), BY_BUYER));
    assertEquals(List.of(), place(at("SO3", Duration.ofMinutes(2), "6000"), BY_BUYER));
  }

  @Test
  void theWindowHoldsItsEndButNothingBeyond() {
    place(at("SO1", Duration.ZERO, "3000"), BY_BUYER);
    assertEquals(
        List.of(), place(at("SO2", Duration.ofMinutes(10).plusMillis(1), "3000"), BY_BUYER));
    buyerOrders.clear();
    place(at("SO3", Duration.ZERO, "3000"), BY_BUYER);
    assertEquals(1, place(at("SO4", Duration.ofMinutes(10), "3000"), BY_BUYER).size());
  }

  @Test
  void aQuotaSequenceMoreThanAWindowApartIsNotASplit() {
    for (int i = 0; i < 6; i++) {
      Duration after = Duration.ofSeconds(660L * i); // 1.1 windows apart
      assertEquals(List.of(), place(at("SO" + i, after, "4700"), BY_BUYER));
    }
    RuleDefinition dayLong = TestOrders.changed("split-orders-buyer", Map.of("window", "P1D"));
    assertEquals(
        1,
        place(at("SO9", Duration.ofMinutes(70), "4700"), dayLong).size(),
        "a window of a day sees it");
  }

  @Test
  void anOrderComingLateJoinsTheSplitOfTheOrdersAfterIt() {
    place(at("SO2", Duration.ofMinutes(2), "3000"), BY_BUYER);
    List<Finding> found = place(at("SO1", Duration.ofMinutes(1), "3000"), BY_BUYER);
    assertEquals(List.of(key("SO1"), key("SO2")), found.get(0).orderKeys());
    assertEquals(Instant.parse("2026-11-22T02:01:00Z"), found.get(0).eventTime());
  }

  @Test
  void theGroupParameterPicksBuyersOrAddresses() {
    place(at("SO1", Duration.ZERO, "3000").buyer("110105199001010011"), BY_ADDRESS);
    List<Finding> byAddress =
        place(at("SO2", Duration.ofMinutes(1), "3000").buyer("110105199001010022"), BY_ADDRESS);
    assertEquals(1, byAddress.size(), "two buyers, one address");
    assertEquals("2", byAddress.get(0).evidence().get("buyers"));
    assertEquals(
        TestOrders.address("广东省深圳市南山区科技园路1号").hash(), byAddress.get(0).entityKeys().get("address"));
    assertEquals(true, byAddress.get(0).explanationEn().contains("of one delivery address"));
    GroupedOrder buyerSide = buyerOrders.get(1);
    assertEquals(
        List.of(),
        rule.evaluate(new OrderGroupContext(buyerSide, buyerOrders, List.of()), BY_ADDRESS),
        "the address rule does not judge buyer groups");
  }

  @Test
  void theLimitAndWindowAreParameters() {
    RuleDefinition tighter =
        TestOrders.changed("split-orders-buyer", Map.of("limit", "3000", "window", "PT1M"));
    place(at("SO1", Duration.ZERO, "1600"), tighter);
    assertEquals(List.of(), place(at("SO2", Duration.ofMinutes(2), "1600"), tighter));
    assertEquals(
        1, place(at("SO3", Duration.ofMinutes(2).plusSeconds(30), "1600"), tighter).size());
  }
}
