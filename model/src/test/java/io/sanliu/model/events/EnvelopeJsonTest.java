package io.sanliu.model.events;

import static io.sanliu.model.events.SampleEvents.APP_TIME;
import static io.sanliu.model.events.SampleEvents.DECL_TIME;
import static io.sanliu.model.events.SampleEvents.PAY_TIME;
import static io.sanliu.model.events.SampleEvents.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeJsonTest {

  @SuppressWarnings("unchecked")
  private static <T extends BusinessEvent> Topic<Envelope<T>> topicOf(EventType type) {
    return (Topic<Envelope<T>>) (Topic<?>) Topics.BY_TYPE.get(type);
  }

  private static <T extends BusinessEvent> Envelope<T> envelope(EventType type, T payload) {
    return Envelope.of(type, SampleEvents.EBP_CODE, "MSG-" + type, RECEIVED, payload);
  }

  private static String json(Envelope<?> envelope) {
    Topic<Envelope<BusinessEvent>> topic = topicOf(envelope.type());
    @SuppressWarnings("unchecked")
    Envelope<BusinessEvent> e = (Envelope<BusinessEvent>) envelope;
    return new String(topic.serialize(e), StandardCharsets.UTF_8);
  }

  private static JsonNode tree(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void envelopeOfEveryTypeSurvivesAJsonRoundTripThroughItsTopic(EventType type) {
    Envelope<BusinessEvent> sent = envelope(type, SampleEvents.of(type));
    Topic<Envelope<BusinessEvent>> topic = topicOf(type);

    Envelope<BusinessEvent> received = topic.deserialize(topic.serialize(sent));

    assertEquals(sent, received);
    assertEquals(type.payloadClass(), received.payload().getClass());
    assertEquals(sent.key(), received.key());
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void unknownFieldsOfNewerProducersAreIgnored(EventType type) throws Exception {
    Envelope<BusinessEvent> sent = envelope(type, SampleEvents.of(type));
    ObjectNode node = (ObjectNode) tree(json(sent));
    node.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    ObjectNode payload = (ObjectNode) node.get("payload");
    payload.put("fieldOfSchemaVersion2", "x");
    payload.putObject("nestedNewThing").put("a", 1).putArray("b").add(2.5);

    Topic<Envelope<BusinessEvent>> topic = topicOf(type);
    Envelope<BusinessEvent> received = topic.deserialize(Json.mapper().writeValueAsBytes(node));

    assertEquals(sent, received);
  }

  @Test
  void unknownFieldsInNestedRecordsAreIgnored() throws Exception {
    Envelope<Order> sent = envelope(EventType.ORDER, SampleEvents.order());
    ObjectNode node = (ObjectNode) tree(json(sent));
    ObjectNode payload = (ObjectNode) node.get("payload");
    ((ObjectNode) payload.get("items").get(0)).put("originLabel", "新西兰");
    ((ObjectNode) payload.get("buyerId")).put("algorithm", "HMAC-SHA256");

    Envelope<Order> received = Topics.ORDERS.deserialize(Json.mapper().writeValueAsBytes(node));

    assertEquals(sent, received);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1234.50",
        "0.01",
        "5000.00",
        "0.00000001",
        "26000.000",
        "98765432109876543210.0123456789"
      })
  void moneyKeepsEveryDigitThroughJson(String amount) throws Exception {
    Payment p = SampleEvents.payment();
    Payment withAmount =
        new Payment(
            p.guid(),
            p.appType(),
            p.appTime(),
            p.appStatus(),
            p.payCode(),
            p.payName(),
            p.payTransactionId(),
            p.orderNo(),
            p.ebpCode(),
            p.ebpName(),
            p.payerIdType(),
            p.payerId(),
            p.payerName(),
            p.telephone(),
            new BigDecimal(amount),
            p.currency(),
            p.payTime(),
            p.note());
    Envelope<Payment> sent = envelope(EventType.PAYMENT, withAmount);

    byte[] bytes = Topics.PAYMENTS.serialize(sent);
    String text = new String(bytes, StandardCharsets.UTF_8);
    BigDecimal back = Topics.PAYMENTS.deserialize(bytes).payload().amountPaid();

    // A plain JSON number with every digit: not a string, not 1E-8, not a rounded double.
    assertTrue(text.contains("\"amountPaid\":" + amount + ","), text);
    assertTrue(tree(text).get("payload").get("amountPaid").isNumber());
    assertEquals(new BigDecimal(amount), back); // BigDecimal.equals compares the scale too
    assertEquals(new BigDecimal(amount).scale(), back.scale());
  }

  @Test
  void moneyHeldInExponentFormIsStillWrittenPlain() {
    Order o = SampleEvents.order();
    Order tiny =
        new Order(
            o.guid(),
            o.appType(),
            o.appTime(),
            o.appStatus(),
            o.direction(),
            o.tradeMode(),
            o.orderNo(),
            o.ebpCode(),
            o.ebpName(),
            o.ebcCode(),
            o.ebcName(),
            new BigDecimal("1.5E+3"),
            new BigDecimal("1E-8"),
            o.discount(),
            o.taxTotal(),
            o.acturalPaid(),
            o.currency(),
            o.buyerRegNo(),
            o.buyerIdType(),
            o.buyerId(),
            o.buyerName(),
            o.buyerTelephone(),
            o.payCode(),
            o.payName(),
            o.payTransactionId(),
            o.batchNumbers(),
            o.consignee(),
            o.consigneeTelephone(),
            o.consigneeAddress(),
            o.consigneeDistrict(),
            o.note(),
            o.items());

    String text = json(envelope(EventType.ORDER, tiny));

    assertTrue(text.contains("\"goodsValue\":1500,"), text);
    assertTrue(text.contains("\"freight\":0.00000001,"), text);
    assertFalse(text.contains("E-8") || text.contains("E+3"), text);
  }

  @Test
  void timesAreWrittenAsIso8601Strings() throws Exception {
    JsonNode node = tree(json(envelope(EventType.PAYMENT, SampleEvents.payment())));

    assertEquals("2026-11-22T00:31:05Z", node.get("eventTime").textValue());
    assertEquals("2026-11-22T02:10:01.250Z", node.get("ingestTime").textValue());
    assertEquals("2026-11-22T00:30:00Z", node.get("payload").get("appTime").textValue());
    assertEquals("2026-11-22T00:31:05Z", node.get("payload").get("payTime").textValue());
  }

  @Test
  void timesWithAChinaOffsetAreReadAsTheSameInstant() throws Exception {
    Envelope<Payment> sent = envelope(EventType.PAYMENT, SampleEvents.payment());
    ObjectNode node = (ObjectNode) tree(json(sent));
    ((ObjectNode) node.get("payload")).put("payTime", "2026-11-22T08:31:05+08:00");

    Envelope<Payment> received = Topics.PAYMENTS.deserialize(Json.mapper().writeValueAsBytes(node));

    assertEquals(PAY_TIME, received.payload().payTime());
  }

  @Test
  void nullsAreOmitted() throws Exception {
    Order order = SampleEvents.order(); // batchNumbers, note and the first item's note are null
    String text = json(envelope(EventType.ORDER, order));
    JsonNode payload = tree(text).get("payload");

    assertFalse(payload.has("batchNumbers"), text);
    assertFalse(payload.has("note"), text);
    assertFalse(payload.get("items").get(0).has("note"), text);
    assertTrue(payload.get("items").get(1).has("note"), text);
    assertFalse(text.contains("null"), text);
  }

  @Test
  void envelopeRefusesAPayloadThatDoesNotMatchItsType() {
    Payment payment = SampleEvents.payment();

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Envelope<>(EventType.ORDER, 1, "src", "guid", APP_TIME, RECEIVED, payment));
    assertTrue(e.getMessage().contains("Payment"), e.getMessage());
    assertTrue(e.getMessage().contains("ORDER"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Envelope.of(EventType.WAYBILL, "src", "guid", RECEIVED, SampleEvents.order()));
  }

  @Test
  void aTopicRefusesAnEnvelopeWhoseTypeDoesNotMatchItsPayload() throws Exception {
    ObjectNode node = (ObjectNode) tree(json(envelope(EventType.ORDER, SampleEvents.order())));
    node.put("type", "PAYMENT");
    byte[] mislabelled = Json.mapper().writeValueAsBytes(node);

    assertThrows(UncheckedIOException.class, () -> Topics.ORDERS.deserialize(mislabelled));
  }

  @Test
  void envelopeOfTakesTheEventTimeFromThePayload() {
    Envelope<Payment> paid = envelope(EventType.PAYMENT, SampleEvents.payment());
    assertEquals(PAY_TIME, paid.eventTime());
    assertEquals(RECEIVED, paid.ingestTime());
    assertEquals(Envelope.CURRENT_SCHEMA_VERSION, paid.schemaVersion());

    Payment p = SampleEvents.payment();
    Payment withoutPayTime =
        new Payment(
            p.guid(),
            p.appType(),
            p.appTime(),
            p.appStatus(),
            p.payCode(),
            p.payName(),
            p.payTransactionId(),
            p.orderNo(),
            p.ebpCode(),
            p.ebpName(),
            p.payerIdType(),
            p.payerId(),
            p.payerName(),
            p.telephone(),
            p.amountPaid(),
            p.currency(),
            null,
            p.note());
    assertEquals(APP_TIME, envelope(EventType.PAYMENT, withoutPayTime).eventTime());

    assertEquals(
        DECL_TIME, envelope(EventType.CUSTOMS_LIST, SampleEvents.customsList()).eventTime());
  }
}
