package io.sanliu.jobs.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.Waybill;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ThreeDocumentMatcherTest {
  private final ThreeDocumentMatcher matcher = new ThreeDocumentMatcher();

  /** A copy of a document with some fields changed, through its JSON form. */
  static <T> T changed(T document, Consumer<ObjectNode> change) {
    return io.sanliu.jobs.risk.Documents.changed(document, change);
  }

  static ParcelDocuments parcel() {
    return new ParcelDocuments(
        SampleEvents.order(),
        SampleEvents.payment(),
        SampleEvents.waybill(),
        SampleEvents.customsList());
  }

  @Test
  void aParcelWhoseFourDocumentsAgreeIsComplete() {
    MatchResult r = matcher.match(parcel());
    assertEquals(List.of(), r.failures(), r.toString());
    assertEquals(MatchStatus.COMPLETE, r.status());
    assertEquals(SampleEvents.EBP_CODE, r.ebpCode());
    assertEquals(SampleEvents.ORDER_NO, r.orderNo());
    assertTrue(r.checks().size() >= 12, "every comparison is recorded: " + r.checks());
  }

  @Test
  void anAmountPaidOffByMoreThanACentIsAMismatchShowingBothAmounts() {
    Payment order = SampleEvents.payment();
    Payment overpaid =
        changed(
            order,
            p -> p.put("amountPaid", order.amountPaid().add(new java.math.BigDecimal("0.02"))));
    ParcelDocuments docs = parcel();
    MatchResult r =
        matcher.match(new ParcelDocuments(docs.order(), overpaid, docs.waybill(), docs.list()));
    assertEquals(MatchStatus.MISMATCH, r.status());
    FieldCheck failure = r.failures().get(0);
    assertEquals("amountPaid=acturalPaid", failure.field());
    assertEquals(overpaid.amountPaid().toPlainString(), failure.left());
    assertEquals(docs.order().acturalPaid().toPlainString(), failure.right());

    Payment centOff =
        changed(
            order,
            p -> p.put("amountPaid", order.amountPaid().add(new java.math.BigDecimal("0.01"))));
    assertEquals(
        MatchStatus.COMPLETE,
        matcher
            .match(new ParcelDocuments(docs.order(), centOff, docs.waybill(), docs.list()))
            .status(),
        "a cent of tolerance");
  }

  @Test
  void aPayerWhoIsNotTheBuyerIsAMismatchShownMasked() {
    Payment other =
        changed(
            SampleEvents.payment(),
            p ->
                p.set(
                    "payerId",
                    Json.mapper().valueToTree(SampleEvents.HASHER.idNumber("440301198001010011"))));
    ParcelDocuments docs = parcel();
    MatchResult r =
        matcher.match(new ParcelDocuments(docs.order(), other, docs.waybill(), docs.list()));
    assertEquals(MatchStatus.MISMATCH, r.status());
    FieldCheck failure = r.failures().get(0);
    assertEquals("payerId=buyerId", failure.field());
    assertEquals("440***********0011", failure.left());
    assertTrue(!failure.left().contains("198001010"), "personal values are shown masked only");
  }

  @Test
  void missingDocumentsMakeAParcelIncompleteNotMismatched() {
    MatchResult r =
        matcher.match(
            new ParcelDocuments(SampleEvents.order(), SampleEvents.payment(), null, null));
    assertEquals(MatchStatus.INCOMPLETE, r.status());
    assertEquals(List.of("waybill", "list"), r.missing());
    assertEquals(List.of(), r.failures());

    MatchResult listOnly =
        matcher.match(new ParcelDocuments(null, null, null, SampleEvents.customsList()));
    assertEquals(SampleEvents.ORDER_NO, listOnly.orderNo(), "keys come from whatever arrived");
  }

  @Test
  void aDifferentConsigneeAddressOnTheWaybillIsAMismatch() {
    Waybill elsewhere =
        changed(
            SampleEvents.waybill(),
            w ->
                w.set(
                    "consigneeAddress",
                    Json.mapper().valueToTree(SampleEvents.HASHER.address("北京市朝阳区某路9号"))));
    ParcelDocuments docs = parcel();
    MatchResult r =
        matcher.match(new ParcelDocuments(docs.order(), docs.payment(), elsewhere, docs.list()));
    assertEquals(MatchStatus.MISMATCH, r.status());
    assertEquals(
        List.of("consigneeAddress"), r.failures().stream().map(FieldCheck::field).toList());
    assertEquals("waybill/order", r.failures().get(0).documents());
  }

  @Test
  void listLinesAreComparedWithOrderLinesByItemNumber() {
    CustomsList list = SampleEvents.customsList();
    CustomsList changedList =
        changed(
            list,
            l -> {
              ObjectNode first = (ObjectNode) l.withArray("items").get(0);
              first.put("qty", first.get("qty").decimalValue().add(java.math.BigDecimal.ONE));
              ObjectNode extra = l.withArray("items").addObject();
              extra.put("gnum", 9);
              extra.put("itemNo", "NOT-ORDERED");
              extra.put("qty", 1);
              extra.put("price", 10);
            });
    ParcelDocuments docs = parcel();
    MatchResult r =
        matcher.match(
            new ParcelDocuments(docs.order(), docs.payment(), docs.waybill(), changedList));
    List<String> failed = r.failures().stream().map(FieldCheck::field).toList();
    String firstItem = list.items().get(0).itemNo();
    assertTrue(failed.contains("items[" + firstItem + "].qty"), failed.toString());
    assertTrue(failed.contains("items[NOT-ORDERED]"), failed.toString());
    assertEquals(2, failed.size(), failed.toString());
  }

  @Test
  void anOrderWithAnotherCurrencyThanItsPaymentIsAMismatch() {
    Order order = changed(SampleEvents.order(), o -> o.put("currency", "502"));
    ParcelDocuments docs = parcel();
    MatchResult r = matcher.match(new ParcelDocuments(order, docs.payment(), null, null));
    assertEquals(MatchStatus.MISMATCH, r.status());
    assertEquals(List.of("currency"), r.failures().stream().map(FieldCheck::field).toList());
  }
}
