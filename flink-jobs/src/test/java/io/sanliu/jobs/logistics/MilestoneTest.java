package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.T0;
import static io.sanliu.jobs.logistics.LogisticsFixtures.WAYBILL;
import static io.sanliu.jobs.logistics.LogisticsFixtures.hours;
import static io.sanliu.jobs.logistics.LogisticsFixtures.list;
import static io.sanliu.jobs.logistics.LogisticsFixtures.tracking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.logistics.ShipmentState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MilestoneTest {

  @Test
  void aTrackingEventIsAMilestoneOfItsWaybill() {
    Milestone m = Milestone.of(tracking("EV-1", LogisticsStatus.DEPARTED, T0)).orElseThrow();
    assertEquals(WAYBILL, m.waybillKey());
    assertEquals("EV-1", m.ref());
    assertEquals(ShipmentState.DEPARTED, m.state());
    assertEquals("AIR", m.transportMode(), "the carrier's 'air', in the platform's spelling");
    assertEquals(MilestoneSource.TRACKING, m.source());
    assertNull(m.facts());
  }

  @Test
  void anEventWithoutIdIsKnownByItsMessageGuid() {
    LogisticsEvent e = tracking("X", LogisticsStatus.ARRIVED, T0).payload();
    LogisticsEvent anonymous =
        new LogisticsEvent(
            null,
            e.logisticsCode(),
            e.logisticsNo(),
            e.status(),
            e.location(),
            e.country(),
            "hovercraft",
            e.occurredAt(),
            null);
    Milestone m =
        Milestone.of(Envelope.of(EventType.LOGISTICS_EVENT, "C", "G-9", T0, anonymous))
            .orElseThrow();
    assertEquals("G-9", m.ref());
    assertNull(m.transportMode(), "a mode we cannot group by is left out");
  }

  @Test
  void aListIsADeclarationWithWhatItTellsOfTheParcel() {
    Milestone m = Milestone.ofList(list(hours(1))).orElseThrow();
    assertEquals(WAYBILL, m.waybillKey());
    assertEquals(ShipmentState.DECLARED, m.state());
    assertEquals(hours(1), m.at());
    assertEquals("AIR", m.facts().transportMode());
    assertEquals("116", m.facts().partnerCountry());
    assertEquals(LogisticsFixtures.ORDER, m.facts().orderKey());
    assertTrue(
        Milestone.ofList(list("N", "O", hours(1), l -> l.put("appType", "3"))).isEmpty(),
        "a withdrawn list declares nothing");
  }

  @Test
  void onlyListReceiptsWithAStatusOfTheGoodsAreMilestones() {
    assertEquals(
        Optional.of(ShipmentState.RETURNED),
        Milestone.ofListReceipt(LogisticsFixtures.listReceipt("R", "100", T0))
            .map(Milestone::state));
    assertTrue(Milestone.ofListReceipt(LogisticsFixtures.listReceipt("R", "2", T0)).isEmpty());
    CustomsReceipt waybillReceipt =
        new CustomsReceipt(
            "W",
            ReceiptKind.WAYBILL,
            null,
            null,
            "C",
            "N",
            null,
            null,
            null,
            null,
            "120",
            T0,
            null);
    assertTrue(
        Milestone.ofListReceipt(
                Envelope.of(EventType.CUSTOMS_RECEIPT, "C", "W", T0, waybillReceipt))
            .isEmpty());
  }
}
