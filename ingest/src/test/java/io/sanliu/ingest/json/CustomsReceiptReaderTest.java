package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.assertError;
import static io.sanliu.ingest.json.ReaderTestSupport.object;
import static io.sanliu.ingest.json.ReaderTestSupport.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.ReceiptKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomsReceiptReaderTest {
  private final CustomsReceiptReader reader = new CustomsReceiptReader();

  /** A CEB622 list receipt: customs writes returnTime with milliseconds. */
  static ObjectNode listReceipt() {
    return object(
        """
        {"guid":"6F7E8D9C-0B1A-4293-8475-6A5B4C3D2E1F","kind":"CUSTOMS_LIST",
         "ebpCode":"4403169D3W","orderNo":"SO202611220830001","invtNo":"53012026I000123456",
         "returnStatus":"800","returnTime":"20261122110000123","returnInfo":"[Code:2600;Desc:放行]"}
        """);
  }

  @Test
  void readsAListReceiptFieldByField() {
    DocumentReader.Result<CustomsReceipt> r = reader.read(listReceipt());
    assertTrue(r.ok(), () -> r.errors().toString());
    CustomsReceipt c = r.event();
    assertEquals("4403169D3W:SO202611220830001", r.key());
    assertEquals(r.key(), c.businessKey());
    assertEquals("6F7E8D9C-0B1A-4293-8475-6A5B4C3D2E1F", c.guid());
    assertEquals(ReceiptKind.CUSTOMS_LIST, c.kind());
    assertEquals("4403169D3W", c.ebpCode());
    assertEquals("SO202611220830001", c.orderNo());
    assertEquals("53012026I000123456", c.invtNo());
    assertEquals(CustomsReceipt.RELEASED, c.returnStatus());
    assertEquals(Instant.parse("2026-11-22T03:00:00.123Z"), c.returnTime());
    assertEquals("[Code:2600;Desc:放行]", c.returnInfo());
  }

  @Test
  void customsSendsReceiptsSoNoParticipantMustBeTheSender() {
    assertNull(reader.participantCode(reader.read(listReceipt()).event()));
  }

  @Test
  void aWaybillReceiptNeedsTheWaybillKeysAndFollowsTheWaybill() {
    ObjectNode json =
        object(
            """
            {"kind":"waybill","logisticsCode":"4403180003","logisticsNo":"SF1400123456789",
             "returnStatus":"120","returnTime":"2026-11-22T10:00:00+08:00"}
            """);
    DocumentReader.Result<CustomsReceipt> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(ReceiptKind.WAYBILL, r.event().kind());
    assertEquals("4403180003:SF1400123456789", r.key());
    assertEquals(r.key(), r.event().businessKey());

    json.remove("logisticsNo");
    json.put("ebpCode", "4403169D3W");
    json.put("orderNo", "SO1");
    DocumentReader.Result<CustomsReceipt> missing = reader.read(json);
    assertEquals(List.of("logisticsNo"), paths(missing));
    assertNull(missing.key());
  }

  @Test
  void aPaymentReceiptWithOnlyThePaymentKeysIsKeyedByThem() {
    DocumentReader.Result<CustomsReceipt> r =
        reader.read(
            object(
                """
                {"kind":"PAYMENT","payCode":"312226T001",
                 "payTransactionId":"2026112222001400011234567890",
                 "returnStatus":"2","returnTime":"20261122083200000"}
                """));
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals("312226T001:pay:2026112222001400011234567890", r.key());
    assertEquals("312226T001", r.event().payCode());
  }

  @Test
  void aListReceiptWithoutOrderNoAsRealCeb622SendsIsKeyedByTheList() {
    DocumentReader.Result<CustomsReceipt> r =
        reader.read(
            object(
                """
                {"kind":"CUSTOMS_LIST","ebpCode":"4403169D3W","copNo":"COP20261122001",
                 "invtNo":"53012026I000123456","returnStatus":"800",
                 "returnTime":"20261122083200000"}
                """));
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals("4403169D3W:list:COP20261122001", r.key());
    assertEquals("COP20261122001", r.event().copNo());

    DocumentReader.Result<CustomsReceipt> nameless =
        reader.read(
            object(
                """
                {"kind":"CUSTOMS_LIST","ebpCode":"4403169D3W","returnStatus":"800",
                 "returnTime":"20261122083200000"}
                """));
    assertEquals(List.of("orderNo"), paths(nameless));
  }

  @Test
  void aPaymentReceiptWithTheOrderFollowsTheOrderAndNeedsBothOrderKeys() {
    ObjectNode json =
        object(
            """
            {"kind":"PAYMENT","payCode":"312226T001","payTransactionId":"T1",
             "ebpCode":"4403169D3W","orderNo":"SO1","returnStatus":"2",
             "returnTime":"20261122083200000"}
            """);
    assertEquals("4403169D3W:SO1", reader.read(json).key());

    json.remove("ebpCode");
    DocumentReader.Result<CustomsReceipt> r = reader.read(json);
    assertEquals(List.of("ebpCode"), paths(r));
    assertError(r, "ebpCode", "is required");
  }

  @Test
  void anOrderReceiptNeedsTheOrderKeys() {
    DocumentReader.Result<CustomsReceipt> r =
        reader.read(
            object(
                """
                {"kind":"order","logisticsNo":"SF1","returnStatus":"2",
                 "returnTime":"20261122083200000"}
                """));
    assertEquals(List.of("ebpCode", "orderNo"), paths(r));
    assertNull(r.key());
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ObjectNode json = listReceipt();
    json.put("kind", "invoice");
    json.remove("returnStatus");
    json.put("returnTime", "2026112211000012");
    DocumentReader.Result<CustomsReceipt> r = reader.read(json);
    assertEquals(List.of("kind", "returnStatus", "returnTime"), paths(r));
    assertError(r, "kind", "ORDER, PAYMENT, WAYBILL, CUSTOMS_LIST");
    assertError(r, "returnTime", "yyyyMMddHHmmssSSS");
    assertNull(r.key(), "no key without a kind");
  }

  @Test
  void theKindIsRequired() {
    ObjectNode json = listReceipt();
    json.remove("kind");
    assertError(reader.read(json), "kind", "is required");
  }
}
