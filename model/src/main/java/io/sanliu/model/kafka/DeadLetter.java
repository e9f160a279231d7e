package io.sanliu.model.kafka;

import java.time.Instant;
import java.util.List;

/**
 * A record the platform refused, kept with why.
 *
 * @param stage where it was refused (e.g. {@code ingest}, {@code flink:trade-stats})
 * @param source the sender's code, when known
 * @param messageGuid the message guid, when it could be read
 * @param errors every problem found, each naming the field path
 * @param payload the raw input, cut at {@link #MAX_PAYLOAD_CHARS}
 * @param payloadTruncated whether the payload was cut
 */
public record DeadLetter(
    String stage,
    String source,
    String messageGuid,
    String contentType,
    List<FieldError> errors,
    String payload,
    boolean payloadTruncated,
    Instant rejectedAt) {

  public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

  /** One problem: the field's path in the document and the reason. */
  public record FieldError(String path, String reason) {}

  /** Never cut between the two halves of a character outside the BMP (rare CJK, emoji). */
  private static int cutPoint(String payload) {
    return Character.isHighSurrogate(payload.charAt(MAX_PAYLOAD_CHARS - 1))
        ? MAX_PAYLOAD_CHARS - 1
        : MAX_PAYLOAD_CHARS;
  }

  public static DeadLetter of(
      String stage,
      String source,
      String messageGuid,
      String contentType,
      List<FieldError> errors,
      String payload,
      Instant rejectedAt) {
    boolean cut = payload != null && payload.length() > MAX_PAYLOAD_CHARS;
    return new DeadLetter(
        stage,
        source,
        messageGuid,
        contentType,
        List.copyOf(errors),
        cut ? payload.substring(0, cutPoint(payload)) : payload,
        cut,
        rejectedAt);
  }
}
