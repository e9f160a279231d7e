package io.sanliu.jobs.risk.shipment;

import static io.sanliu.jobs.risk.shipment.ShipmentFixtures.ORDER;
import static io.sanliu.jobs.risk.shipment.ShipmentFixtures.WAYBILL;
import static io.sanliu.jobs.risk.shipment.ShipmentFixtures.tracking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.ReferenceState;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.jobs.risk.RiskAlerts;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.RiskAlert;
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

class ShipmentRuleFunctionTest {
  static final Instant T0 = Instant.parse("2026-11-22T04:00:00Z");
  static final Duration SILENCE = Duration.ofHours(96); // the shipped default

  KeyedBroadcastOperatorTestHarness<String, ShipmentSignal, ReferenceUpdate, RiskAlert> harness;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ShipmentRuleFunction(),
            ShipmentSignal::waybillKey,
            Types.STRING,
            ReferenceState.descriptors());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(ShipmentSignal s) throws Exception {
    harness.processElement(s, s.eventTime().toEpochMilli());
  }

  void event(String id, LogisticsStatus status, Instant at) throws Exception {
    send(ShipmentSignal.of(tracking(id, status, at)));
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

  List<RiskAlert> alerts(RuleType type) {
    return alerts().stream().filter(a -> a.ruleType() == type).toList();
  }

  @Test
  void aStalledParcelIsAlertedAtTheSilenceAfterItsLatestEventInEventTime() throws Exception {
    send(ShipmentSignal.ofList(ShipmentFixtures.importList()).orElseThrow());
    event("E1", LogisticsStatus.PICKED_UP, T0);
    event("E2", LogisticsStatus.DEPARTED, T0.plus(Duration.ofHours(10)));
    Instant due = T0.plus(Duration.ofHours(10)).plus(SILENCE);
    watermark(due.minusMillis(1));
    assertEquals(List.of(), alerts(), "not a millisecond early");
    watermark(due);
    assertEquals(1, alerts().size());
    RiskAlert a = alerts().get(0);
    assertEquals(RuleType.STALLED_PARCEL, a.ruleType());
    assertEquals(RiskAlerts.alertId("stalled-parcel", WAYBILL), a.alertId());
    assertEquals(List.of(WAYBILL), a.waybillKeys());
    assertEquals(List.of(ORDER), a.orderKeys(), "the order key from the list");
    assertEquals("DEPARTED", a.evidence().get("lastStatus"));
    assertEquals("2", a.evidence().get("trackingEvents"));
    assertFalse(a.shadow());
    watermark(due.plus(Duration.ofDays(3)));
    assertEquals(1, alerts().size(), "alerted once");
  }

  @Test
  void outOfOrderAndDuplicateEventsKeepTheLatestByEventTimeAndCountOnce() throws Exception {
    Instant later = T0.plus(Duration.ofHours(20));
    event("E2", LogisticsStatus.ARRIVED, later);
    event("E1", LogisticsStatus.PICKED_UP, T0); // arrives late
    event("E2", LogisticsStatus.ARRIVED, later); // sent twice
    event("E1", LogisticsStatus.PICKED_UP, T0);
    watermark(T0.plus(SILENCE));
    assertEquals(List.of(), alerts(), "the earlier event's silence does not count");
    watermark(later.plus(SILENCE));
    assertEquals(1, alerts().size());
    assertEquals("ARRIVED", alerts().get(0).evidence().get("lastStatus"));
    assertEquals("2", alerts().get(0).evidence().get("trackingEvents"));
    assertEquals(later, alerts().get(0).eventTime());
  }

  @Test
  void aParcelThatMovedOnIsNotAlertedAtItsEarlierEventsTimer() throws Exception {
    event("E1", LogisticsStatus.PICKED_UP, T0);
    watermark(T0.plus(Duration.ofHours(50)));
    Instant moved = T0.plus(Duration.ofHours(60));
    event("E2", LogisticsStatus.DEPARTED, moved);
    watermark(T0.plus(SILENCE).plusSeconds(1));
    assertEquals(List.of(), alerts());
    watermark(moved.plus(SILENCE));
    assertEquals(1, alerts().size());
  }

  @Test
  void aDeliveredParcelIsForgottenAndALateEventDoesNotRestartIt() throws Exception {
    event("E1", LogisticsStatus.PICKED_UP, T0);
    event("E2", LogisticsStatus.OUT_FOR_DELIVERY, T0.plus(Duration.ofHours(30)));
    event("E3", LogisticsStatus.DELIVERED, T0.plus(Duration.ofHours(33)));
    assertEquals(1, stateEntries(), "only the ended marker is kept");
    event("E0", LogisticsStatus.DEPARTED, T0.plus(Duration.ofHours(10))); // late
    event("E9", LogisticsStatus.ARRIVED, T0.plus(Duration.ofHours(40))); // after the end
    watermark(T0.plus(Duration.ofDays(30)));
    assertEquals(List.of(), alerts());
  }

  @Test
  void aReturnedParcelIsNeverStalled() throws Exception {
    event("E1", LogisticsStatus.EXCEPTION, T0);
    event("E2", LogisticsStatus.RETURNED, T0.plus(Duration.ofHours(5)));
    watermark(T0.plus(Duration.ofDays(30)));
    assertEquals(List.of(), alerts());
  }

  @Test
  void anExportDeclaredButNeverMovedIsAlertedUnderItsOrderKey() throws Exception {
    Instant declared = T0;
    send(ShipmentSignal.ofList(ShipmentFixtures.exportList(declared)).orElseThrow());
    watermark(declared.plus(Duration.ofDays(5)).minusMillis(1));
    assertEquals(List.of(), alerts());
    watermark(declared.plus(Duration.ofDays(5)));
    assertEquals(1, alerts().size());
    RiskAlert a = alerts().get(0);
    assertEquals(RuleType.EXPORT_NOT_SHIPPED, a.ruleType());
    assertEquals(RiskAlerts.alertId("export-not-shipped", ORDER), a.alertId());
    assertEquals(List.of(ORDER), a.orderKeys());
    assertEquals(List.of(WAYBILL), a.waybillKeys());
  }

  @Test
  void anExportThatMovesIsNotAlertedAsNotShipped() throws Exception {
    send(ShipmentSignal.ofList(ShipmentFixtures.exportList(T0)).orElseThrow());
    event("E1", LogisticsStatus.PICKED_UP, T0.plus(Duration.ofDays(2)));
    event("E2", LogisticsStatus.DELIVERED, T0.plus(Duration.ofDays(4)));
    watermark(T0.plus(Duration.ofDays(20)));
    assertEquals(List.of(), alerts());
  }

  @Test
  void anImportListNeverStartsAnExportWait() throws Exception {
    send(ShipmentSignal.ofList(ShipmentFixtures.importList()).orElseThrow());
    watermark(T0.plus(Duration.ofDays(20)));
    assertEquals(List.of(), alerts());
  }

  @Test
  void aHigherVersionPublishedBeforehandSetsTheSilence() throws Exception {
    RuleDefinition v2 = ShipmentFixtures.stalled("PT2H");
    publish(v2);
    event("E1", LogisticsStatus.PICKED_UP, T0);
    watermark(T0.plus(Duration.ofHours(2)).minusMillis(1));
    assertEquals(List.of(), alerts());
    watermark(T0.plus(Duration.ofHours(2)));
    assertEquals(1, alerts().size());
    assertEquals(2, alerts().get(0).ruleVersion());
    assertEquals("PT2H", alerts().get(0).evidence().get("silence"));
  }

  @Test
  void aLongerSilencePublishedWhileAParcelWaitsMovesItsAlert() throws Exception {
    event("E1", LogisticsStatus.PICKED_UP, T0);
    publish(ShipmentFixtures.stalled("PT120H"));
    watermark(T0.plus(SILENCE));
    assertEquals(List.of(), alerts(), "the old timer fires, the new silence is not over");
    watermark(T0.plus(Duration.ofHours(120)));
    assertEquals(1, alerts().size());
    assertEquals(2, alerts().get(0).ruleVersion());
  }

  @Test
  void aShadowDefinitionAlertsMarkedShadowBesideTheLiveOne() throws Exception {
    RuleDefinition live = ShipmentFixtures.shipped("stalled-parcel");
    RuleDefinition shadow =
        live.asShadow("stalled-parcel-tight", Map.of("silence", "PT24H"), "test", T0);
    publish(shadow);
    event("E1", LogisticsStatus.PICKED_UP, T0);
    watermark(T0.plus(Duration.ofHours(24)));
    assertEquals(1, alerts().size());
    RiskAlert s = alerts().get(0);
    assertTrue(s.shadow());
    assertEquals("stalled-parcel-tight", s.ruleId());
    assertEquals(1, s.ruleVersion());
    watermark(T0.plus(SILENCE));
    assertEquals(2, alerts().size(), "the live rule once, the shadow one not again");
    RiskAlert l = alerts().get(1);
    assertFalse(l.shadow());
    assertEquals("stalled-parcel", l.ruleId());
  }

  @Test
  void aListNamingNoWaybillGivesNoSignal() {
    assertTrue(
        ShipmentSignal.ofList(ShipmentFixtures.list(l -> l.putNull("logisticsNo"))).isEmpty());
  }
}
