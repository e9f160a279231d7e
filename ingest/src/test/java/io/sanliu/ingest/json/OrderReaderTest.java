package io.sanliu.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import io.sanliu.model.privacy.PersonalDataHasher;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderReaderTest {
  private final OrderReader reader =
      new OrderReader(
          new PersonalDataHasher("test-key-of-16-bytes!".getBytes(StandardCharsets.UTF_8)));

  static ObjectNode validOrder() throws Exception {
    return (ObjectNode)
        Json.mapper()
            .readTree(
                """
                {"guid":"G-1","appType":"1","appTime":"20261122083000","appStatus":"2",
                 "orderType":"I","tradeMode":"1210","orderNo":"SO1","ebpCode":"4403960001",
                 "goodsValue":"199.80","freight":"10","acturalPaid":209.80,"currency":"142",
                 "buyerIdType":"1","buyerIdNumber":"440301199001011234","buyerName":"张三",
                 "buyerTelephone":"13800138000","consigneeAddress":"广东省深圳市南山区科技园1号",
                 "items":[{"itemName":"奶粉","qty":2,"price":"99.90","totalPrice":"199.80"}]}
                """);
  }

  @Test
  void readsAValidOrderWithExactAmountsAndChinaTime() throws Exception {
    DocumentReader.Result<Order> r = reader.read(validOrder());
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals("4403960001:SO1", r.key());
    assertEquals(new BigDecimal("199.80"), r.event().goodsValue());
    assertEquals(new BigDecimal("209.80"), r.event().acturalPaid());
    assertEquals(Instant.parse("2026-11-22T00:30:00Z"), r.event().appTime());
    assertEquals(Direction.I, r.event().direction());
    assertEquals(TradeMode.BONDED_1210, r.event().tradeMode());
    assertEquals(1, r.event().items().get(0).gnum());
  }

  @Test
  void personalFieldsAreHashedAndMaskedNeverKeptInClear() throws Exception {
    DocumentReader.Result<Order> r = reader.read(validOrder());
    String json = Json.mapper().writeValueAsString(r.event());
    assertFalse(json.contains("440301199001011234"), json);
    assertFalse(json.contains("13800138000"), json);
    assertFalse(json.contains("张三"), json);
    assertEquals("440***********1234", r.event().buyerId().masked());
    assertEquals(64, r.event().buyerId().hash().length());
    assertNotEquals(r.event().buyerId().hash(), r.event().buyerTelephone().hash());
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() throws Exception {
    ObjectNode order = validOrder();
    order.remove("orderNo");
    order.put("goodsValue", "-5");
    order.put("tradeMode", "9999");
    order.put("appTime", "yesterday");
    ((ObjectNode) order.withArray("items").get(0)).put("qty", "two");
    List<FieldError> errors = reader.read(order).errors();
    List<String> paths = errors.stream().map(FieldError::path).toList();
    assertTrue(
        paths.containsAll(List.of("orderNo", "goodsValue", "tradeMode", "appTime", "items[0].qty")),
        paths.toString());
    assertTrue(
        errors.stream()
            .anyMatch(e -> e.path().equals("goodsValue") && e.reason().contains("negative")));
    assertTrue(
        errors.stream().anyMatch(e -> e.path().equals("tradeMode") && e.reason().contains("9610")));
  }

  @Test
  void refusesItemsThatDoNotAddUpToGoodsValueWithinACent() throws Exception {
    ObjectNode order = validOrder();
    order.put("goodsValue", "199.82");
    List<FieldError> errors = reader.read(order).errors();
    assertEquals(1, errors.size(), errors::toString);
    assertEquals("goodsValue", errors.get(0).path());
    assertTrue(errors.get(0).reason().contains("199.80"));

    order.put("goodsValue", "199.81");
    assertTrue(reader.read(order).ok(), "a difference of one cent is tolerated");
  }

  @Test
  void refusesAnOrderWithoutItemsAndANonObject() throws Exception {
    ObjectNode order = validOrder();
    order.putArray("items");
    assertEquals("items", reader.read(order).errors().get(0).path());
    assertEquals("", reader.read(Json.mapper().readTree("[1,2]")).errors().get(0).path());
  }
}
