package io.sanliu.jobs.risk.group;

import static io.sanliu.jobs.risk.group.TestOrders.key;
import static io.sanliu.jobs.risk.group.TestOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.ReferenceState;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderGroupRuleFunctionTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  KeyedBroadcastOperatorTestHarness<String, GroupedOrder, ReferenceUpdate, RiskAlert> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new OrderGroupRuleFunction(),
            GroupedOrder::groupKey,
            Types.STRING,
            ReferenceState.descriptors());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(TestOrders.Draft draft) throws Exception {
    for (GroupedOrder g : OrderGroups.of(draft.envelope())) {
      harness.processElement(g, g.eventTime().toEpochMilli());
    }
  }

  void publish(RuleDefinition rule) throws Exception {
    harness.processBroadcastElement(ReferenceUpdate.of(rule), 0);
  }

  List<RiskAlert> alerts() {
    return harness.extractOutputValues();
  }

  List<RiskAlert> alerts(String ruleId) {
    return alerts().stream().filter(a -> a.ruleId().equals(ruleId)).toList();
  }

  static TestOrders.Draft at(String orderNo, Duration after, String value) {
    return order(orderNo).at(T0.plus(after)).value(value);
  }

  @Test
  void aSplitGrowsOneAlertOrderByOrder() throws Exception {
    send(at("SO1", Duration.ZERO, "2000"));
    send(at("SO2", Duration.ofMinutes(1), "2000"));
    assertEquals(List.of(), alerts());
    send(at("SO3", Duration.ofMinutes(2), "2000"));
    send(at("SO4", Duration.ofMinutes(3), "2000"));
    List<RiskAlert> byBuyer = alerts("split-orders-buyer");
    assertEquals(2, byBuyer.size());
    assertEquals(byBuyer.get(0).alertId(), byBuyer.get(1).alertId(), "one alert, updated");
    assertEquals(
        List.of(key("SO1"), key("SO2"), key("SO3"), key("SO4")), byBuyer.get(1).orderKeys());
    assertEquals(2, alerts("split-orders-address").size(), "the one address sees it too");
    assertFalse(byBuyer.get(0).shadow());
  }

  @Test
  void anOrderSentAgainIsNotCountedTwice() throws Exception {
    send(at("SO1", Duration.ZERO, "3000"));
    send(at("SO1", Duration.ZERO, "3000"));
    assertEquals(List.of(), alerts(), "one order of 3,000 is no split");
    // The annual quota: 20,000 sent twice stays 20,000.
    send(order("SO2").at("2026-06-01T00:00:00Z").value("20000"));
    send(order("SO2").at("2026-06-01T00:00:00Z").value("20000"));
    send(order("SO3").at("2026-07-01T00:00:00Z").value("3000"));
    assertEquals(List.of(), alerts("annual-quota"));
  }

  @Test
  void aChangedOrderReplacesItsAmount() throws Exception {
    send(order("SO1").at("2026-06-01T00:00:00Z").value("20000"));
    send(order("SO1").at("2026-06-01T00:00:00Z").value("1000").appType(AppType.CHANGE));
    send(order("SO2").at("2026-07-01T00:00:00Z").value("7000"));
    assertEquals(List.of(), alerts("annual-quota"), "1,000 + 7,000");
  }

  @Test
  void theQuotaIsCrossedInEventTimeWhateverTheArrivalOrder() throws Exception {
    send(order("SO1").at("2026-06-01T00:00:00Z").value("20000"));
    send(order("SO3").at("2026-06-01T00:00:03Z").value("4000"));
    send(order("SO2").at("2026-06-01T00:00:02Z").value("4000"));
    List<RiskAlert> quota = alerts("annual-quota");
    assertEquals(1, quota.size());
    assertEquals(List.of(key("SO3")), quota.get(0).orderKeys(), "28,000 after SO3, in event time");
    send(order("SO4").at("2026-06-02T00:00:00Z").value("100"));
    assertEquals(1, alerts("annual-quota").size(), "later orders are not labelled");
  }

  @Test
  void aHigherVersionChangesTheWindowWhileRunning() throws Exception {
    send(at("SO1", Duration.ZERO, "3000"));
    send(at("SO2", Duration.ofMinutes(30), "3000"));
    assertEquals(List.of(), alerts("split-orders-buyer"), "30 minutes apart: not within 10");
    RuleDefinition hour = TestOrders.changed("split-orders-buyer", Map.of("window", "PT1H"));
    publish(hour);
    send(at("SO3", Duration.ofMinutes(45), "100"));
    List<RiskAlert> found = alerts("split-orders-buyer");
    assertEquals(1, found.size());
    assertEquals(2, found.get(0).ruleVersion());
    assertEquals(List.of(key("SO1"), key("SO2"), key("SO3")), found.get(0).orderKeys());
    publish(TestOrders.defaultRule("split-orders-buyer"));
    send(at("SO4", Duration.ofMinutes(100), "3000"));
    send(at("SO5", Duration.ofMinutes(130), "3000"));
    List<RiskAlert> after = alerts("split-orders-buyer");
    assertEquals(2, after.size(), "a stale version does not undo the hour");
    assertEquals(List.of(key("SO4"), key("SO5")), after.get(1).orderKeys());
    assertEquals(2, after.get(1).ruleVersion());
  }

  @Test
  void aShadowRuleRaisesShadowAlertsWithItsIdAndVersion() throws Exception {
    RuleDefinition shadow =
        TestOrders.defaultRule("annual-quota")
            .asShadow("annual-quota-low", Map.of("quota", "10000"), "test", T0);
    publish(shadow);
    send(order("SO1").at("2026-06-01T00:00:00Z").value("6000"));
    send(order("SO2").at("2026-07-01T00:00:00Z").value("6000"));
    List<RiskAlert> shadowed = alerts("annual-quota-low");
    assertEquals(1, shadowed.size());
    assertTrue(shadowed.get(0).shadow());
    assertEquals(1, shadowed.get(0).ruleVersion());
    assertEquals(List.of(), alerts("annual-quota"), "the live quota is not crossed");
  }

  @Test
  void ordersOlderThanTheWindowAreForgottenAsTheWatermarkPasses() throws Exception {
    send(at("SO1", Duration.ZERO, "3000"));
    assertEquals(2, harness.numEventTimeTimers(), "one cleanup per group");
    harness.watermark(T0.plus(Duration.ofMinutes(11)).toEpochMilli());
    assertEquals(0, harness.numEventTimeTimers());
    // Were SO1 still kept, an hour's window would now pair it with SO2.
    publish(TestOrders.changed("split-orders-buyer", Map.of("window", "PT1H")));
    send(at("SO2", Duration.ofMinutes(20), "3000"));
    assertEquals(List.of(), alerts("split-orders-buyer"));
  }

  @Test
  void theGroupsSurviveARestartFromACheckpoint() throws Exception {
    send(at("SO1", Duration.ZERO, "2000"));
    send(order("SO2").at("2026-06-01T00:00:00Z").value("21000"));
    OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
    harness.close();
    harness =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new OrderGroupRuleFunction(), List.of(ReferenceState.descriptors())),
            GroupedOrder::groupKey,
            Types.STRING,
            1,
            1,
            0);
    harness.initializeState(checkpoint);
    harness.open();
    send(at("SO3", Duration.ofMinutes(1), "3500"));
    assertEquals(List.of(key("SO1"), key("SO3")), alerts("split-orders-buyer").get(0).orderKeys());
    assertEquals(List.of(key("SO3")), alerts("annual-quota").get(0).orderKeys(), "26,500");
  }

  @Test
  void exportsNeverReachTheGroups() throws Exception {
    assertEquals(List.of(), OrderGroups.of(at("SO1", Duration.ZERO, "30000").export().envelope()));
  }
}
