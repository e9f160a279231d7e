package io.sanliu.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrafficRecordingTest {
  @Test
  void aReplayedEnvelopeCarriesItsSendTimeAsIngestTimeAndNothingElseChanges() {
    Envelope<Order> original = new OrderEvents(7).order(3);
    byte[] written = Topics.ORDERS.serialize(original);
    TrafficRecording.Recorded r =
        TrafficRecording.recorded(Topics.ORDERS.name(), null, written, 1L);

    Instant sent = Instant.parse("2026-11-23T01:04:42.000001Z");
    byte[] value = r.value().clone();
    byte[] stamp = TrafficReplay.stamp(sent);
    System.arraycopy(stamp, 0, value, r.stampAt(), stamp.length);
    Envelope<Order> replayed = Topics.ORDERS.deserialize(value);

    assertEquals(sent, replayed.ingestTime());
    assertEquals(original.eventTime(), replayed.eventTime());
    assertEquals(original.messageGuid(), replayed.messageGuid());
    assertEquals(original.payload(), replayed.payload());
  }

  @Test
  void stampsAreAlwaysTheSameWidth() {
    for (Instant t :
        new Instant[] {
          Instant.parse("2026-11-23T01:04:42Z"),
          Instant.parse("2026-11-23T01:04:42.5Z"),
          Instant.parse("2026-11-23T01:04:42.123456789Z")
        }) {
      byte[] stamp = TrafficReplay.stamp(t);
      assertEquals(TrafficRecording.STAMP_WIDTH, stamp.length);
      assertEquals(t, Instant.parse(new String(stamp, StandardCharsets.US_ASCII)));
    }
  }

  @Test
  void recordsWithoutAnIngestTimeAreKeptAsWritten() {
    byte[] value = "{\"stage\":\"gateway\",\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    TrafficRecording.Recorded r = TrafficRecording.recorded("sanliu.dead-letter", null, value, 1L);
    assertEquals(-1, r.stampAt());
    assertArrayEquals(value, r.value());
  }
}
