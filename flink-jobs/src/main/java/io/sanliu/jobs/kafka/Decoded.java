package io.sanliu.jobs.kafka;

import io.sanliu.model.kafka.DeadLetter;

/**
 * A Kafka record after decoding: its value, or why it could not be read, or neither for a record
 * the job passes over undecoded ({@link PayloadFilter}), whose event time still counts.
 *
 * @param passedOverAt the event time (epoch millis) of a record passed over; null otherwise
 */
public record Decoded<T>(T value, DeadLetter deadLetter, Long passedOverAt) {
  public static <T> Decoded<T> of(T value) {
    return new Decoded<>(value, null, null);
  }

  public static <T> Decoded<T> unreadable(DeadLetter letter) {
    return new Decoded<>(null, letter, null);
  }

  public static <T> Decoded<T> passedOver(long eventTime) {
    return new Decoded<>(null, null, eventTime);
  }

  public boolean ok() {
    return deadLetter == null && passedOverAt == null;
  }

  public boolean passedOver() {
    return passedOverAt != null;
  }
}
