package io.sanliu.model.kafka;

import com.fasterxml.jackson.databind.JavaType;
import io.sanliu.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A Kafka topic with the type of its values: nobody types a topic name or picks a serde twice.
 *
 * @param name topic name
 * @param valueType Jackson type of the record values
 * @param partitions partition count; {@link #SCALED} means the configured default
 * @param compacted keep only the latest value per key (reference data)
 */
public record Topic<V>(String name, JavaType valueType, int partitions, boolean compacted) {

  /** Partition count taken from {@code SANLIU_KAFKA_TOPIC_PARTITIONS}. */
  public static final int SCALED = -1;

  public byte[] serialize(V value) {
    try {
      return Json.mapper().writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise a value of " + name, e);
    }
  }

  public V deserialize(byte[] bytes) {
    try {
      return Json.mapper().readValue(bytes, valueType);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a value of " + name, e);
    }
  }

  public int partitionsOr(int configured) {
    return partitions == SCALED ? configured : partitions;
  }
}
