package io.sanliu.jobs.risk.group;

import static io.sanliu.jobs.risk.group.TestOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.risk.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnualQuotaRuleTest {
  static final RuleDefinition QUOTA = TestOrders.defaultRule("annual-quota");
  static final String BUYER = TestOrders.id("110105199003078765").hash();

  final AnnualQuotaRule rule = new AnnualQuotaRule();
  final List<GroupedOrder> history = new ArrayList<>();

  /** Sends the next order of the buyer and returns what the rule finds on it. */
  List<Finding> place(TestOrders.Draft draft, RuleDefinition definition) {
    GroupedOrder o = buyerGroup(draft);
    history.removeIf(h -> h.orderKey().equals(o.orderKey()));
    history.add(o);
    List<CountedOrder> counted = history.stream().map(CountedOrder::of).toList();
    return rule.evaluate(new OrderGroupContext(o, history, counted), definition);
  }

  static GroupedOrder buyerGroup(TestOrders.Draft draft) {
    return OrderGroups.of(draft.envelope()).get(0);
  }

  @Test
  void theOrderWithWhichTheYearPassesTheQuotaIsNamedAlone() {
    assertEquals(List.of(), place(order("SO1").at("2026-03-01T02:00:00Z").value("10000"), QUOTA));
    assertEquals(List.of(), place(order("SO2").at("2026-05-01T02:00:00Z").value("10000"), QUOTA));
    assertEquals(
        List.of(),
        place(order("SO3").at("2026-07-01T02:00:00Z").value("6000"), QUOTA),
        "26,000 is the quota, not over it");
    List<Finding> found = place(order("SO4").at("2026-08-01T02:00:00Z").value("100"), QUOTA);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(BUYER + "/2026", f.subject());
    assertEquals(List.of(TestOrders.key("SO4")), f.orderKeys());
    assertEquals("2026", f.evidence().get("year"));
    assertEquals("26000", f.evidence().get("yearTotalBefore"));
    assertEquals("26100", f.evidence().get("yearTotalAfter"));
    assertEquals("26000", f.evidence().get("quota"));
    assertEquals(
        String.join(",", TestOrders.key("SO1"), TestOrders.key("SO2"), TestOrders.key("SO3")),
        f.evidence().get("earlierOrders"));
    assertEquals(BUYER, f.entityKeys().get("buyer"));
    assertEquals("订购人 2026 年累计 26,100 元，超过年度限额 26,000 元", f.explanationZh());
    assertEquals("buyer's 2026 total 26,100 CNY > annual quota 26,000", f.explanationEn());
    assertEquals(
        List.of(),
        place(order("SO5").at("2026-09-01T02:00:00Z").value("100"), QUOTA),
        "the year's later orders are not labelled");
  }

  @Test
  void theTaxableValueIsGoodsPlusFreightNotWhatWasPaid() {
    place(order("SO1").at("2026-03-01T02:00:00Z").amounts("25000", "0", "25000"), QUOTA);
    assertEquals(
        1,
        place(order("SO2").at("2026-03-02T02:00:00Z").amounts("900", "200", "900"), QUOTA).size());
  }

  @Test
  void theYearIsTheCalendarYearInChinaTime() {
    // 2026-12-31 23:30 in China: still 2026.
    place(order("SO1").at("2026-12-31T15:30:00Z").value("20000"), QUOTA);
    // 2027-01-01 00:10 in China, the 31st of December in UTC: 2027's first order.
    assertEquals(List.of(), place(order("SO2").at("2026-12-31T16:10:00Z").value("10000"), QUOTA));
    List<Finding> inUtc =
        new AnnualQuotaRule()
            .evaluate(
                new OrderGroupContext(
                    history.get(1), history, history.stream().map(CountedOrder::of).toList()),
                TestOrders.changed("annual-quota", Map.of("zone", "UTC")));
    assertEquals(1, inUtc.size(), "in UTC both orders fall in 2026");
    assertEquals(BUYER + "/2026", inUtc.get(0).subject());
  }

  @Test
  void theCrossingOfEachYearIsItsOwnAlert() {
    place(order("SO1").at("2026-06-01T02:00:00Z").value("20000"), QUOTA);
    assertEquals(1, place(order("SO2").at("2026-07-01T02:00:00Z").value("7000"), QUOTA).size());
    place(order("SO3").at("2027-02-01T02:00:00Z").value("20000"), QUOTA);
    List<Finding> next = place(order("SO4").at("2027-03-01T02:00:00Z").value("7000"), QUOTA);
    assertEquals(BUYER + "/2027", next.get(0).subject());
    assertEquals("20000", next.get(0).evidence().get("yearTotalBefore"), "2026 not carried over");
  }

  @Test
  void theQuotaIsAParameter() {
    RuleDefinition lower = TestOrders.changed("annual-quota", Map.of("quota", "15000"));
    assertEquals(List.of(), place(order("SO1").at("2026-03-01T02:00:00Z").value("10000"), lower));
    List<Finding> found = place(order("SO2").at("2026-04-01T02:00:00Z").value("5001"), lower);
    assertEquals(1, found.size());
    assertTrue(found.get(0).explanationEn().contains("15,001 CNY > annual quota 15,000"));
  }

  @Test
  void aLateOrderBeforeTheCrossingMovesIt() {
    place(order("SO1").at("2026-03-01T02:00:00Z").value("20000"), QUOTA);
    place(order("SO3").at("2026-03-03T02:00:00Z").value("7000"), QUOTA);
    List<Finding> found = place(order("SO2").at("2026-03-02T02:00:00Z").value("6500"), QUOTA);
    assertEquals(List.of(TestOrders.key("SO2")), found.get(0).orderKeys());
    assertEquals(BUYER + "/2026", found.get(0).subject(), "the same alert, corrected");
  }

  @Test
  void addressGroupsHaveNoQuota() {
    GroupedOrder byAddress = OrderGroups.of(order("SO1").value("30000").envelope()).get(1);
    assertEquals(
        List.of(),
        rule.evaluate(
            new OrderGroupContext(
                byAddress, List.of(byAddress), List.of(CountedOrder.of(byAddress))),
            QUOTA));
  }
}
