package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.assertError;
import static io.sanliu.ingest.json.ReaderTestSupport.object;
import static io.sanliu.ingest.json.ReaderTestSupport.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.FxReceipt;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FxReceiptReaderTest {
  private final FxReceiptReader reader = new FxReceiptReader();

  static ObjectNode validReceipt() {
    return object(
        """
        {"receiptId":"FX202611290001","bankCode":"C4403PAY001","ebpCode":"4403169D3W",
         "orderNo":"SE202611220830001","ebcCode":"440396K00A","currency":"502",
         "amount":"742.15","payerCountry":"502","receivedAt":"20261129110000"}
        """);
  }

  @Test
  void readsAValidReceiptFieldByFieldKeyedByItsOrder() {
    DocumentReader.Result<FxReceipt> r = reader.read(validReceipt());
    assertTrue(r.ok(), () -> r.errors().toString());
    FxReceipt x = r.event();
    assertEquals("4403169D3W:SE202611220830001", r.key());
    assertEquals("FX202611290001", x.receiptId());
    assertEquals("C4403PAY001", x.bankCode());
    assertEquals("440396K00A", x.ebcCode());
    assertEquals("502", x.currency());
    assertEquals(new BigDecimal("742.15"), x.amount());
    assertEquals(Instant.parse("2026-11-29T03:00:00Z"), x.receivedAt(), "China time");
    assertEquals("C4403PAY001", reader.participantCode(x), "the bank must be the sender");
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ObjectNode json = validReceipt();
    json.remove("orderNo");
    json.put("currency", "XYZ");
    json.put("amount", "0");
    json.put("receivedAt", "tomorrow");
    DocumentReader.Result<FxReceipt> r = reader.read(json);
    assertEquals(List.of("orderNo", "currency", "amount", "receivedAt"), paths(r));
    assertError(r, "amount", "must be positive");
    assertNull(r.key());
  }

  @Test
  void aNegativeOrMissingAmountIsRefused() {
    ObjectNode json = validReceipt();
    json.put("amount", "-3");
    assertError(reader.read(json), "amount", "must not be negative");
    json.remove("amount");
    assertError(reader.read(json), "amount", "is required");
  }
}
