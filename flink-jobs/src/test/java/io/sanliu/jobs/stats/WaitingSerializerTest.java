package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.stats.ReleaseJoin.Waiting;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.SampleEvents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class WaitingSerializerTest {
  static final CustomsList COUNTED = ListDocument.countedPart(SampleEvents.customsList());

  static byte[] bytes(TypeSerializer<Waiting> serializer, Waiting w) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(w, out);
    return out.getCopyOfBuffer();
  }

  static Waiting roundTrip(Waiting w) throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(bytes(WaitingSerializer.INSTANCE, w));
    Waiting back = WaitingSerializer.INSTANCE.deserialize(in);
    assertEquals(0, in.available(), "everything written is read back");
    return back;
  }

  @Test
  void aWaitingListComesBackWithEverythingTheCountReads() throws IOException {
    Waiting w = new Waiting(COUNTED, "G-1", "5349", null, false, 1_800_000_000_000L);

    assertEquals(w, roundTrip(w));
    assertEquals(
        TradeFacts.ofRelease(new ReleasedList(COUNTED, "G-1", "5349", COUNTED.declTime()), fx()),
        TradeFacts.ofRelease(
            new ReleasedList(roundTrip(w).list(), "G-1", "5349", COUNTED.declTime()), fx()),
        "the restored list counts the same to the cent");
  }

  @Test
  void aReleaseWithoutItsListAndACountedMarkComeBack() throws IOException {
    Waiting release = new Waiting(null, null, null, 1_700_000_000_123L, false, 1_700_600_000_123L);
    Waiting mark = new Waiting(null, null, null, 1_700_000_000_123L, true, 1_700_600_000_123L);

    assertEquals(release, roundTrip(release));
    assertEquals(mark, roundTrip(mark));
  }

  /** A list naming nothing but its order, with {@code items} as its lines. */
  static CustomsList bare(List<CustomsListItem> items) {
    return new CustomsList(
        null, null, null, null, "SO9", "EBP", null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, items);
  }

  @Test
  void aListWithoutLinesOrBuyerComesBack() throws IOException {
    Waiting w = new Waiting(bare(null), "G-9", null, null, false, 0);

    assertEquals(w, roundTrip(w));
    Waiting noLines = new Waiting(bare(new ArrayList<>()), "G", "S", 1L, false, 2);
    assertEquals(List.of(), roundTrip(noLines).list().items());
  }

  @Test
  void itWritesLessThanFlinksRecordSerializer() throws IOException {
    Waiting w = new Waiting(COUNTED, "G-1", "5349", null, false, 1_800_000_000_000L);
    TypeSerializer<Waiting> reflective =
        TypeInformation.of(Waiting.class).createSerializer(new SerializerConfigImpl());

    int ours = bytes(WaitingSerializer.INSTANCE, w).length;
    int theirs = bytes(reflective, w).length;
    assertTrue(ours < theirs, ours + " bytes against " + theirs);
  }

  private static FxTable fx() {
    return FxTable.of(List.of());
  }
}
