package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.TradeMode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The statistics job's hand-written stream serializers give back what they were given. */
class HandWrittenSerializersTest {

  static <T> T roundTrip(TypeInformation<T> type, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    var serializer = type.createSerializer(new SerializerConfigImpl());
    serializer.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T back = serializer.deserialize(in);
    assertEquals(0, in.available(), "everything written is read back");
    return back;
  }

  @Test
  void anOrderCutToItsCountedPartComesBackWhole() throws IOException {
    Envelope<Order> counted = TradeFacts.countedPart(envelope(SampleEvents.order()));

    assertEquals(counted, roundTrip(CountedOrderSerializer.TYPE, counted));
  }

  @Test
  void anOrderWithoutBuyerItemsOrValueComesBackSo() throws IOException {
    Order bare =
        StatsFixtures.order(
            "SO-BARE",
            Instant.parse("2026-11-22T01:00:00Z"),
            Direction.E,
            TradeMode.DIRECT_9610,
            null,
            null,
            null,
            null);
    Envelope<Order> counted = TradeFacts.countedPart(envelope(bare));

    Envelope<Order> back = roundTrip(CountedOrderSerializer.TYPE, counted);

    assertEquals(counted, back);
    assertNull(back.payload().buyerId());
    assertNull(back.payload().items());
  }

  @Test
  void aMinuteSumWithBuyersAndASingleDocumentComeBack() throws IOException {
    Instant at = Instant.parse("2026-11-22T01:00:59.5Z");
    SlicePartial sum =
        new SlicePartial(
            "PLATFORM|COUNTRY|I|116", 3, 4, 30_000, BuyerSketch.add(null, "b1"), null, null, at);
    SlicePartial single =
        new SlicePartial("CUSTOMS|TOTAL|-|", 1, 1, 100, null, "EBP:SO1", "G-1", at);

    SlicePartial back = roundTrip(SlicePartialSerializer.TYPE, sum);
    assertEquals(sum.slice(), back.slice());
    assertEquals(
        List.of(3L, 4L, 30_000L), List.of(back.orders(), back.parcels(), back.valueCents()));
    assertArrayEquals(sum.buyers(), back.buyers());
    assertEquals(at, back.eventTime());
    assertEquals(single, roundTrip(SlicePartialSerializer.TYPE, single));
  }

  @Test
  void aWindowResultComesBackWithEveryField() throws IOException {
    TradeStatsDocument country =
        TradeStatsDocument.of(
            SliceKey.parse("CUSTOMS|COUNTRY|I|116"),
            WindowSize.HOUR,
            Instant.parse("2026-11-22T01:00:00Z").toEpochMilli(),
            new SliceMeasures(7, 9, 123_456, BuyerSketch.add(null, "b1")),
            Instant.parse("2026-11-22T02:00:03.25Z"));
    TradeStatsDocument total =
        TradeStatsDocument.of(
            SliceKey.parse("PLATFORM|TOTAL|-|"),
            WindowSize.MINUTE,
            0,
            new SliceMeasures(0, 0, 0, null),
            Instant.EPOCH);

    assertEquals(country, roundTrip(TradeStatsDocumentSerializer.TYPE, country));
    assertEquals(total, roundTrip(TradeStatsDocumentSerializer.TYPE, total));
  }
}
