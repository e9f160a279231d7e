package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.WAYBILL;
import static io.sanliu.jobs.logistics.LogisticsFixtures.hours;
import static io.sanliu.jobs.logistics.LogisticsFixtures.list;
import static io.sanliu.jobs.logistics.LogisticsFixtures.listReceipt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.logistics.ShipmentState;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiptRouterTest {
  KeyedTwoInputStreamOperatorTestHarness<String, ListLink, Envelope<CustomsReceipt>, Milestone>
      harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
            new ReceiptRouter(), ListLink::linkKey, Envelope::key, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void links() throws Exception {
    for (ListLink l : ListLink.of(list(hours(1)))) harness.processElement1(l, 0);
  }

  void receipt(Envelope<CustomsReceipt> r) throws Exception {
    harness.processElement2(r, r.eventTime().toEpochMilli());
  }

  List<Milestone> routed() {
    return harness.extractOutputValues();
  }

  @Test
  void aListLinksItsOrderAndItsNumbersToItsWaybill() {
    List<ListLink> links = ListLink.of(list(hours(1)));
    assertEquals(
        List.of(
            LogisticsFixtures.ORDER,
            DocumentKeys.customsList(SampleEvents.EBP_CODE, "COP20261122000001"),
            DocumentKeys.customsList(SampleEvents.EBP_CODE, "53012026I000123456")),
        links.stream().map(ListLink::linkKey).toList());
    links.forEach(l -> assertEquals(WAYBILL, l.waybillKey()));
  }

  @Test
  void aReceiptAfterItsListGoesToTheWaybill() throws Exception {
    links();
    receipt(listReceipt("R1", "800", hours(3)));

    assertEquals(1, routed().size());
    Milestone m = routed().get(0);
    assertEquals(WAYBILL, m.waybillKey());
    assertEquals(ShipmentState.RELEASED, m.state());
    assertEquals("800", m.status());
    assertEquals(hours(3), m.at());
    assertEquals(MilestoneSource.CUSTOMS_RECEIPT, m.source());
    assertEquals("receipt:R1", m.ref());
  }

  @Test
  void aReceiptBeforeItsListWaitsForIt() throws Exception {
    receipt(listReceipt("R1", "120", hours(1.1)));
    receipt(listReceipt("R2", "399", hours(1.5)));
    assertEquals(List.of(), routed());

    links();
    assertEquals(
        List.of(ShipmentState.DECLARED, ShipmentState.DECLARED),
        routed().stream().map(Milestone::state).toList());
    routed().forEach(m -> assertEquals(WAYBILL, m.waybillKey()));
  }

  @Test
  void aReceiptNamingOnlyTheListNumberIsRoutedToo() throws Exception {
    links();
    CustomsReceipt byNumber =
        new CustomsReceipt(
            "R9",
            ReceiptKind.CUSTOMS_LIST,
            SampleEvents.EBP_CODE,
            null,
            null,
            null,
            null,
            null,
            "COP20261122000001",
            null,
            "500",
            hours(4),
            "查验");
    receipt(Envelope.of(EventType.CUSTOMS_RECEIPT, "CUSTOMS5300", "R9", hours(4), byNumber));
    assertEquals(ShipmentState.INSPECTION, routed().get(0).state());
    assertEquals(WAYBILL, routed().get(0).waybillKey());
  }

  @Test
  void statusesThatSayNothingOfTheGoodsAreNotMilestones() throws Exception {
    links();
    receipt(listReceipt("R1", "2", hours(3)));
    assertEquals(List.of(), routed());
  }
}
