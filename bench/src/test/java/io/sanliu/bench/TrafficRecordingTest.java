package io.sanliu.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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
  void aReplayedRefusalCarriesItsSendTimeAsRejectionTime() {
    DeadLetter refused =
        new DeadLetter(
            "gateway",
            "ZONE-1",
            "guid-1",
            "application/json",
            List.of(new DeadLetter.FieldError("orderNo", "missing")),
            "{\"ingestTime\":\"2020-01-01T00:00:00Z\"}", // names inside the payload are escaped
            false,
            Instant.parse("2026-11-20T00:00:00Z"));
    TrafficRecording.Recorded r =
        TrafficRecording.recorded(
            Topics.DEAD_LETTER.name(), null, Topics.DEAD_LETTER.serialize(refused), 1L);
    Instant sent = Instant.parse("2026-11-23T01:04:42.5Z");
    byte[] value = r.value().clone();
    byte[] stamp = TrafficReplay.stamp(sent);
    System.arraycopy(stamp, 0, value, r.stampAt(), stamp.length);
    DeadLetter replayed = Topics.DEAD_LETTER.deserialize(value);
    assertEquals(sent, replayed.rejectedAt());
    assertEquals(refused.payload(), replayed.payload());
    assertEquals(refused.errors(), replayed.errors());
  }

  @Test
  void recordsWithoutAGatewayTimeAreKeptAsWritten() {
    byte[] value = "{\"entryId\":\"N-1\",\"kind\":\"GOODS\"}".getBytes(StandardCharsets.UTF_8);
    TrafficRecording.Recorded r =
        TrafficRecording.recorded("sanliu.negative-list", null, value, 1L);
    assertEquals(-1, r.stampAt());
    assertArrayEquals(value, r.value());
  }
}
