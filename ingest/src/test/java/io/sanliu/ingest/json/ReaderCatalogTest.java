package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.HASHER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ReaderCatalogTest {
  private final ReaderCatalog catalog = new ReaderCatalog(HASHER);

  @Test
  void everyTypeButRiskAlertsHasAReaderOfThatType() {
    assertEquals(EnumSet.complementOf(EnumSet.of(EventType.RISK_ALERT)), catalog.types());
    for (EventType type : catalog.types()) {
      assertTrue(catalog.accepts(type));
      assertEquals(type, catalog.forType(type).type());
    }
  }

  @Test
  void riskAlertsAreNotPushedSoHaveNoReader() {
    assertFalse(catalog.accepts(EventType.RISK_ALERT));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> catalog.forType(EventType.RISK_ALERT));
    assertTrue(e.getMessage().contains("ORDER"), e.getMessage());
  }

  @Test
  @SuppressWarnings("unchecked")
  void readersShareOneHasherSoTheBuyerOfAnOrderAndThePayerOfItsPaymentHashAlike() throws Exception {
    var orders = (DocumentReader<Order>) catalog.forType(EventType.ORDER);
    var payments = (DocumentReader<Payment>) catalog.forType(EventType.PAYMENT);
    var order = OrderReaderTest.validOrder();
    var payment = PaymentReaderTest.validPayment();
    payment.put("payerIdNumber", order.get("buyerIdNumber").asText());
    assertEquals(
        orders.read(order).event().buyerId().hash(),
        payments.read(payment).event().payerId().hash());
  }
}
