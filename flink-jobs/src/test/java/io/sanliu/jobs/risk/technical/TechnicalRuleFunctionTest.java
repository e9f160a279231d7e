package io.sanliu.jobs.risk.technical;

import static io.sanliu.jobs.risk.technical.TechnicalFixtures.ORDER;
import static io.sanliu.jobs.risk.technical.TechnicalFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.ReferenceState;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.jobs.risk.RiskAlerts;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TechnicalRuleFunctionTest {
  static final String SENDER = "4403960001";
  static final Duration WINDOW = Duration.ofHours(2); // the shipped record window

  KeyedBroadcastOperatorTestHarness<String, TechnicalSignal, ReferenceUpdate, RiskAlert> harness;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new TechnicalRuleFunction(),
            TechnicalSignal::key,
            Types.STRING,
            ReferenceState.descriptors());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(TechnicalSignal s) throws Exception {
    harness.processElement(s, s.time().toEpochMilli());
  }

  void record(String guid, Instant ingested) throws Exception {
    send(TechnicalFixtures.signal(TechnicalFixtures.payment(guid, ingested)));
  }

  void refused(String guid, Instant at) throws Exception {
    send(TechnicalFixtures.signal(TechnicalFixtures.simulatorInvalid(SENDER, guid, at)));
  }

  /** {@code n} refusals {@code step} apart from {@code from}, guids {@code prefix-i}. */
  void refusals(String prefix, int n, Instant from, Duration step) throws Exception {
    for (int i = 0; i < n; i++) refused(prefix + "-" + i, from.plus(step.multipliedBy(i)));
  }

  void publish(RuleDefinition rule) throws Exception {
    harness.processBroadcastElement(ReferenceUpdate.of(rule), 0);
  }

  void watermark(Instant at) throws Exception {
    harness.watermark(at.toEpochMilli());
  }

  /** Keyed state entries held, over every key and state. */
  int stateEntries() {
    return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
        .numKeyValueStateEntries();
  }

  List<RiskAlert> alerts() {
    return harness.extractOutputValues();
  }

  @Test
  void aReplayTheGatewayRefusedIsAlertedAtOnce() throws Exception {
    DeadLetter replay = TechnicalFixtures.gatewayReplay("M-1", SampleEvents.payment(), T0);
    send(TechnicalFixtures.signal(replay));
    assertEquals(1, alerts().size());
    RiskAlert a = alerts().get(0);
    assertEquals(RuleType.REPLAYED_MESSAGE, a.ruleType());
    assertEquals(RiskAlerts.alertId("replayed-message", "M-1"), a.alertId());
    assertEquals(List.of("M-1"), a.messageGuids());
    assertEquals(List.of(ORDER), a.orderKeys());
    assertEquals(TechnicalFixtures.PAYMENT_FIRM, a.enterpriseCode());
  }

  @Test
  void aRecordGuidSeenAgainWithinTheWindowIsAlertedAndAThirdCopyUpdatesTheAlert() throws Exception {
    record("R-1", T0);
    assertEquals(List.of(), alerts(), "a first copy is normal");
    watermark(T0.plus(Duration.ofMinutes(30)));
    record("R-1", T0.plus(Duration.ofMinutes(45)));
    assertEquals(1, alerts().size());
    RiskAlert a = alerts().get(0);
    assertEquals(RiskAlerts.alertId("replayed-message", "R-1"), a.alertId());
    assertEquals(List.of("R-1"), a.messageGuids());
    assertEquals("PT45M", a.evidence().get("gap"));
    record("R-1", T0.plus(Duration.ofMinutes(50)));
    assertEquals(2, alerts().size());
    assertEquals(a.alertId(), alerts().get(1).alertId(), "the same alert, updated");
    assertEquals("3", alerts().get(1).evidence().get("sightings"));
    assertEquals(
        List.of(),
        alerts().stream().filter(x -> x.ruleType() != RuleType.REPLAYED_MESSAGE).toList());
  }

  @Test
  void aRecordGuidSeenAgainAfterTheWindowIsNotAReplay() throws Exception {
    record("R-1", T0);
    assertEquals(1, stateEntries());
    watermark(T0.plus(WINDOW));
    assertEquals(1, stateEntries(), "no timer per guid: the state TTL forgets it");
    record("R-1", T0.plus(Duration.ofHours(3)));
    assertEquals(List.of(), alerts());
  }

  @Test
  void aCopyBeyondTheWindowWhileTheWatermarkLagsIsRememberedAfresh() throws Exception {
    record("R-1", T0);
    record("R-1", T0.plus(Duration.ofHours(3))); // still remembered
    assertEquals(List.of(), alerts());
    record("R-1", T0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(10)));
    assertEquals(1, alerts().size(), "within the window of the copy remembered afresh");
    assertEquals("PT10M", alerts().get(0).evidence().get("gap"));
  }

  @Test
  void aBurstIsAlertedAtItsThresholdAndLaterRefusalsUpdateTheSameAlert() throws Exception {
    refusals("B", 9, T0, Duration.ofSeconds(30));
    assertEquals(List.of(), alerts(), "nine are not a burst");
    refused("B-9", T0.plus(Duration.ofMinutes(5)));
    assertEquals(1, alerts().size());
    RiskAlert a = alerts().get(0);
    assertEquals(RuleType.REJECTED_BURST, a.ruleType());
    assertEquals(RiskAlerts.alertId("rejected-burst", SENDER + "/B-0"), a.alertId());
    assertEquals(SENDER, a.enterpriseCode());
    assertEquals(10, a.messageGuids().size());
    refused("B-10", T0.plus(Duration.ofMinutes(6)));
    assertEquals(2, alerts().size());
    assertEquals(a.alertId(), alerts().get(1).alertId());
    assertEquals(11, alerts().get(1).messageGuids().size());
    assertEquals("11", alerts().get(1).evidence().get("refusals"));
  }

  @Test
  void aGapLongerThanTheWindowSplitsTheBurst() throws Exception {
    refusals("A", 6, T0, Duration.ofSeconds(30));
    Instant later = T0.plus(Duration.ofSeconds(150)).plus(Duration.ofMinutes(11));
    refusals("B", 6, later, Duration.ofSeconds(30));
    assertEquals(List.of(), alerts(), "6 and 6, not 12");
    refusals("C", 4, later.plus(Duration.ofMinutes(3)), Duration.ofSeconds(30));
    assertEquals(1, alerts().size(), "the second burst reaches 10");
    assertEquals(RiskAlerts.alertId("rejected-burst", SENDER + "/B-0"), alerts().get(0).alertId());
    assertFalse(alerts().get(0).messageGuids().contains("A-0"));
  }

  @Test
  void aBurstIsForgottenOnceItsWindowPassesInEventTime() throws Exception {
    refusals("A", 9, T0, Duration.ofSeconds(30));
    assertEquals(1, stateEntries());
    watermark(T0.plus(Duration.ofMinutes(4)).plus(Duration.ofMinutes(10)));
    assertEquals(0, stateEntries(), "no refusal for the window after the last one");
    // A late refusal that would have been the tenth finds the burst forgotten.
    refused("A-9", T0.plus(Duration.ofMinutes(5)));
    assertEquals(List.of(), alerts());
  }

  @Test
  void aHigherVersionChangesTheThreshold() throws Exception {
    publish(TechnicalFixtures.changed("rejected-burst", Map.of("minRejected", "5")));
    refusals("B", 5, T0, Duration.ofSeconds(10));
    assertEquals(1, alerts().size());
    assertEquals(2, alerts().get(0).ruleVersion());
    assertEquals("5", alerts().get(0).evidence().get("minRejected"));
  }

  @Test
  void aShadowDefinitionWithALongerWindowAlertsMarkedShadow() throws Exception {
    RuleDefinition live = TechnicalFixtures.shipped("replayed-message");
    publish(live.asShadow("replayed-message-4h", Map.of("window", "PT4H"), "test", T0));
    record("R-1", T0);
    watermark(T0.plus(WINDOW).plusMillis(1)); // the guid is kept for the longest window
    record("R-1", T0.plus(Duration.ofHours(3)));
    assertEquals(1, alerts().size(), "only the shadow rule's window reaches");
    RiskAlert a = alerts().get(0);
    assertTrue(a.shadow());
    assertEquals("replayed-message-4h", a.ruleId());
    assertEquals(1, a.ruleVersion());
    assertEquals(RiskAlerts.alertId("replayed-message-4h", "R-1"), a.alertId());
  }
}
