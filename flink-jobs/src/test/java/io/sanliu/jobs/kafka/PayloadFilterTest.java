package io.sanliu.jobs.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PayloadFilterTest {
  static final PayloadFilter RELEASES =
      PayloadFilter.where("kind", Set.of("CUSTOMS_LIST")).and("returnStatus", Set.of("800", "899"));

  static boolean decodes(String json) {
    return RELEASES.decodes(bytes(json));
  }

  static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aRecordWhoseFieldsAreAllowedIsDecoded() {
    assertTrue(
        decodes(
            "{\"type\":\"CUSTOMS_RECEIPT\",\"eventTime\":\"2026-11-22T08:00:00Z\","
                + "\"payload\":{\"guid\":\"R1\",\"kind\":\"CUSTOMS_LIST\",\"returnStatus\":\"800\"}}"));
  }

  static final String TIMES =
      "\"eventTime\":\"2026-11-22T08:00:00.250Z\",\"ingestTime\":\"2026-11-22T08:00:01Z\"";

  @Test
  void aRecordWithAFieldOutsideItsSetIsPassedOverAtItsEventTime() {
    long at = Instant.parse("2026-11-22T08:00:00.250Z").toEpochMilli();
    assertEquals(
        at,
        RELEASES.passedOverAt(
            bytes("{" + TIMES + ",\"payload\":{\"kind\":\"WAYBILL\",\"returnStatus\":\"800\"}}")));
    assertEquals(
        at,
        RELEASES.passedOverAt(
            bytes(
                "{\"payload\":{\"kind\":\"CUSTOMS_LIST\",\"returnStatus\":\"120\"},"
                    + TIMES
                    + "}")),
        "times after the payload");
    assertEquals(
        Instant.parse("2026-11-22T08:00:01Z").toEpochMilli(),
        RELEASES.passedOverAt(
            bytes(
                "{\"eventTime\":null,\"ingestTime\":\"2026-11-22T08:00:01Z\",\"payload\":{"
                    + "\"returnStatus\":\"500\",\"kind\":\"CUSTOMS_LIST\"}}")),
        "fields in any order; no event time: the ingest time");
  }

  @Test
  void withItsEventTimeReadTheRestOfARecordToPassOverIsNotRead() {
    long at = Instant.parse("2026-11-22T08:00:00.250Z").toEpochMilli();
    assertEquals(
        at,
        RELEASES.passedOverAt(
            bytes("{" + TIMES + ",\"payload\":{\"kind\":\"WAYBILL\",\"returnStatus\":[{")),
        "cut after the verdict");
    assertTrue(
        decodes("{\"ingestTime\":\"2026-11-22T08:00:01Z\",\"payload\":{\"kind\":\"WAYBILL\"},[}"),
        "an event time could still follow: read on, and the broken rest goes to the decoder");
  }

  @Test
  void aRecordToPassOverWithoutAReadableTimeIsDecoded() {
    assertTrue(decodes("{\"payload\":{\"kind\":\"WAYBILL\"}}"), "no time");
    assertTrue(
        decodes("{\"eventTime\":\"yesterday\",\"payload\":{\"kind\":\"WAYBILL\"}}"), "not a time");
  }

  @Test
  void nestedValuesBeforeAndInsideThePayloadAreSkippedWhole() {
    assertFalse(
        decodes(
            "{\"meta\":{\"payload\":{\"kind\":\"CUSTOMS_LIST\"}},\"list\":[1,{\"kind\":\"x\"}],"
                + TIMES
                + ",\"payload\":{\"items\":[{\"kind\":\"CUSTOMS_LIST\"}],\"kind\":\"ORDER\"}}"));
    assertTrue(
        decodes(
            "{\"payload\":{\"inner\":{\"returnStatus\":\"120\"},\"kind\":\"CUSTOMS_LIST\","
                + "\"returnStatus\":\"899\"}}"));
  }

  @Test
  void whatTheScanCannotJudgeIsDecodedSoTheDecoderCanSayWhy() {
    assertTrue(decodes("{\"payload\":{\"kind\":\"CUSTOMS_LIST\"}}"), "a field missing");
    assertTrue(decodes("{\"payload\":{\"kind\":null,\"returnStatus\":null}}"), "nulls");
    assertTrue(decodes("{\"payload\":{\"kind\":[\"WAYBILL\"]}}"), "not a scalar");
    assertTrue(decodes("{\"payload\":\"WAYBILL\"}"), "payload not an object");
    assertTrue(decodes("{\"payload\":{\"kind\":\"WAY"), "broken JSON");
    assertTrue(decodes("[1,2]"), "not an object");
    assertTrue(decodes("{\"type\":\"CUSTOMS_RECEIPT\"}"), "no payload");
    assertTrue(RELEASES.decodes(null), "no value");
  }

  @Test
  void aFieldNamedTwiceIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RELEASES.and("kind", Set.of("ORDER")));
    assertTrue(e.getMessage().contains("kind"), e.getMessage());
  }

  @Test
  void theDeserializerPassesOverWhatTheFilterSkipsAndDecodesTheRest() throws Exception {
    TopicDeserializer<Envelope<CustomsReceipt>> deserializer =
        InstantiationUtil.clone(
            new TopicDeserializer<>(
                Topics.CUSTOMS_RECEIPTS,
                "test",
                KafkaStreams.decodedType(
                    TypeInformation.of(new TypeHint<Envelope<CustomsReceipt>>() {})),
                RELEASES,
                null),
            getClass().getClassLoader());
    List<Decoded<Envelope<CustomsReceipt>>> out = new ArrayList<>();
    Collector<Decoded<Envelope<CustomsReceipt>>> collector = new ListCollector<>(out);

    deserializer.deserialize(
        record("{" + TIMES + ",\"payload\":{\"kind\":\"ORDER\",\"returnStatus\":\"120\"}}"),
        collector);
    assertEquals(1, out.size());
    assertTrue(out.get(0).passedOver(), "passed over, not dead-lettered");
    assertFalse(out.get(0).ok());
    assertEquals(
        Instant.parse("2026-11-22T08:00:00.250Z").toEpochMilli(), out.get(0).passedOverAt());
    out.clear();

    deserializer.deserialize(
        record("{\"payload\":{\"kind\":\"CUSTOMS_LIST\",\"returnStatus\":"), collector);
    assertEquals(1, out.size());
    assertFalse(out.get(0).ok(), "undecidable and undecodable: a dead letter");
  }

  static ConsumerRecord<byte[], byte[]> record(String json) {
    return new ConsumerRecord<>(
        "sanliu.customs-receipts", 0, 7L, null, json.getBytes(StandardCharsets.UTF_8));
  }
}
