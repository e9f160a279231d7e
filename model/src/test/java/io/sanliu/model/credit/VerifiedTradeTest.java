package io.sanliu.model.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.events.Waybill;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What a verified parcel's ledger entry holds: amounts to the cent, month, tax and exemption. */
class VerifiedTradeTest {
  static final Instant RELEASED = Instant.parse("2041-03-10T04:00:00Z");

  @Test
  void aRetailImportCarriesItsDeclaredAndComputedTaxInCents() {
    Order order =
        order(
            o ->
                o.put("direction", "I")
                    .put("tradeMode", "1210")
                    .put("currency", "142")
                    .put("goodsValue", "199.00")
                    .put("freight", "10.00")
                    .put("taxTotal", "18.00")
                    .put("acturalPaid", "227.00"));
    CustomsList list = list(l -> l.put("insuredFee", "1.50").put("country", "116"));
    VerifiedTrade t = VerifiedTrade.of(order, null, list, null, RELEASED).orElseThrow();
    // 199.00 + 10.00 + 1.50 = 210.50; x 0.091 = 19.1555, half-up 19.16.
    assertEquals(21050L, t.taxableValueCents());
    assertEquals(1916L, t.taxComputedCents());
    assertEquals(1800L, t.taxTotalCents());
    assertEquals(1800L - 1916L, t.taxDifferenceCents());
    assertEquals(0.091, t.taxRate(), 1e-12);
    assertEquals(22700L, t.turnoverCents());
    assertEquals(227.0, t.turnoverCny(), 1e-9);
    assertEquals(19900L, t.goodsValueCents());
    assertEquals(22700L, t.acturalPaidCents());
    assertTrue(t.retailImport());
    assertFalse(t.exemptRetailExport());
    assertEquals("116", t.country());
    assertEquals("2041-03", t.month());
    assertEquals(order.businessKey(), t.orderKey());
    assertEquals(order.ebcCode(), t.ebcCode());
    assertEquals(list.logisticsCode(), t.logisticsCode());
  }

  @Test
  void insuranceComesFromTheWaybillWhenTheListHasNone() {
    Order order =
        order(
            o ->
                o.put("direction", "I")
                    .put("tradeMode", "9610")
                    .put("goodsValue", "100.00")
                    .put("freight", "0")
                    .put("taxTotal", "9.10"));
    CustomsList list = list(l -> l.putNull("insuredFee"));
    Waybill waybill = waybill(w -> w.put("insuredFee", "0.55"));
    VerifiedTrade t = VerifiedTrade.of(order, null, list, waybill, RELEASED).orElseThrow();
    // 100.55 x 0.091 = 9.15005, half-up 9.15; declared 9.10 is 5 cents short.
    assertEquals(10055L, t.taxableValueCents());
    assertEquals(915L, t.taxComputedCents());
    assertEquals(-5L, t.taxDifferenceCents());
  }

  @Test
  void aDirectExportInDollarsIsExemptTurnoverInYuanWithoutImportTax() {
    Order order =
        order(
            o ->
                o.put("direction", "E")
                    .put("tradeMode", "9610")
                    .put("currency", "502")
                    .put("goodsValue", "100.01")
                    .putNull("acturalPaid")
                    .putNull("taxTotal"));
    VerifiedTrade t = VerifiedTrade.of(order, null, list(l -> {}), null, RELEASED).orElseThrow();
    // 100.01 USD x 7.10 = 710.071 CNY, half-up 710.07.
    assertEquals(71007L, t.turnoverCents());
    assertEquals(71007L, t.goodsValueCents());
    assertNull(t.acturalPaidCents());
    assertEquals(7.10, t.fxRate(), 1e-12);
    assertTrue(t.exemptRetailExport());
    assertFalse(t.retailImport());
    assertNull(t.taxComputedCents());
    assertNull(t.taxDifferenceCents());
    assertEquals(Direction.E, t.direction());
    assertEquals(TradeMode.DIRECT_9610, t.tradeMode());
  }

  @Test
  void aB2bExportIsNotUnderTheRetailExemption() {
    Order order = order(o -> o.put("direction", "E").put("tradeMode", "9710"));
    assertFalse(
        VerifiedTrade.of(order, null, list(l -> {}), null, RELEASED)
            .orElseThrow()
            .exemptRetailExport());
  }

  @Test
  void theMonthIsChinaTime() {
    assertEquals("2041-02", VerifiedTrade.monthOf(Instant.parse("2041-01-31T16:00:00Z")));
    assertEquals("2041-01", VerifiedTrade.monthOf(Instant.parse("2041-01-31T15:59:59Z")));
  }

  @Test
  void anOrderInACurrencyWithoutARateIsNotAnEntry() {
    Order order = order(o -> o.put("currency", "999"));
    assertTrue(VerifiedTrade.of(order, null, list(l -> {}), null, RELEASED).isEmpty());
    assertTrue(VerifiedTrade.of(null, null, list(l -> {}), null, RELEASED).isEmpty());
  }

  static Order order(Consumer<ObjectNode> change) {
    return change(SampleEvents.order(), change, Order.class);
  }

  static CustomsList list(Consumer<ObjectNode> change) {
    return change(SampleEvents.customsList(), change, CustomsList.class);
  }

  static Waybill waybill(Consumer<ObjectNode> change) {
    return change(SampleEvents.waybill(), change, Waybill.class);
  }

  private static <T> T change(T sample, Consumer<ObjectNode> change, Class<T> type) {
    ObjectNode tree = Json.mapper().valueToTree(sample);
    change.accept(tree);
    return Json.mapper().convertValue(tree, type);
  }
}
