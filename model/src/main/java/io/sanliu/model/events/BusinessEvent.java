package io.sanliu.model.events;

import java.time.Instant;

/** A payload carried in an {@link Envelope}: it knows its business key and its own time. */
public interface BusinessEvent {
  /** The Kafka record key: one entity's events share it and so stay in order. */
  String businessKey();

  /** When the business fact happened, taken from the document (not when we received it). */
  Instant eventTime();
}
