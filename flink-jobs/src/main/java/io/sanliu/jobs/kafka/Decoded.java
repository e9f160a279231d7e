package io.sanliu.jobs.kafka;

import io.sanliu.model.kafka.DeadLetter;

/** A Kafka record after decoding: either its value or why it could not be read. */
public record Decoded<T>(T value, DeadLetter deadLetter) {
  public boolean ok() {
    return deadLetter == null;
  }
}
