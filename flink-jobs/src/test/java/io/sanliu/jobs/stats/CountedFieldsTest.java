package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.kafka.Topics;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountedFieldsTest {
  static final FxTable FX = FxTable.of(List.of());

  @Test
  void anOrderDecodedWithTheCountedFieldsCountsAsTheWholeOrder() {
    Envelope<Order> whole = envelope(SampleEvents.order());
    Envelope<Order> counted =
        CountedFields.ORDERS.read(Topics.ORDERS.serialize(whole), Topics.ORDERS.valueType());

    assertEquals(TradeFacts.countedPart(whole), TradeFacts.countedPart(counted));
    assertEquals(TradeFacts.ofOrder(whole, FX), TradeFacts.ofOrder(counted, FX));
    assertNull(counted.payload().consigneeAddress(), "skipped unread");
    assertNull(counted.payload().items().get(0).itemName(), "skipped unread");
    assertEquals(whole.payload().goodsValue(), counted.payload().goodsValue());
  }

  @Test
  void aListDecodedWithTheCountedFieldsIsFiledAndCountedAsTheWholeList() {
    Envelope<CustomsList> whole = envelope(SampleEvents.customsList());
    Envelope<CustomsList> counted =
        CountedFields.LISTS.read(
            Topics.CUSTOMS_LISTS.serialize(whole), Topics.CUSTOMS_LISTS.valueType());

    assertEquals(ListDocument.ofList(whole), ListDocument.ofList(counted), "same key, same part");
    assertEquals(ListNumber.of(whole), ListNumber.of(counted), "same numbers");
    assertEquals(2, ListNumber.of(counted).size(), "copNo and invtNo");
    assertNull(counted.payload().grossWeight(), "skipped unread");
  }

  @Test
  void aValueThatCannotBeReadIsRefusedWithJacksonsReason() {
    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () ->
                CountedFields.ORDERS.read(
                    "{\"payload\":{\"goodsValue\":\"many\"}}".getBytes(StandardCharsets.UTF_8),
                    Topics.ORDERS.valueType()));
    assertEquals(true, e.getCause().getMessage().contains("goodsValue"), e.getCause().getMessage());
  }
}
