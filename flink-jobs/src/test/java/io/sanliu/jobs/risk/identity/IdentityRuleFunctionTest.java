package io.sanliu.jobs.risk.identity;

import static io.sanliu.jobs.risk.group.TestOrders.key;
import static io.sanliu.jobs.risk.group.TestOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.ReferenceState;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.jobs.risk.group.TestOrders;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.SampleEvents;
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

class IdentityRuleFunctionTest {
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  static final String SHARED = "广东省深圳市福田区福华路8号";

  KeyedBroadcastOperatorTestHarness<String, IdentityLink, ReferenceUpdate, RiskAlert> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new IdentityRuleFunction(),
            IdentityLink::subjectKey,
            Types.STRING,
            ReferenceState.descriptors());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(List<IdentityLink> links) throws Exception {
    for (IdentityLink l : links) harness.processElement(l, l.eventTime().toEpochMilli());
  }

  /** Buyer {@code n} ordering to the shared address, {@code hours} after T0. */
  void buyerAtSharedAddress(int n, double hours) throws Exception {
    send(
        IdentityLinks.fromOrder(
            order("SO" + n)
                .buyer("11010519900101" + (1000 + n))
                .telephones("1390000" + (1000 + n), "1390000" + (1000 + n))
                .address(SHARED)
                .at(T0.plusSeconds((long) (hours * 3600)))
                .envelope()));
  }

  List<RiskAlert> alerts(String ruleId) {
    return harness.extractOutputValues().stream().filter(a -> a.ruleId().equals(ruleId)).toList();
  }

  void publish(RuleDefinition rule) throws Exception {
    harness.processBroadcastElement(ReferenceUpdate.of(rule), 0);
  }

  @Test
  void fiveBuyersOnOneAddressGrowOneAlertFromTheThird() throws Exception {
    buyerAtSharedAddress(1, 0);
    buyerAtSharedAddress(2, 1.5);
    assertEquals(List.of(), alerts("identity-address"));
    buyerAtSharedAddress(3, 3);
    buyerAtSharedAddress(4, 6);
    buyerAtSharedAddress(5, 11);
    List<RiskAlert> found = alerts("identity-address");
    assertEquals(3, found.size());
    assertEquals(1, found.stream().map(RiskAlert::alertId).distinct().count(), "one alert");
    assertEquals(
        List.of(key("SO1"), key("SO2"), key("SO3"), key("SO4"), key("SO5")),
        found.get(2).orderKeys());
    assertEquals("5", found.get(2).evidence().get("distinct"));
    assertEquals(TestOrders.address(SHARED).hash(), found.get(2).entityKeys().get("address"));
    assertEquals(
        List.of(), alerts("identity-telephone"), "each buyer has a telephone of their own");
  }

  @Test
  void theSameOrderSeenAgainChangesNothing() throws Exception {
    buyerAtSharedAddress(1, 0);
    buyerAtSharedAddress(2, 1);
    buyerAtSharedAddress(3, 2);
    assertEquals(1, alerts("identity-address").size());
    buyerAtSharedAddress(3, 2);
    assertEquals(1, alerts("identity-address").size(), "no new buyer, no new order");
  }

  @Test
  void linksArrivingOutOfOrderCountAlike() throws Exception {
    buyerAtSharedAddress(3, 2);
    buyerAtSharedAddress(1, 0);
    buyerAtSharedAddress(2, 1);
    RiskAlert a = alerts("identity-address").get(0);
    assertEquals(T0, a.eventTime(), "the earliest link, whenever it came");
    assertEquals(List.of(key("SO1"), key("SO2"), key("SO3")), a.orderKeys());
  }

  @Test
  void aPayerServingManyBuyersIsFoundFromMatchedParcels() throws Exception {
    for (int n = 1; n <= 3; n++) {
      Order o = order("SO" + n).buyer("11010519900101" + (1000 + n)).at(T0).payload();
      ParcelOutcome outcome = IdentityLinksTest.outcome(o, SampleEvents.payment());
      outcome = new ParcelOutcome(o.businessKey(), outcome.result(), outcome.documents());
      send(IdentityLinks.fromParcel(outcome));
      send(IdentityLinks.fromParcel(outcome)); // the matcher may report a parcel twice
    }
    List<RiskAlert> found = alerts("identity-payer");
    assertEquals(1, found.size());
    assertEquals(3, found.get(0).orderKeys().size());
    Payment p = SampleEvents.payment();
    assertEquals(p.payerId().hash(), found.get(0).entityKeys().get("payer"));
  }

  @Test
  void aHigherVersionRaisesTheThresholdWhileRunning() throws Exception {
    publish(TestOrders.changed("identity-address", Map.of("minDistinct", "5")));
    for (int n = 1; n <= 4; n++) buyerAtSharedAddress(n, n);
    assertEquals(List.of(), alerts("identity-address"));
    buyerAtSharedAddress(5, 5);
    assertEquals(1, alerts("identity-address").size());
    assertEquals(2, alerts("identity-address").get(0).ruleVersion());
  }

  @Test
  void aShadowDefinitionRaisesShadowAlerts() throws Exception {
    publish(
        TestOrders.defaultRule("identity-address")
            .asShadow("identity-address-two", Map.of("minDistinct", "2"), "test", T0));
    buyerAtSharedAddress(1, 0);
    buyerAtSharedAddress(2, 1);
    List<RiskAlert> shadow = alerts("identity-address-two");
    assertEquals(1, shadow.size());
    assertTrue(shadow.get(0).shadow());
    assertEquals(1, shadow.get(0).ruleVersion());
    assertEquals(List.of(), alerts("identity-address"));
  }

  @Test
  void identitiesAreForgottenOnceOutOfTheLongestWindow() throws Exception {
    publish(TestOrders.changed("identity-address", Map.of("window", "PT1H")));
    buyerAtSharedAddress(1, 0);
    buyerAtSharedAddress(2, 0.5);
    harness.watermark(T0.plus(Duration.ofHours(2)).toEpochMilli());
    // Were they still kept, a window of a day would count them with the third.
    publish(
        TestOrders.changed("identity-address", Map.of("window", "P1D"))
            .withParams(Map.of(), "t", T0));
    buyerAtSharedAddress(3, 2.5);
    assertEquals(List.of(), alerts("identity-address"));
  }

  @Test
  void theLinksSurviveARestartFromACheckpoint() throws Exception {
    buyerAtSharedAddress(1, 0);
    buyerAtSharedAddress(2, 1);
    OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
    harness.close();
    harness =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new IdentityRuleFunction(), List.of(ReferenceState.descriptors())),
            IdentityLink::subjectKey,
            Types.STRING,
            1,
            1,
            0);
    harness.initializeState(checkpoint);
    harness.open();
    buyerAtSharedAddress(3, 2);
    assertEquals(3, alerts("identity-address").get(0).orderKeys().size());
  }
}
