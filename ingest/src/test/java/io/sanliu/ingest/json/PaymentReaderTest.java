package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.HASHER;
import static io.sanliu.ingest.json.ReaderTestSupport.assertError;
import static io.sanliu.ingest.json.ReaderTestSupport.assertNoneInJson;
import static io.sanliu.ingest.json.ReaderTestSupport.object;
import static io.sanliu.ingest.json.ReaderTestSupport.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentReaderTest {
  private final PaymentReader reader = new PaymentReader(HASHER);

  static ObjectNode validPayment() {
    return object(
        """
        {"guid":"1C6E5B0F-3D2A-4F61-9A0B-7C2D8E9F0A11","appType":"1","appTime":"20261122083000",
         "appStatus":"2","payCode":"312226T001","payName":"某支付有限公司",
         "payTransactionId":"2026112222001400011234567890","orderNo":"SO202611220830001",
         "ebpCode":"4403169D3W","ebpName":"深圳某跨境电商平台有限公司","payerIdType":"1",
         "payerIdNumber":"110105199003078765","payerName":"张三丰","telephone":"13812345678",
         "amountPaid":"1356.84","currency":"142","payTime":"20261122083105"}
        """);
  }

  @Test
  void readsAValidPaymentFieldByField() {
    DocumentReader.Result<Payment> r = reader.read(validPayment());
    assertTrue(r.ok(), () -> r.errors().toString());
    Payment p = r.event();
    assertEquals(EventType.PAYMENT, reader.type());
    assertEquals("4403169D3W:SO202611220830001", r.key());
    assertEquals("1C6E5B0F-3D2A-4F61-9A0B-7C2D8E9F0A11", p.guid());
    assertEquals(AppType.NEW, p.appType());
    assertEquals(Instant.parse("2026-11-22T00:30:00Z"), p.appTime());
    assertEquals("2", p.appStatus());
    assertEquals("312226T001", p.payCode());
    assertEquals("某支付有限公司", p.payName());
    assertEquals("2026112222001400011234567890", p.payTransactionId());
    assertEquals("SO202611220830001", p.orderNo());
    assertEquals("4403169D3W", p.ebpCode());
    assertEquals("1", p.payerIdType());
    assertEquals(new BigDecimal("1356.84"), p.amountPaid());
    assertEquals("142", p.currency());
    assertEquals(Instant.parse("2026-11-22T00:31:05Z"), p.payTime());
    assertEquals(p.payTime(), p.eventTime());
    assertNull(p.note());
  }

  @Test
  void thePayerIsHashedAndMaskedNeverKeptInClear() throws Exception {
    Payment p = reader.read(validPayment()).event();
    assertNoneInJson(p, "110105199003078765", "张三丰", "13812345678");
    assertEquals("110***********8765", p.payerId().masked());
    assertEquals("张**", p.payerName().masked());
    assertEquals("138****5678", p.telephone().masked());
    assertEquals(64, p.payerId().hash().length());
  }

  @Test
  void thePayerIdHashEqualsTheBuyerIdHashOfTheOrderSoPayerAndBuyerCanBeCompared() throws Exception {
    ObjectNode order = OrderReaderTest.validOrder();
    order.put("buyerIdNumber", "110105199003078765");
    String buyerHash = new OrderReader(HASHER).read(order).event().buyerId().hash();
    assertEquals(buyerHash, reader.read(validPayment()).event().payerId().hash());
  }

  @Test
  void thePaymentFirmMustBeTheSender() {
    assertEquals("312226T001", reader.participantCode(reader.read(validPayment()).event()));
  }

  @Test
  void payTimeIsOptionalAndTheEventTimeIsThenTheDeclarationTime() {
    ObjectNode json = validPayment();
    json.remove("payTime");
    DocumentReader.Result<Payment> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(Instant.parse("2026-11-22T00:30:00Z"), r.event().eventTime());
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ObjectNode json = validPayment();
    json.remove("orderNo");
    json.remove("payerIdNumber");
    json.put("amountPaid", "-1356.84");
    json.put("currency", "CNY");
    json.put("payerIdType", "3");
    json.put("payTime", "tomorrow");
    json.put("appType", "9");
    DocumentReader.Result<Payment> r = reader.read(json);
    assertEquals(
        List.of(
            "orderNo",
            "appType",
            "payerIdType",
            "payerIdNumber",
            "amountPaid",
            "currency",
            "payTime"),
        paths(r));
    assertError(r, "amountPaid", "negative");
    assertError(r, "currency", "send its customs code 142");
    assertError(r, "payerIdType", "1 (resident ID card) or 2");
    assertError(r, "payTime", "yyyyMMddHHmmss");
    assertError(r, "payerIdNumber", "is required");
    assertNull(r.event());
    assertNull(r.key(), "no key without the orderNo");
  }

  @Test
  void aMissingAmountOrCurrencyIsRequired() {
    ObjectNode json = validPayment();
    json.remove("amountPaid");
    json.putNull("currency");
    DocumentReader.Result<Payment> r = reader.read(json);
    assertEquals(List.of("amountPaid", "currency"), paths(r));
    assertError(r, "currency", "is required");
    assertEquals("4403169D3W:SO202611220830001", r.key(), "the key is known even when refused");
  }

  @Test
  void refusesANonObject() {
    assertEquals(List.of(""), paths(reader.read(object("{}").arrayNode())));
  }
}
