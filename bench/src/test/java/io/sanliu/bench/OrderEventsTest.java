package io.sanliu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OrderEventsTest {
  private static final List<Envelope<Order>> ORDERS = events(7).range(0, 500);

  /** A small pool of people keeps the test quick; the bench's default pool is larger. */
  private static OrderEvents events(long seed) {
    return new OrderEvents(seed, 300, new PersonalDataHasher(OrderEvents.BENCH_HMAC_KEY));
  }

  @Test
  void sameSeedSameOrders() {
    List<Envelope<Order>> again = events(7).range(0, 500);
    assertEquals(ORDERS, again);
    // Any index on its own gives the same order as in a range.
    assertEquals(ORDERS.get(123), events(7).order(123));
    assertEquals(
        Topics.ORDERS.serialize(ORDERS.get(42)).length,
        Topics.ORDERS.serialize(events(7).order(42)).length);
  }

  @Test
  void otherSeedOtherOrders() {
    List<Envelope<Order>> other = events(8).range(0, 50);
    long same = 0;
    for (int i = 0; i < other.size(); i++) {
      if (other.get(i).payload().items().equals(ORDERS.get(i).payload().items())) same++;
    }
    assertEquals(0, same);
  }

  @Test
  void roundTripsThroughTheOrdersTopic() {
    for (Envelope<Order> e : ORDERS) {
      byte[] bytes = Topics.ORDERS.serialize(e);
      assertEquals(e, Topics.ORDERS.deserialize(bytes));
    }
  }

  @Test
  void envelopesAreValidAndVaried() {
    Set<String> keys = new HashSet<>();
    Set<TradeMode> modes = new HashSet<>();
    Set<Integer> itemCounts = new HashSet<>();
    Set<Direction> directions = new HashSet<>();
    for (Envelope<Order> e : ORDERS) {
      Order o = e.payload();
      assertEquals(EventType.ORDER, e.type());
      assertEquals(Envelope.CURRENT_SCHEMA_VERSION, e.schemaVersion());
      assertEquals(o.ebpCode(), e.source());
      assertEquals(o.ebpCode() + ":" + o.orderNo(), e.key());
      assertEquals(o.appTime(), e.eventTime());
      assertTrue(e.ingestTime().isAfter(e.eventTime()));
      assertNotNull(e.messageGuid());
      assertTrue(keys.add(e.key()), "duplicate key " + e.key());

      assertTrue(o.items().size() >= 1 && o.items().size() <= 3);
      BigDecimal sum = BigDecimal.ZERO;
      for (int g = 0; g < o.items().size(); g++) {
        OrderItem item = o.items().get(g);
        assertEquals(g + 1, item.gnum());
        assertEquals(0, item.price().multiply(item.qty()).compareTo(item.totalPrice()));
        sum = sum.add(item.totalPrice());
      }
      assertEquals(0, sum.compareTo(o.goodsValue()), "goodsValue is the sum of the items");
      assertEquals(
          0,
          o.goodsValue()
              .add(o.freight())
              .add(o.taxTotal())
              .subtract(o.discount())
              .compareTo(o.acturalPaid()));
      if (o.direction() == Direction.E) assertEquals(0, o.taxTotal().signum());
      if (o.tradeMode() == TradeMode.BONDED_1210) assertEquals(Direction.I, o.direction());

      modes.add(o.tradeMode());
      itemCounts.add(o.items().size());
      directions.add(o.direction());
    }
    assertEquals(Set.of(TradeMode.values()), modes);
    assertEquals(Set.of(1, 2, 3), itemCounts);
    assertEquals(Set.of(Direction.values()), directions);
    // Customers come back: some buyers have several orders.
    long buyers = ORDERS.stream().map(e -> e.payload().buyerId().hash()).distinct().count();
    assertTrue(buyers > 100 && buyers < ORDERS.size(), "distinct buyers " + buyers);
  }

  @Test
  void personalFieldsAreProtected() {
    for (Envelope<Order> e : ORDERS.subList(0, 100)) {
      Order o = e.payload();
      for (PersonalField f :
          Stream.of(
                  o.buyerRegNo(),
                  o.buyerId(),
                  o.buyerName(),
                  o.buyerTelephone(),
                  o.consignee(),
                  o.consigneeTelephone(),
                  o.consigneeAddress())
              .toList()) {
        assertNotNull(f);
        assertTrue(f.hash().matches("[0-9a-f]{64}"), f.hash());
        assertTrue(f.masked().contains("*"), f.masked());
      }
      String json = new String(Topics.ORDERS.serialize(e), StandardCharsets.UTF_8);
      // No 18-character ID number or 11-digit mobile number in clear anywhere.
      assertFalse(json.matches("(?s).*\"\\d{17}[\\dX]\".*"), json);
      assertFalse(json.matches("(?s).*\"1\\d{10}\".*"), json);
    }
  }

  @Test
  void documentIsTheFlattenedOrder() throws Exception {
    Envelope<Order> e = ORDERS.get(3);
    OrderDocument doc = OrderDocument.of(e);
    assertEquals(e.key(), doc.id());
    JsonNode json = Json.mapper().readTree(doc.toJson());
    assertEquals(e.key(), json.get("orderKey").asText());
    assertFalse(json.has("id"), "the id travels as _id, not in the source");
    assertEquals(e.payload().tradeMode().code(), json.get("tradeMode").asText());
    assertEquals(e.payload().items().size(), json.get("itemCount").asInt());
    assertEquals(e.payload().items().size(), json.get("items").size());
    assertEquals(e.payload().buyerId().hash(), json.get("buyerIdHash").asText());
    assertNotEquals(0, json.get("goodsValue").decimalValue().signum());
  }

  @Test
  void documentFieldsAreAllMapped() throws Exception {
    // The bench index is "dynamic": "strict": a field missing from the mapping would fail there.
    JsonNode mapping;
    try (var in =
        getClass().getClassLoader().getResourceAsStream(ElasticBaselines.INDEX_RESOURCE)) {
      mapping = Json.mapper().readTree(in).get("mappings").get("properties");
    }
    for (Envelope<Order> e : ORDERS.subList(0, 50)) {
      JsonNode doc = Json.mapper().readTree(OrderDocument.of(e).toJson());
      doc.fieldNames()
          .forEachRemaining(f -> assertTrue(mapping.has(f), "field " + f + " is not mapped"));
      JsonNode itemMapping = mapping.get("items").get("properties");
      for (JsonNode item : doc.get("items")) {
        item.fieldNames()
            .forEachRemaining(
                f -> assertTrue(itemMapping.has(f), "item field " + f + " is not mapped"));
      }
    }
  }
}
