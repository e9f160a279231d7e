package io.sanliu.jobs.risk.shipment;

import static io.sanliu.jobs.risk.shipment.ShipmentFixtures.ORDER;
import static io.sanliu.jobs.risk.shipment.ShipmentFixtures.WAYBILL;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

class ExportNotMovedRuleTest {
  static final Instant DECLARED = SampleEvents.DECL_TIME;
  static final Instant LIST_INGESTED = DECLARED.plusSeconds(1);

  final ExportNotMovedRule rule = new ExportNotMovedRule();
  final RuleDefinition shipped = ShipmentFixtures.shipped("export-not-shipped");

  static Shipment declared(Direction direction, int trackingEvents) {
    return new Shipment(
        ORDER,
        direction,
        TradeMode.DIRECT_9610,
        SampleEvents.EBC_CODE,
        DECLARED,
        LIST_INGESTED,
        trackingEvents,
        trackingEvents == 0 ? null : LogisticsStatus.PICKED_UP,
        trackingEvents == 0 ? null : DECLARED.plus(Duration.ofHours(5)),
        null);
  }

  static ShipmentContext after(Shipment s, Duration d) {
    return new ShipmentContext(WAYBILL, s, DECLARED.plus(d), Set.of());
  }

  @Test
  void anExportWithoutTrackingWithinTheDueTimeAlertsUnderItsOrderKey() {
    List<Finding> found =
        rule.evaluate(after(declared(Direction.E, 0), Duration.ofDays(5)), shipped);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(ORDER, f.subject(), "the parcel family's half uses the same subject");
    assertEquals(List.of(ORDER), f.orderKeys());
    assertEquals(List.of(WAYBILL), f.waybillKeys());
    assertEquals(SampleEvents.EBC_CODE, f.enterpriseCode());
    assertEquals(DECLARED.toString(), f.evidence().get("declTime"));
    assertEquals("PT120H", f.evidence().get("sinceDeclaration"));
    assertEquals("PT120H", f.evidence().get("within"));
    assertEquals("0", f.evidence().get("trackingEvents"));
    assertEquals(DECLARED, f.eventTime());
    assertEquals(LIST_INGESTED, f.sourceIngestTime());
  }

  @Test
  void justBeforeTheDueTimeNothing() {
    Duration justUnder = Duration.ofDays(5).minusMillis(1);
    assertEquals(List.of(), rule.evaluate(after(declared(Direction.E, 0), justUnder), shipped));
  }

  @Test
  void theExplanationGivesTheWaitAndTheDueTimeInBothLanguages() {
    Finding f =
        rule.evaluate(
                after(declared(Direction.E, 0), Duration.ofMinutes(150)),
                ShipmentFixtures.export("PT2H"))
            .get(0);
    assertEquals("出口订单 " + ORDER + " 清单申报后 2小时30分钟 仍无物流轨迹，超过发运期限 2小时", f.explanationZh());
    assertEquals(
        "export " + ORDER + " declared 2 h 30 min ago, no tracking event > due within 2 h",
        f.explanationEn());
  }

  @Test
  void anExportThatMovedOrAnImportIsNotAlerted() {
    Duration late = Duration.ofDays(10);
    assertEquals(List.of(), rule.evaluate(after(declared(Direction.E, 1), late), shipped));
    assertEquals(List.of(), rule.evaluate(after(declared(Direction.I, 0), late), shipped));
  }
}
