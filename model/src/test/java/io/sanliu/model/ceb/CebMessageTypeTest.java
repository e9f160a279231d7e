package io.sanliu.model.ceb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.Direction;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.ReceiptKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CebMessageTypeTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "CEB311, CEB311Message, Order,           OrderHead,     OrderList,     ORDER",
        "CEB303, CEB303Message, Order,           OrderHead,     OrderList,     ORDER",
        "CEB411, CEB411Message, Payment,         PaymentHead,   -,             PAYMENT",
        "CEB511, CEB511Message, Logistics,       LogisticsHead, -,             WAYBILL",
        "CEB505, CEB505Message, Logistics,       -,             -,             WAYBILL",
        "CEB621, CEB621Message, Inventory,       InventoryHead, InventoryList, CUSTOMS_LIST",
        "CEB603, CEB603Message, Inventory,       InventoryHead, InventoryList, CUSTOMS_LIST",
        "CEB312, CEB312Message, OrderReturn,     -,             -,             CUSTOMS_RECEIPT",
        "CEB412, CEB412Message, PaymentReturn,   -,             -,             CUSTOMS_RECEIPT",
        "CEB512, CEB512Message, LogisticsReturn, -,             -,             CUSTOMS_RECEIPT",
        "CEB622, CEB622Message, InventoryReturn, -,             -,             CUSTOMS_RECEIPT"
      })
  void eachMessageKnowsItsElementsAndTheEventItBecomes(
      CebMessageType type,
      String root,
      String record,
      String head,
      String list,
      EventType eventType) {
    assertEquals(root, type.rootElement());
    assertEquals(record, type.recordElement());
    assertEquals(head, type.headElement());
    assertEquals(list, type.listElement());
    assertEquals(head != null, type.hasHead());
    assertEquals(list != null, type.hasLines());
    assertEquals(eventType, type.eventType());
    assertEquals(Optional.of(type), CebMessageType.fromRootElement(root));
  }

  @Test
  void theFourReceiptsAnswerTheFourKindsOfDocument() {
    assertEquals(ReceiptKind.ORDER, CebMessageType.CEB312.receiptKind());
    assertEquals(ReceiptKind.PAYMENT, CebMessageType.CEB412.receiptKind());
    assertEquals(ReceiptKind.WAYBILL, CebMessageType.CEB512.receiptKind());
    assertEquals(ReceiptKind.CUSTOMS_LIST, CebMessageType.CEB622.receiptKind());
    Set<ReceiptKind> answered =
        Arrays.stream(CebMessageType.values())
            .filter(CebMessageType::isReceipt)
            .map(CebMessageType::receiptKind)
            .collect(Collectors.toSet());
    assertEquals(EnumSet.allOf(ReceiptKind.class), answered);
  }

  @ParameterizedTest
  @EnumSource(CebMessageType.class)
  void onlyReceiptsHaveAKindAndReceiptsAreFlat(CebMessageType type) {
    assertEquals(type.eventType() == EventType.CUSTOMS_RECEIPT, type.isReceipt());
    if (type.isReceipt()) {
      assertFalse(type.hasHead());
      assertFalse(type.hasLines());
    } else {
      assertNull(type.receiptKind());
    }
  }

  @Test
  void ordersAndWaybillsImplyTheirDirectionListsKeepTheirOwn() {
    assertEquals("orderType", CebMessageType.CEB311.directionField());
    assertEquals(Direction.I, CebMessageType.CEB311.defaultDirection());
    assertEquals("orderType", CebMessageType.CEB303.directionField());
    assertEquals(Direction.E, CebMessageType.CEB303.defaultDirection());
    assertEquals("ieFlag", CebMessageType.CEB511.directionField());
    assertEquals(Direction.I, CebMessageType.CEB511.defaultDirection());
    assertEquals("ieFlag", CebMessageType.CEB505.directionField());
    assertEquals(Direction.E, CebMessageType.CEB505.defaultDirection());
    assertTrue(CebMessageType.CEB311.directionFieldIsElement());
    assertFalse(CebMessageType.CEB511.directionFieldIsElement());
    for (CebMessageType t :
        EnumSet.of(
            CebMessageType.CEB621,
            CebMessageType.CEB603,
            CebMessageType.CEB411,
            CebMessageType.CEB622)) {
      assertNull(t.directionField(), t.name());
      assertNull(t.defaultDirection(), t.name());
    }
  }

  @Test
  void unknownRootElementsAreNotTypes() {
    assertEquals(Optional.empty(), CebMessageType.fromRootElement("CEB999Message"));
    assertEquals(Optional.empty(), CebMessageType.fromRootElement("ceb311message"));
    assertTrue(CebMessageType.acceptedRootElements().startsWith("CEB311Message, CEB303Message"));
  }
}
