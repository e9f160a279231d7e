package io.sanliu.model.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
  private static final Instant REJECTED = Instant.parse("2026-11-22T02:10:01.250Z");
  private static final String CEB311 =
      "<ceb:CEB311Message guid=\"4CDE1CFD-EDED-46B1-946C-B8022E42FC94\" version=\"1.0\""
          + " xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"><ceb:Order><ceb:OrderHead>"
          + "<ceb:appType>7</ceb:appType><ceb:orderNo>SO202611220830001</ceb:orderNo>"
          + "<ceb:ebpName>深圳某跨境电商平台有限公司</ceb:ebpName>"
          + "</ceb:OrderHead></ceb:Order></ceb:CEB311Message>";

  private static List<DeadLetter.FieldError> errors() {
    return List.of(
        new DeadLetter.FieldError("Order[0].OrderHead.appType", "appType must be 1, 2 or 3"),
        new DeadLetter.FieldError("Order[0].OrderHead.ebpCode", "missing"));
  }

  @Test
  void deadLetterSurvivesAJsonRoundTripThroughItsTopic() {
    DeadLetter sent =
        DeadLetter.of(
            "ingest",
            "4403169D3W",
            "4CDE1CFD-EDED-46B1-946C-B8022E42FC94",
            "application/xml",
            errors(),
            CEB311,
            REJECTED);

    byte[] bytes = Topics.DEAD_LETTER.serialize(sent);
    DeadLetter received = Topics.DEAD_LETTER.deserialize(bytes);

    assertEquals(sent, received);
    assertTrue(
        new String(bytes, StandardCharsets.UTF_8)
            .contains("\"rejectedAt\":\"2026-11-22T02:10:01.250Z\""));
  }

  @Test
  void deadLetterWithUnknownSenderOmitsTheNullsAndStillRoundTrips() throws Exception {
    DeadLetter sent =
        DeadLetter.of("ingest", null, null, "application/json", errors(), "{not json", REJECTED);

    byte[] bytes = Topics.DEAD_LETTER.serialize(sent);

    assertFalse(Json.mapper().readTree(bytes).has("source"));
    assertFalse(Json.mapper().readTree(bytes).has("messageGuid"));
    assertEquals(sent, Topics.DEAD_LETTER.deserialize(bytes));
  }

  @Test
  void payloadOverTheLimitIsCutAndMarkedTruncated() {
    String big = "x".repeat(DeadLetter.MAX_PAYLOAD_CHARS) + "TAIL";

    DeadLetter letter = DeadLetter.of("ingest", "src", "g", "text/plain", errors(), big, REJECTED);

    assertTrue(letter.payloadTruncated());
    assertEquals(DeadLetter.MAX_PAYLOAD_CHARS, letter.payload().length());
    assertEquals(big.substring(0, DeadLetter.MAX_PAYLOAD_CHARS), letter.payload());
    assertEquals(letter, Topics.DEAD_LETTER.deserialize(Topics.DEAD_LETTER.serialize(letter)));
  }

  @Test
  void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
    // "𠮷" is two UTF-16 units; put its first half exactly on the limit.
    String payload = "x".repeat(DeadLetter.MAX_PAYLOAD_CHARS - 1) + "𠮷" + "tail";
    DeadLetter letter =
        DeadLetter.of("ingest", "S", "G", "application/json", List.of(), payload, Instant.EPOCH);
    assertTrue(letter.payloadTruncated());
    assertEquals(DeadLetter.MAX_PAYLOAD_CHARS - 1, letter.payload().length());
    assertFalse(Character.isHighSurrogate(letter.payload().charAt(letter.payload().length() - 1)));
  }

  @Test
  void payloadAtTheLimitIsKeptWhole() {
    String exact = "y".repeat(DeadLetter.MAX_PAYLOAD_CHARS);

    DeadLetter letter =
        DeadLetter.of("ingest", "src", "g", "text/plain", errors(), exact, REJECTED);

    assertFalse(letter.payloadTruncated());
    assertEquals(exact, letter.payload());
  }

  @Test
  void missingPayloadIsNotTruncated() {
    DeadLetter letter =
        DeadLetter.of("flink:trade-stats", "src", "g", null, errors(), null, REJECTED);

    assertNull(letter.payload());
    assertFalse(letter.payloadTruncated());
  }

  @Test
  void errorsAreCopiedAndImmutable() {
    List<DeadLetter.FieldError> errors = new ArrayList<>(errors());
    DeadLetter letter = DeadLetter.of("ingest", "src", "g", "text/plain", errors, "x", REJECTED);

    errors.add(new DeadLetter.FieldError("late", "added after"));

    assertEquals(2, letter.errors().size());
    assertThrows(
        UnsupportedOperationException.class,
        () -> letter.errors().add(new DeadLetter.FieldError("p", "r")));
  }
}
