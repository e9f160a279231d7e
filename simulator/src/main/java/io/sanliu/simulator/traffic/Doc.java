package io.sanliu.simulator.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.EventType;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One document a participant sends: its JSON form (CEB field names, text values, list lines under
 * {@code items}), who sends it, as which message, when. The JSON form is made when first asked for
 * (a document waits in the queue until its time has come, and most of them wait long), then kept;
 * it is never changed.
 */
public final class Doc implements Emission {
  /** Why a document is sent. */
  public enum Intent {
    NORMAL,
    /** Deliberately invalid: the gateway must refuse it (400). */
    INVALID,
    /** Sent again under the message guid it was accepted with: answered from the receipt. */
    REPLAY_SAME_MESSAGE,
    /** Sent again in a new message, the record keeping its guid: published twice. */
    REPLAY_NEW_MESSAGE
  }

  private final Instant sendAt;
  private final Instant eventTime;
  private final EventType type;
  private final String sender;
  private final String messageGuid;
  private final String recordGuid;
  private final DocFormat format;
  private final Intent intent;
  private final FieldError expectedError;
  private Supplier<ObjectNode> maker;
  private ObjectNode record;

  /**
   * @param sendAt when it is due at the gateway (at or after its event time)
   * @param eventTime the business time the document carries (appTime, payTime, declTime...)
   * @param sender code of the participant that pushes it
   * @param messageGuid the message's guid ({@code X-Message-Guid}, or the CEB root's guid)
   * @param recordGuid the record's own guid (its {@code guid} field)
   * @param maker makes the JSON form
   * @param intent normal, deliberately invalid, or a replay
   * @param expectedError for an invalid document, what is wrong with it
   */
  public Doc(
      Instant sendAt,
      Instant eventTime,
      EventType type,
      String sender,
      String messageGuid,
      String recordGuid,
      Supplier<ObjectNode> maker,
      DocFormat format,
      Intent intent,
      FieldError expectedError) {
    this.sendAt = Objects.requireNonNull(sendAt, "sendAt");
    this.eventTime = eventTime;
    this.type = Objects.requireNonNull(type, "type");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.messageGuid = messageGuid;
    this.recordGuid = recordGuid;
    this.maker = Objects.requireNonNull(maker, "maker");
    this.format = format;
    this.intent = intent;
    this.expectedError = expectedError;
  }

  /** A document whose JSON form is already made. */
  public static Doc of(
      Instant sendAt,
      Instant eventTime,
      EventType type,
      String sender,
      String messageGuid,
      ObjectNode record,
      DocFormat format,
      Intent intent,
      FieldError expectedError) {
    JsonNode guid = record.get("guid");
    return new Doc(
        sendAt,
        eventTime,
        type,
        sender,
        messageGuid,
        guid == null ? null : guid.asText(),
        () -> record,
        format,
        intent,
        expectedError);
  }

  @Override
  public Instant dueAt() {
    return sendAt;
  }

  public Instant sendAt() {
    return sendAt;
  }

  public Instant eventTime() {
    return eventTime;
  }

  public EventType type() {
    return type;
  }

  public String sender() {
    return sender;
  }

  public String messageGuid() {
    return messageGuid;
  }

  /** The record's own guid (the head's {@code guid}). */
  public String recordGuid() {
    return recordGuid;
  }

  public DocFormat format() {
    return format;
  }

  public Intent intent() {
    return intent;
  }

  public FieldError expectedError() {
    return expectedError;
  }

  /** The JSON form. */
  public synchronized ObjectNode record() {
    if (record == null) {
      record = maker.get();
      maker = null;
    }
    return record;
  }

  /** A field of the record as text, or null. */
  public String text(String field) {
    JsonNode v = record().get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  public boolean invalid() {
    return intent == Intent.INVALID;
  }

  public boolean replay() {
    return intent == Intent.REPLAY_SAME_MESSAGE || intent == Intent.REPLAY_NEW_MESSAGE;
  }

  /** The same document sent again later, as {@code intent} says. */
  public Doc replayed(Instant at, Intent intent, String newMessageGuid) {
    Doc original = this;
    return new Doc(
        at,
        eventTime,
        type,
        sender,
        intent == Intent.REPLAY_NEW_MESSAGE ? newMessageGuid : messageGuid,
        recordGuid,
        original::record,
        format,
        intent,
        null);
  }

  @Override
  public String toString() {
    return type + " " + intent + " from " + sender + " at " + sendAt + " " + messageGuid;
  }
}
