package io.sanliu.jobs.kafka;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sanliu.model.Json;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which fields of a topic's values a job decodes: the platform's JSON mapper with Jackson mix-ins
 * that ignore the fields the job does not read (their values are skipped as tokens, and the records
 * get null for them). Building names, addresses and amounts nobody reads was most of the cost of
 * decoding an order in the statistics job (docs/statistics.md, "Throughput"). An ignored field is
 * not checked either; the ingest gateway validated it before it reached Kafka.
 */
public final class DecodedFields implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<Class<?>, Class<?>> mixIns;
  private transient volatile Map<JavaType, ObjectReader> readers;

  private DecodedFields(Map<Class<?>, Class<?>> mixIns) {
    this.mixIns = mixIns;
  }

  /**
   * Values whose {@code target} records are read as {@code mixIn} declares (typically a {@code
   * JsonIgnoreProperties} list of the fields to skip).
   */
  public static DecodedFields of(Class<?> target, Class<?> mixIn) {
    return new DecodedFields(Map.of(target, mixIn));
  }

  /** These fields, and {@code target} read as {@code mixIn} declares. */
  public DecodedFields and(Class<?> target, Class<?> mixIn) {
    Map<Class<?>, Class<?>> more = new LinkedHashMap<>(mixIns);
    if (more.put(target, mixIn) != null) {
      throw new IllegalArgumentException(target.getSimpleName() + " is named twice");
    }
    return new DecodedFields(Map.copyOf(more));
  }

  /** The readers made so far, by type; a constant may be shared by threads. */
  private Map<JavaType, ObjectReader> readers() {
    Map<JavaType, ObjectReader> r = readers;
    if (r == null) readers = r = new ConcurrentHashMap<>();
    return r;
  }

  private ObjectReader readerFor(JavaType type) {
    ObjectMapper m = Json.mapper().copy();
    mixIns.forEach(m::addMixIn);
    return m.readerFor(type);
  }

  /** Decodes {@code json} as {@code type} with these fields only. */
  public <T> T read(byte[] json, JavaType type) {
    ObjectReader reader = readers().computeIfAbsent(type, this::readerFor);
    try {
      return reader.readValue(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
