package io.sanliu.model.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The common wrapper of every event on Kafka.
 *
 * @param type what the payload is
 * @param schemaVersion version of the payload's JSON form; bump it on incompatible changes
 * @param source the sender's code (the participant that pushed the document)
 * @param messageGuid the record's own guid (its document head guid, or the message guid and the
 *     record's index), used to recognise a record sent again
 * @param eventTime when the business fact happened (from the document)
 * @param ingestTime when the gateway accepted it
 * @param payload the business document
 */
public record Envelope<T extends BusinessEvent>(
    EventType type,
    int schemaVersion,
    String source,
    String messageGuid,
    Instant eventTime,
    Instant ingestTime,
    T payload) {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  public Envelope {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    if (!type.payloadClass().isInstance(payload)) {
      throw new IllegalArgumentException(
          "payload " + payload.getClass().getSimpleName() + " does not match type " + type);
    }
  }

  /** Wraps a payload received now from {@code source}, taking the event time from the payload. */
  public static <T extends BusinessEvent> Envelope<T> of(
      EventType type, String source, String messageGuid, Instant ingestTime, T payload) {
    return new Envelope<>(
        type,
        CURRENT_SCHEMA_VERSION,
        source,
        messageGuid,
        payload.eventTime(),
        ingestTime,
        payload);
  }

  public String key() {
    return payload.businessKey();
  }
}
