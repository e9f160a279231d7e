package io.sanliu.jobs.risk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.group.TestOrders;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityMisuseRuleTest {
  static final RuleDefinition ADDRESS = TestOrders.defaultRule("identity-address");
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  final IdentityMisuseRule rule = new IdentityMisuseRule();
  final Map<String, LinkedIdentity> linked = new LinkedHashMap<>();

  static IdentityLink link(
      IdentityDimension dimension, String buyer, String orderNo, Duration after) {
    return new IdentityLink(
        dimension,
        "shared",
        buyer,
        TestOrders.key(orderNo),
        "EBC1",
        TradeMode.DIRECT_9610,
        T0.plus(after),
        T0.plus(after).plusSeconds(1));
  }

  List<Finding> see(IdentityLink link, RuleDefinition definition) {
    linked.merge(link.linkedHash(), LinkedIdentity.of(link), (a, b) -> a.with(link));
    return rule.evaluate(new IdentityContext(link, List.copyOf(linked.values())), definition);
  }

  List<Finding> see(String buyer, String orderNo, Duration after) {
    return see(link(IdentityDimension.ADDRESS, buyer, orderNo, after), ADDRESS);
  }

  @Test
  void threeBuyerIdsOnOneAddressNameAllTheirOrders() {
    assertEquals(List.of(), see("b1", "SO1", Duration.ZERO));
    assertEquals(List.of(), see("b1", "SO2", Duration.ofHours(1)), "one buyer, two orders");
    assertEquals(List.of(), see("b2", "SO3", Duration.ofHours(2)), "two buyers: split by address");
    List<Finding> found = see("b3", "SO4", Duration.ofHours(3));
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals("ADDRESS:shared", f.subject());
    assertEquals(
        List.of(
            TestOrders.key("SO1"),
            TestOrders.key("SO2"),
            TestOrders.key("SO3"),
            TestOrders.key("SO4")),
        f.orderKeys());
    assertEquals(Map.of("address", "shared"), f.entityKeys());
    assertEquals("3", f.evidence().get("distinct"));
    assertEquals("3", f.evidence().get("minDistinct"));
    assertEquals(T0, f.eventTime(), "the episode's first order");
    assertEquals("同一收货地址 30天内关联 3 个订购人身份（阈值 3）", f.explanationZh());
    assertEquals(
        "one delivery address linked to 3 buyer IDs within 30 d (threshold 3)", f.explanationEn());
    assertEquals(
        f.subject(), see("b4", "SO5", Duration.ofHours(4)).get(0).subject(), "one alert, growing");
  }

  @Test
  void identitiesLastSeenBeforeTheWindowDoNotCount() {
    see("b1", "SO1", Duration.ZERO);
    see("b2", "SO2", Duration.ofDays(1));
    assertEquals(List.of(), see("b3", "SO3", Duration.ofDays(30).plusMillis(1)));
    assertEquals(1, see("b1", "SO4", Duration.ofDays(30).plusMillis(2)).size(), "b1 again: recent");
  }

  @Test
  void theWindowsEndCounts() {
    see("b1", "SO1", Duration.ZERO);
    see("b2", "SO2", Duration.ofDays(1));
    assertEquals(1, see("b3", "SO3", Duration.ofDays(30)).size());
  }

  @Test
  void theDimensionAndThresholdAreParameters() {
    RuleDefinition telephone = TestOrders.defaultRule("identity-telephone");
    IdentityLink l = link(IdentityDimension.ADDRESS, "b1", "SO1", Duration.ZERO);
    see(l, telephone);
    see(link(IdentityDimension.ADDRESS, "b2", "SO2", Duration.ZERO), telephone);
    assertEquals(
        List.of(), see(link(IdentityDimension.ADDRESS, "b3", "SO3", Duration.ZERO), telephone));
    RuleDefinition four = TestOrders.changed("identity-address", Map.of("minDistinct", "4"));
    assertEquals(List.of(), see(link(IdentityDimension.ADDRESS, "b3", "SO3", Duration.ZERO), four));
    assertEquals(1, see(link(IdentityDimension.ADDRESS, "b4", "SO4", Duration.ZERO), four).size());
  }

  @Test
  void oneBuyerWithManyAddressesSaysSo() {
    RuleDefinition addresses = TestOrders.defaultRule("identity-buyer-addresses");
    for (int i = 1; i <= 3; i++) {
      assertEquals(
          List.of(),
          see(
              link(IdentityDimension.BUYER_ADDRESSES, "a" + i, "SO" + i, Duration.ZERO),
              addresses));
    }
    Finding f =
        see(link(IdentityDimension.BUYER_ADDRESSES, "a4", "SO4", Duration.ZERO), addresses).get(0);
    assertEquals(Map.of("buyer", "shared"), f.entityKeys());
    assertEquals("同一订购人 30天内关联 4 个收货地址（阈值 4）", f.explanationZh());
    assertEquals(
        "one buyer ID linked to 4 delivery addresses within 30 d (threshold 4)", f.explanationEn());
  }
}
