package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static io.sanliu.jobs.stats.StatsFixtures.receipt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.SampleEvents;
import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class ListDocumentSerializerTest {

  static ListDocument roundTrip(ListDocument d) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    ListDocumentSerializer.TYPE.createSerializer(new SerializerConfigImpl()).serialize(d, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    ListDocument back = ListDocumentSerializer.INSTANCE.deserialize(in);
    assertEquals(0, in.available(), "everything written is read back");
    return back;
  }

  @Test
  void aListAsTheJobFilesItComesBackWhole() throws IOException {
    ListDocument list = ListDocument.ofList(envelope(SampleEvents.customsList())).orElseThrow();

    assertEquals(list, roundTrip(list), "the counted part, key, guid and sender");
  }

  @Test
  void aReleaseAndALinkedReleaseComeBack() throws IOException {
    Instant at = Instant.parse("2026-11-22T05:00:00.123Z");
    ListDocument release =
        ListDocument.ofReceipt(envelope(receipt(null, "COP-SO1", CustomsReceipt.CLOSED, at)))
            .orElseThrow();

    assertEquals(release, roundTrip(release));
    assertEquals(release.linkedTo("EBP:SO1"), roundTrip(release.linkedTo("EBP:SO1")));
  }
}
