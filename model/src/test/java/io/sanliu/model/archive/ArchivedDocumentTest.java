package io.sanliu.model.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArchivedDocumentTest {
  final TraceParcel parcel = TraceParcel.of("-A1", Instant.parse("2041-03-01T02:00:00Z"));

  Map<String, List<ArchivedDocument>> byType() {
    return parcel.envelopes().stream()
        .map(ArchivedDocument::of)
        .collect(Collectors.groupingBy(ArchivedDocument::type));
  }

  @Test
  void everyDocumentIsReachableFromItsOrderWithinTwoSteps() {
    List<ArchivedDocument> docs =
        parcel.envelopes().stream()
            .filter(e -> e.type() != EventType.ENTERPRISE_FILING)
            .filter(e -> e.type() != EventType.GOODS_FILING)
            .map(ArchivedDocument::of)
            .toList();
    List<String> first =
        docs.stream()
            .filter(d -> d.keys().contains(parcel.orderKey()))
            .flatMap(d -> d.keys().stream())
            .distinct()
            .toList();
    assertTrue(first.contains(parcel.waybillKey()), "the list names the waybill: " + first);
    for (ArchivedDocument d : docs) {
      assertTrue(
          d.keys().stream().anyMatch(first::contains), d.type() + " unreachable: " + d.keys());
    }
  }

  @Test
  void keywordFieldsComeFromEachType() {
    var docs = byType();
    ArchivedDocument order = docs.get("ORDER").get(0);
    assertEquals(parcel.ebpCode(), order.ebpCode());
    assertEquals(parcel.orderNo(), order.orderNo());
    assertEquals(parcel.ebcCode(), order.enterpriseCode());
    assertEquals("9610", order.tradeMode());
    assertEquals("I", order.direction());
    assertEquals("1", order.appType());
    assertEquals(parcel.at(), order.documentTime());
    assertEquals(
        Set.of(
            "buyerRegNo",
            "buyerId",
            "buyerName",
            "buyerTelephone",
            "consignee",
            "consigneeTelephone",
            "consigneeAddress"),
        Set.copyOf(order.personalFields()));
    List<String> statuses =
        docs.get("CUSTOMS_RECEIPT").stream().map(ArchivedDocument::status).sorted().toList();
    assertEquals(List.of("120", "2", "800"), statuses);
    assertEquals(
        List.of("PICKED_UP", "CUSTOMS_CLEARANCE", "DELIVERED"),
        docs.get("LOGISTICS_EVENT").stream().map(ArchivedDocument::status).toList());
    assertEquals(
        Set.of("comment", "buyerId"), Set.copyOf(docs.get("EVALUATION").get(0).personalFields()));
    assertEquals(parcel.ebcCode(), docs.get("ENTERPRISE_FILING").get(0).enterpriseCode());
  }

  @Test
  void theIdIsTheSameForTheSameRecordAndTheBodyIsTheStoredPayload() throws Exception {
    for (Envelope<? extends BusinessEvent> e : parcel.envelopes()) {
      ArchivedDocument a = ArchivedDocument.of(e);
      assertEquals(a.id(), ArchivedDocument.of(e).id());
      assertTrue(a.id().startsWith(e.type().name() + ":" + e.source() + ":"), a.id());
      JsonNode written = Json.mapper().readTree(Json.mapper().writeValueAsString(a));
      assertEquals(
          Json.mapper().readTree(Json.mapper().writeValueAsString(e.payload())),
          written.get("body"));
      String text = written.toString();
      for (String clear : TraceParcel.CLEAR_VALUES) {
        assertFalse(text.contains(clear), e.type() + " holds " + clear);
      }
    }
  }
}
