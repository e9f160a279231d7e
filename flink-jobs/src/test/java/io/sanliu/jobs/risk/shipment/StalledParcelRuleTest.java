package io.sanliu.jobs.risk.shipment;

import static io.sanliu.jobs.risk.shipment.ShipmentFixtures.ORDER;
import static io.sanliu.jobs.risk.shipment.ShipmentFixtures.WAYBILL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StalledParcelRuleTest {
  static final Instant LAST = Instant.parse("2026-11-22T04:00:00Z");
  static final Instant LAST_INGESTED = LAST.plusMillis(900);

  final StalledParcelRule rule = new StalledParcelRule();
  final RuleDefinition shipped = ShipmentFixtures.shipped("stalled-parcel");

  static Shipment parcel(LogisticsStatus last, int events) {
    return new Shipment(
        ORDER,
        Direction.I,
        TradeMode.DIRECT_9610,
        SampleEvents.EBC_CODE,
        SampleEvents.DECL_TIME,
        SampleEvents.RECEIVED,
        events,
        events == 0 ? null : last,
        events == 0 ? null : LAST,
        events == 0 ? null : LAST_INGESTED);
  }

  static ShipmentContext silentFor(Shipment s, Duration d, String... raised) {
    return new ShipmentContext(WAYBILL, s, LAST.plus(d), Set.of(raised));
  }

  @Test
  void aParcelSilentForExactlyTheSilenceIsStalled() {
    List<Finding> found =
        rule.evaluate(silentFor(parcel(LogisticsStatus.ARRIVED, 3), Duration.ofHours(96)), shipped);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(WAYBILL, f.subject());
    assertEquals(List.of(WAYBILL), f.waybillKeys());
    assertEquals(List.of(ORDER), f.orderKeys());
    assertEquals(SampleEvents.EBC_CODE, f.enterpriseCode());
    assertEquals("ARRIVED", f.evidence().get("lastStatus"));
    assertEquals(LAST.toString(), f.evidence().get("lastEventAt"));
    assertEquals("PT96H", f.evidence().get("silentFor"));
    assertEquals("PT96H", f.evidence().get("silence"));
    assertEquals("3", f.evidence().get("trackingEvents"));
    assertEquals(LAST, f.eventTime());
    assertEquals(LAST_INGESTED, f.sourceIngestTime());
    assertEquals(50, f.score(), 1e-9, "at the threshold");
  }

  @Test
  void aMillisecondShortOfTheSilenceIsNotStalled() {
    Duration justUnder = Duration.ofHours(96).minusMillis(1);
    assertEquals(
        List.of(),
        rule.evaluate(silentFor(parcel(LogisticsStatus.ARRIVED, 3), justUnder), shipped));
  }

  @Test
  void theExplanationGivesTheSilenceAndTheLimitInBothLanguages() {
    RuleDefinition compressed = ShipmentFixtures.stalled("PT2H");
    Finding f =
        rule.evaluate(
                silentFor(parcel(LogisticsStatus.DEPARTED, 2), Duration.ofMinutes(200)), compressed)
            .get(0);
    assertEquals("运单 " + WAYBILL + " 自最后状态「已发出」起 3小时20分钟 无物流更新，超过停滞阈值 2小时", f.explanationZh());
    assertEquals(
        "waybill " + WAYBILL + ": no tracking for 3 h 20 min since DEPARTED > silence limit 2 h",
        f.explanationEn());
    assertTrue(f.score() > 50, "further beyond the silence, higher: " + f.score());
  }

  @Test
  void aDeliveredOrReturnedParcelIsNeverStalled() {
    Duration long_ = Duration.ofDays(30);
    assertEquals(
        List.of(), rule.evaluate(silentFor(parcel(LogisticsStatus.DELIVERED, 6), long_), shipped));
    assertEquals(
        List.of(), rule.evaluate(silentFor(parcel(LogisticsStatus.RETURNED, 7), long_), shipped));
  }

  @Test
  void aParcelThatNeverMovedIsNotStalled() {
    ShipmentContext listOnly =
        new ShipmentContext(
            WAYBILL, parcel(null, 0), SampleEvents.DECL_TIME.plus(Duration.ofDays(30)), Set.of());
    assertEquals(List.of(), rule.evaluate(listOnly, shipped));
  }

  @Test
  void aRuleThatAlreadyAlertedAboutThisSilenceDoesNotAgain() {
    ShipmentContext c =
        silentFor(parcel(LogisticsStatus.ARRIVED, 3), Duration.ofHours(100), shipped.ruleId());
    assertEquals(List.of(), rule.evaluate(c, shipped));
  }
}
