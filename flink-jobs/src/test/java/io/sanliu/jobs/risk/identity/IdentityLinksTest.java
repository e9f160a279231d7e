package io.sanliu.jobs.risk.identity;

import static io.sanliu.jobs.risk.group.TestOrders.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.matching.MatchResult;
import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelDocuments;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.group.TestOrders;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityLinksTest {
  static final String BUYER = TestOrders.id("110105199003078765").hash();
  static final String ADDRESS = TestOrders.address("广东省深圳市南山区科技园路1号").hash();

  @Test
  void anOrderLinksItsAddressAndTelephoneToItsBuyerAndItsBuyerToTheAddress() {
    List<IdentityLink> links = IdentityLinks.fromOrder(order("SO1").envelope());
    assertEquals(
        List.of(
            "ADDRESS:" + ADDRESS + "->" + BUYER,
            "TELEPHONE:" + TestOrders.telephone("13812345678").hash() + "->" + BUYER,
            "BUYER_ADDRESSES:" + BUYER + "->" + ADDRESS),
        described(links));
    IdentityLink first = links.get(0);
    assertEquals(TestOrders.key("SO1"), first.orderKey());
    assertEquals(SampleEvents.APP_TIME, first.eventTime());
    assertEquals(SampleEvents.APP_TIME.plusSeconds(1), first.ingestTime());
    assertEquals(SampleEvents.EBC_CODE, first.ebcCode());
  }

  @Test
  void eachDistinctTelephoneIsLinked() {
    List<IdentityLink> links =
        IdentityLinks.fromOrder(order("SO1").telephones("13800000001", "13800000002").envelope());
    assertEquals(
        List.of(
            TestOrders.telephone("13800000002").hash(), TestOrders.telephone("13800000001").hash()),
        links.stream()
            .filter(l -> l.dimension() == IdentityDimension.TELEPHONE)
            .map(IdentityLink::subjectHash)
            .toList(),
        "the consignee's and the buyer's");
  }

  @Test
  void onlyRetailImportsAndKnownHashesMakeLinks() {
    assertEquals(List.of(), IdentityLinks.fromOrder(order("SO1").export().envelope()));
    assertEquals(
        List.of(), IdentityLinks.fromOrder(order("SO1").appType(AppType.DELETE).envelope()));
    assertEquals(
        List.of(IdentityDimension.TELEPHONE),
        IdentityLinks.fromOrder(order("SO1").address(null).envelope()).stream()
            .map(IdentityLink::dimension)
            .toList());
    assertEquals(List.of(), IdentityLinks.fromOrder(order("SO1").buyer(null).envelope()));
  }

  @Test
  void aParcelWithOrderAndPaymentLinksThePayerToTheBuyer() {
    Order o = order(SampleEvents.ORDER_NO).payload();
    List<IdentityLink> links = IdentityLinks.fromParcel(outcome(o, SampleEvents.payment()));
    assertEquals(List.of("PAYER:" + BUYER + "->" + BUYER), described(links), "the buyer paid");
    assertEquals(SampleEvents.PAY_TIME, links.get(0).eventTime());
    assertEquals(SampleEvents.EBP_CODE + ":" + SampleEvents.ORDER_NO, links.get(0).orderKey());
    assertEquals(List.of(), IdentityLinks.fromParcel(outcome(o, null)), "no payment yet");
    assertEquals(List.of(), IdentityLinks.fromParcel(outcome(null, SampleEvents.payment())));
  }

  static ParcelOutcome outcome(Order order, Payment payment) {
    String key = SampleEvents.EBP_CODE + ":" + SampleEvents.ORDER_NO;
    return new ParcelOutcome(
        key,
        new MatchResult(
            SampleEvents.EBP_CODE,
            SampleEvents.ORDER_NO,
            MatchStatus.INCOMPLETE,
            List.of(),
            List.of()),
        new ParcelDocuments(order, payment, null, null));
  }

  static List<String> described(List<IdentityLink> links) {
    return links.stream().map(l -> l.subjectKey() + "->" + l.linkedHash()).toList();
  }
}
