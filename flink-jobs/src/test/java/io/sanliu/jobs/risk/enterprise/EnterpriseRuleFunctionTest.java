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

  /**
   * Seven quiet hours: two orders each. The shipped rule counts hour-long windows sliding by 15
   * minutes: the window from 6:15, the first that holds the minutes after 7:00, has six hours of
   * history and a baseline of two.
   */
  void baseline() throws Exception {
    for (int h = 0; h < 7; h++) orders(h, 0, 2);
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
    orders(7, 0, 9);
    assertEquals(List.of(), alerts("volume-spike"));
    orders(7, 9, 3);
    List<RiskAlert> raised = alerts("volume-spike");
    assertEquals(1, raised.size(), "once, at the tenth order");
    assertEquals("10", raised.get(0).evidence().get("count"));
    assertEquals(EBC, raised.get(0).enterpriseCode());
    assertFalse(raised.get(0).shadow());
    harness.watermark(hour(9, 0).toEpochMilli());
    List<RiskAlert> all = alerts("volume-spike");
    assertEquals(2, all.size(), "the later windows overlapping it are the same spike");
    RiskAlert complete = all.get(1);
    assertEquals(raised.get(0).alertId(), complete.alertId(), "the same alert, completed");
    assertEquals("12", complete.evidence().get("count"));
    assertEquals("true", complete.evidence().get("complete"));
    assertEquals(12, complete.orderKeys().size());
    assertEquals(hour(7, 9), complete.eventTime());
    assertEquals("2026-11-22T06:15:00Z", complete.evidence().get("bucketStart"));
  }

  @Test
  void aSpikeArrivingOutOfOrderIsRaisedByTheOrderThatTakesItOver() throws Exception {
    baseline();
    // Twelve orders from 7:00 to 7:55, arriving newest first (from partitions running unevenly):
    // the tenth to arrive, at 7:10, takes the window from 7:00 to ten, though it ends no window.
    for (int i = 11; i >= 2; i--) send(order(hour(7, 5 * i)));
    List<RiskAlert> raised = alerts("volume-spike");
    assertEquals(1, raised.size(), "at the tenth order to arrive");
    assertEquals("2026-11-22T07:00:00Z", raised.get(0).evidence().get("bucketStart"));
    assertEquals("10", raised.get(0).evidence().get("count"));
    assertEquals(hour(7, 10), raised.get(0).eventTime());
    send(order(hour(7, 5)));
    send(order(hour(7, 0)));
    assertEquals(1, alerts("volume-spike").size(), "the windows before it never reach ten");
  }

  @Test
  void anEarlierWindowCrossingLaterIsTheSameSpikeOneAlert() throws Exception {
    // A quiet enterprise the engine has watched since midnight: a baseline of zero, so the floor of
    // ten orders decides (late orders in a window's baseline do not move its threshold).
    harness.watermark(H0.toEpochMilli());
    // Ten orders from 7:40 take the window from 7:00 to ten: raised.
    orders(7, 40, 10);
    assertEquals(1, alerts("volume-spike").size());
    assertEquals(
        "2026-11-22T07:00:00Z", alerts("volume-spike").get(0).evidence().get("bucketStart"));
    // Five orders of 6:50 arrive late: the window from 6:45 now holds ten too. Same spike.
    orders(6, 50, 5);
    harness.watermark(hour(9, 0).toEpochMilli());
    List<String> ids = alerts("volume-spike").stream().map(RiskAlert::alertId).distinct().toList();
    assertEquals(1, ids.size(), "one alert, raised and completed");
    RiskAlert complete = alerts("volume-spike").get(alerts("volume-spike").size() - 1);
    assertEquals("true", complete.evidence().get("complete"));
    assertEquals("2026-11-22T07:00:00Z", complete.evidence().get("bucketStart"));
  }

  @Test
  void aWindowIsJudgedWhenItClosesThoughNewerOrdersRanFarAhead() throws Exception {
    // Thirty hours of history, more than the 24 windows of baseline, then a spike at 30:00.
    for (int h = 0; h < 30; h++) orders(h, 0, 2);
    orders(30, 0, 12);
    assertEquals(1, alerts("volume-spike").size());
    // Orders six hours ahead arrive before the watermark passes the spike's window.
    orders(36, 0, 2);
    harness.watermark(hour(31, 0).toEpochMilli());
    List<RiskAlert> all = alerts("volume-spike");
    assertEquals(2, all.size(), "raised, then completed as its window closed");
    assertEquals(all.get(0).alertId(), all.get(1).alertId());
    assertEquals("12", all.get(1).evidence().get("count"));
    assertEquals("true", all.get(1).evidence().get("complete"));
    assertEquals("24", all.get(1).evidence().get("baselineBuckets"));
  }

  @Test
  void anOrderSentAgainOrChangedIsCountedOnce() throws Exception {
    baseline();
    orders(7, 0, 9);
    Envelope<Order> last = TestOrders.order("SO" + next).ebc(EBC).at(hour(7, 8)).envelope();
    send(last);
    send(TestOrders.order("SO" + next).ebc(EBC).at(hour(7, 12)).appType(AppType.CHANGE).envelope());
    assertEquals(List.of(), alerts("volume-spike"), "still nine orders");
    orders(7, 10, 1);
    assertEquals(1, alerts("volume-spike").size());
  }

  @Test
  void deletionsAreNotOrders() throws Exception {
    baseline();
    for (int i = 0; i < 12; i++) {
      send(TestOrders.order("SX" + i).ebc(EBC).at(hour(7, i)).appType(AppType.DELETE).envelope());
    }
    assertEquals(List.of(), alerts("volume-spike"));
  }

  @Test
  void ordersOutOfOrderCountInTheirOwnBuckets() throws Exception {
    orders(1, 0, 2);
    orders(0, 0, 2); // late: the enterprise's history starts an hour earlier
    for (int h = 2; h < 7; h++) orders(h, 0, 2);
    for (int i = 9; i >= 0; i--) send(order(hour(7, i)));
    List<RiskAlert> raised = alerts("volume-spike");
    assertEquals(1, raised.size());
    assertEquals("2.00", raised.get(0).evidence().get("baseline"));
    assertEquals("6", raised.get(0).evidence().get("historyBuckets"));
  }

  @Test
  void aHigherVersionChangesTheFactorWhileRunning() throws Exception {
    baseline();
    orders(7, 0, 3);
    publish(TestOrders.changed("volume-spike", Map.of("factor", "2", "minOrders", "4")));
    orders(7, 3, 1);
    List<RiskAlert> raised = alerts("volume-spike");
    assertEquals(1, raised.size(), "four orders: twice the baseline of two");
    assertEquals(2, raised.get(0).ruleVersion());
    assertEquals("2", raised.get(0).evidence().get("factor"));
  }

  @Test
  void aNewStepStartsTheHistoryAfresh() throws Exception {
    baseline();
    publish(TestOrders.changed("volume-spike", Map.of("step", "PT10M")));
    orders(7, 0, 20);
    assertEquals(List.of(), alerts("volume-spike"), "no history in ten-minute steps yet");
  }

  @Test
  void aNewWindowLengthOverTheSameStepsKeepsTheHistory() throws Exception {
    baseline();
    publish(TestOrders.changed("volume-spike", Map.of("bucket", "PT30M")));
    orders(7, 0, 10);
    List<RiskAlert> raised = alerts("volume-spike");
    assertEquals(1, raised.size(), "the quarter-hour counts serve half-hour windows as well");
    assertEquals("2026-11-22T06:45:00Z", raised.get(0).evidence().get("bucketStart"));
  }

  @Test
  void aShadowDefinitionRaisesShadowAlerts() throws Exception {
    publish(
        TestOrders.defaultRule("volume-spike")
            .asShadow("volume-spike-low", Map.of("factor", "2", "minOrders", "4"), "test", H0));
    baseline();
    orders(7, 0, 4);
    List<RiskAlert> shadow = alerts("volume-spike-low");
    assertEquals(1, shadow.size());
    assertTrue(shadow.get(0).shadow());
    assertEquals(1, shadow.get(0).ruleVersion());
    assertEquals(List.of(), alerts("volume-spike"));
  }

  @Test
  void countedOrdersAreForgottenAfterTheirBucket() throws Exception {
    orders(0, 0, 2);
    assertEquals(
        2,
        harness.numEventTimeTimers(),
        "the end of their step and the end of the last window holding them");
    harness.watermark(hour(2, 0).toEpochMilli());
    assertEquals(0, harness.numEventTimeTimers());
    // The key is no longer remembered: a copy a day later counts as an order of its hour.
    send(TestOrders.order("SO1").ebc(EBC).at(hour(24, 0)).envelope());
    assertEquals(2, harness.numEventTimeTimers());
  }

  @Test
  void aNewEnterpriseIsJudgedAgainstTheHoursTheEngineWatched() throws Exception {
    harness.watermark(H0.toEpochMilli());
    send(TestOrders.order("SA1").ebc("4403960B02").at(hour(0, 5)).envelope());
    // The engine has watched since midnight, across a restart.
    OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
    harness.close();
    harness = restored(checkpoint);
    // The enterprise's first orders ever are ten in a quarter hour at 7:00.
    orders(7, 0, 10);
    List<RiskAlert> raised = alerts("volume-spike");
    assertEquals(1, raised.size(), "seven quiet hours watched: a baseline of zero");
    assertEquals("0.00", raised.get(0).evidence().get("baseline"));
    assertEquals("6", raised.get(0).evidence().get("historyBuckets"));
  }

  @Test
  void withoutAWatermarkAnEnterpriseHistoryBeginsWithItsFirstOrder() throws Exception {
    orders(7, 0, 10);
    assertEquals(List.of(), alerts("volume-spike"), "nothing watched before its first order");
  }

  KeyedBroadcastOperatorTestHarness<String, Envelope<Order>, ReferenceUpdate, RiskAlert> restored(
      OperatorSubtaskState checkpoint) throws Exception {
    var h =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new EnterpriseRuleFunction(), List.of(ReferenceState.descriptors())),
            (Envelope<Order> e) -> e.payload().ebcCode(),
            Types.STRING,
            1,
            1,
            0);
    h.initializeState(checkpoint);
    h.open();
    return h;
  }

  @Test
  void theCountsSurviveARestartFromACheckpoint() throws Exception {
    baseline();
    orders(7, 0, 9);
    OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
    harness.close();
    harness = restored(checkpoint);
    orders(7, 10, 1);
    assertEquals("10", alerts("volume-spike").get(0).evidence().get("count"));
  }
}
