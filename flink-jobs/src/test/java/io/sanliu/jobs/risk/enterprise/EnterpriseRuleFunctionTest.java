package io.sanliu.jobs.risk.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.ReferenceState;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.jobs.risk.group.TestOrders;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
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

class EnterpriseRuleFunctionTest {
  static final Instant H0 = Instant.parse("2026-11-22T00:00:00Z");
  static final String EBC = "4403960A01";

  KeyedBroadcastOperatorTestHarness<String, Envelope<Order>, ReferenceUpdate, RiskAlert> harness;
  int next;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new EnterpriseRuleFunction(),
            e -> e.payload().ebcCode(),
            Types.STRING,
            ReferenceState.descriptors());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  static Instant hour(int h, int minute) {
    return H0.plus(Duration.ofHours(h)).plusSeconds(60L * minute);
  }

  void send(Envelope<Order> order) throws Exception {
    harness.processElement(order, order.eventTime().toEpochMilli());
  }

  Envelope<Order> order(Instant at) {
    return TestOrders.order("SO" + (++next)).ebc(EBC).at(at).envelope();
  }

  /** {@code n} new orders in hour {@code h}, a minute apart from {@code minute}. */
  void orders(int h, int minute, int n) throws Exception {
    for (int i = 0; i < n; i++) send(order(hour(h, minute + i)));
  }

  /** Six quiet hours: two orders each. */
  void baseline() throws Exception {
    for (int h = 0; h < 6; h++) orders(h, 0, 2);
  }

  List<RiskAlert> alerts(String ruleId) {
    return harness.extractOutputValues().stream().filter(a -> a.ruleId().equals(ruleId)).toList();
  }

  void publish(RuleDefinition rule) throws Exception {
    harness.processBroadcastElement(ReferenceUpdate.of(rule), 0);
  }

  @Test
  void aSpikeIsRaisedAsItCrossesAndCompletedWhenItsBucketCloses() throws Exception {
    baseline();
    orders(6, 0, 9);
    assertEquals(List.of(), alerts("volume-spike"));
    orders(6, 9, 3);
    List<RiskAlert> raised = alerts("volume-spike");
    assertEquals(1, raised.size(), "once, at the tenth order");
    assertEquals("10", raised.get(0).evidence().get("count"));
    assertEquals(EBC, raised.get(0).enterpriseCode());
    assertFalse(raised.get(0).shadow());
    harness.watermark(hour(7, 0).toEpochMilli());
    List<RiskAlert> all = alerts("volume-spike");
    assertEquals(2, all.size());
    RiskAlert complete = all.get(1);
    assertEquals(raised.get(0).alertId(), complete.alertId(), "the same alert, completed");
    assertEquals("12", complete.evidence().get("count"));
    assertEquals("true", complete.evidence().get("complete"));
    assertEquals(12, complete.orderKeys().size());
    assertEquals(hour(6, 9), complete.eventTime());
  }

  @Test
  void anOrderSentAgainOrChangedIsCountedOnce() throws Exception {
    baseline();
    orders(6, 0, 9);
    Envelope<Order> last = TestOrders.order("SO" + next).ebc(EBC).at(hour(6, 8)).envelope();
    send(last);
    send(TestOrders.order("SO" + next).ebc(EBC).at(hour(6, 20)).appType(AppType.CHANGE).envelope());
    assertEquals(List.of(), alerts("volume-spike"), "still nine orders");
    orders(6, 30, 1);
    assertEquals(1, alerts("volume-spike").size());
  }

  @Test
  void deletionsAreNotOrders() throws Exception {
    baseline();
    for (int i = 0; i < 12; i++) {
      send(TestOrders.order("SX" + i).ebc(EBC).at(hour(6, i)).appType(AppType.DELETE).envelope());
    }
    assertEquals(List.of(), alerts("volume-spike"));
  }

  @Test
  void ordersOutOfOrderCountInTheirOwnBuckets() throws Exception {
    orders(1, 0, 2);
    orders(0, 0, 2); // late: the enterprise's history starts an hour earlier
    for (int h = 2; h < 6; h++) orders(h, 0, 2);
    for (int i = 9; i >= 0; i--) send(order(hour(6, i)));
    List<RiskAlert> raised = alerts("volume-spike");
    assertEquals(1, raised.size());
    assertEquals("2.00", raised.get(0).evidence().get("baseline"));
    assertEquals("6", raised.get(0).evidence().get("historyBuckets"));
  }

  @Test
  void aHigherVersionChangesTheFactorWhileRunning() throws Exception {
    baseline();
    orders(6, 0, 3);
    publish(TestOrders.changed("volume-spike", Map.of("factor", "2", "minOrders", "4")));
    orders(6, 3, 1);
    List<RiskAlert> raised = alerts("volume-spike");
    assertEquals(1, raised.size(), "four orders: twice the baseline of two");
    assertEquals(2, raised.get(0).ruleVersion());
    assertEquals("2", raised.get(0).evidence().get("factor"));
  }

  @Test
  void aNewBucketLengthStartsTheHistoryAfresh() throws Exception {
    baseline();
    publish(TestOrders.changed("volume-spike", Map.of("bucket", "PT30M")));
    orders(6, 0, 20);
    assertEquals(List.of(), alerts("volume-spike"), "no history in half hours yet");
  }

  @Test
  void aShadowDefinitionRaisesShadowAlerts() throws Exception {
    publish(
        TestOrders.defaultRule("volume-spike")
            .asShadow("volume-spike-low", Map.of("factor", "2", "minOrders", "4"), "test", H0));
    baseline();
    orders(6, 0, 4);
    List<RiskAlert> shadow = alerts("volume-spike-low");
    assertEquals(1, shadow.size());
    assertTrue(shadow.get(0).shadow());
    assertEquals(1, shadow.get(0).ruleVersion());
    assertEquals(List.of(), alerts("volume-spike"));
  }

  @Test
  void countedOrdersAreForgottenAfterTheirBucket() throws Exception {
    orders(0, 0, 2);
    assertEquals(1, harness.numEventTimeTimers(), "one per bucket end");
    harness.watermark(hour(2, 0).toEpochMilli());
    assertEquals(0, harness.numEventTimeTimers());
    // The key is no longer remembered: a copy a day later counts as an order of its hour.
    send(TestOrders.order("SO1").ebc(EBC).at(hour(24, 0)).envelope());
    assertEquals(1, harness.numEventTimeTimers());
  }

  @Test
  void theCountsSurviveARestartFromACheckpoint() throws Exception {
    baseline();
    orders(6, 0, 9);
    OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
    harness.close();
    harness =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new EnterpriseRuleFunction(), List.of(ReferenceState.descriptors())),
            e -> e.payload().ebcCode(),
            Types.STRING,
            1,
            1,
            0);
    harness.initializeState(checkpoint);
    harness.open();
    orders(6, 30, 1);
    assertEquals("10", alerts("volume-spike").get(0).evidence().get("count"));
  }
}
