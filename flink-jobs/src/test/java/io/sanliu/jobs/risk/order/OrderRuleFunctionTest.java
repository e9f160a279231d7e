package io.sanliu.jobs.risk.order;

import static io.sanliu.jobs.risk.Documents.changed;
import static io.sanliu.jobs.risk.Documents.changedRule;
import static io.sanliu.jobs.risk.Documents.envelope;
import static io.sanliu.jobs.risk.Documents.shipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.Documents;
import io.sanliu.jobs.risk.ReferenceState;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.jobs.risk.RiskAlerts;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderRuleFunctionTest {
  KeyedBroadcastOperatorTestHarness<String, Envelope<Order>, ReferenceUpdate, RiskAlert> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new OrderRuleFunction(), Envelope::key, Types.STRING, ReferenceState.descriptors());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  static Envelope<Order> order(String goodsValue) {
    return envelope(
        EventType.ORDER,
        changed(SampleEvents.order(), o -> o.put("goodsValue", new BigDecimal(goodsValue))));
  }

  void send(Envelope<Order> e) throws Exception {
    harness.processElement(e, e.eventTime().toEpochMilli());
  }

  List<RiskAlert> alerts() {
    return harness.extractOutputValues();
  }

  @Test
  void theShippedDefaultsApplyBeforeAnyDefinitionIsBroadcast() throws Exception {
    send(order("1000"));
    assertEquals(List.of(), alerts());
    send(order("6000"));
    assertEquals(1, alerts().size());
    RiskAlert a = alerts().get(0);
    assertEquals("single-limit", a.ruleId());
    assertEquals(1, a.ruleVersion());
    assertEquals(RuleType.SINGLE_LIMIT, a.ruleType());
    assertEquals("单笔交易超限", a.ruleNameZh());
    assertEquals(AlertStatus.OPEN, a.status());
    assertFalse(a.shadow());
    assertEquals(RiskAlerts.alertId("single-limit", a.orderKeys().get(0)), a.alertId());
    assertEquals(
        order("6000").ingestTime().getEpochSecond(), a.sourceIngestTime().getEpochSecond());
  }

  @Test
  void aNewVersionOnTheControlTopicChangesTheThresholdWithoutRestart() throws Exception {
    send(order("4000"));
    assertEquals(List.of(), alerts());
    harness.processBroadcastElement(
        ReferenceUpdate.of(changedRule("single-limit", Map.of("limit", "3000"))), 0L);
    send(order("4000"));
    assertEquals(1, alerts().size());
    assertEquals(2, alerts().get(0).ruleVersion());
    assertTrue(alerts().get(0).explanationEn().endsWith("single limit 3,000"));
  }

  @Test
  void anOlderVersionDoesNotUndoANewerOne() throws Exception {
    RuleDefinition v2 = changedRule("single-limit", Map.of("limit", "3000"));
    harness.processBroadcastElement(ReferenceUpdate.of(v2), 0L);
    harness.processBroadcastElement(ReferenceUpdate.of(shipped("single-limit")), 0L);
    send(order("4000"));
    assertEquals(1, alerts().size());
  }

  @Test
  void aShadowRuleRaisesAlertsMarkedShadowBesideTheLiveOne() throws Exception {
    RuleDefinition shadow =
        shipped("single-limit")
            .asShadow("single-limit-3000", Map.of("limit", "3000"), "risk team", Instant.now());
    harness.processBroadcastElement(ReferenceUpdate.of(shadow), 0L);
    send(order("4000"));
    assertEquals(1, alerts().size());
    assertTrue(alerts().get(0).shadow());
    assertEquals("single-limit-3000", alerts().get(0).ruleId());
    send(order("6000"));
    assertEquals(2, alerts().stream().filter(RiskAlert::shadow).count());
    assertEquals(1, alerts().stream().filter(x -> !x.shadow()).count());
  }

  @Test
  void aDisabledRuleStops() throws Exception {
    RuleDefinition off =
        new RuleDefinition(
            "single-limit",
            RuleType.SINGLE_LIMIT,
            2,
            false,
            null,
            null,
            null,
            Map.of(),
            null,
            "t",
            Instant.now());
    harness.processBroadcastElement(ReferenceUpdate.of(off), 0L);
    send(order("6000"));
    assertEquals(List.of(), alerts());
  }

  @Test
  void deletedOrdersAreNotJudged() throws Exception {
    Order deleted = changed(order("6000").payload(), o -> o.put("appType", "3"));
    assertEquals(AppType.DELETE, deleted.appType());
    send(envelope(EventType.ORDER, deleted));
    assertEquals(List.of(), alerts());
  }

  @Test
  void filingsArriveOnTheReferenceStream() throws Exception {
    GoodsFiling filing =
        new GoodsFiling(
            "GR-1",
            SampleEvents.EBC_CODE,
            "SKU-0001",
            "奶粉",
            "0402290000",
            null,
            "116",
            "122",
            new BigDecimal("2000.00"),
            "142",
            AppType.NEW,
            Instant.now());
    harness.processBroadcastElement(ReferenceUpdate.of(filing), 0L);
    send(envelope(EventType.ORDER, SampleEvents.order()));
    assertEquals(
        List.of(RuleType.UNDERVALUATION), alerts().stream().map(RiskAlert::ruleType).toList());
  }

  @Test
  void anAlertAboutAnEnterpriseGradedDIsRaisedOneLevel() throws Exception {
    Envelope<Order> big = order("6000");
    String ebc = big.payload().ebcCode();
    harness.processBroadcastElement(
        ReferenceUpdate.of(
            Documents.gradeChange(ebc, Grade.C, Grade.D, 3, Instant.parse("2026-11-01T00:00:00Z"))),
        0);
    send(big);
    RiskAlert a = alerts().get(0);
    assertEquals(Severity.CRITICAL, a.severity(), "the single limit's HIGH, one level up");
    assertEquals("HIGH", a.evidence().get(RiskAlert.SEVERITY_RAISED_FROM));
    assertEquals("D", a.evidence().get("creditGrade"));
  }
}
