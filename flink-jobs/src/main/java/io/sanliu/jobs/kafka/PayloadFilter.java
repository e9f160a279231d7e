package io.sanliu.jobs.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sanliu.model.UtcInstantDeserializer;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which records of a topic a job decodes at all, judged from a few scalar fields of the envelope's
 * {@code payload} by a streaming scan of the raw JSON: no objects are built and no times parsed,
 * which is most of what decoding costs. The statistics job counts only the receipts that release a
 * customs list, one in seven of the receipts topic's records in the simulated zones, and decoding
 * the others took most of its time (docs/statistics.md, "Throughput").
 *
 * <p>A record is passed over only when a named field is present with a value outside its set; its
 * envelope's event time is read, so that it moves event time as it would decoded. A record the scan
 * cannot judge (a field missing or not a scalar, no readable time, broken JSON before the verdict)
 * is decoded, so a bad record still reaches the dead-letter topic with the decoder's reason. What
 * follows a verdict to pass over, with the event time already read (the platform writes the times
 * before the payload), is not read at all: the ingest gateway validated it, and the job has no use
 * for it.
 */
public final class PayloadFilter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final JsonFactory JSON = new JsonFactory();
  private static final String PAYLOAD = "payload";
  private static final String EVENT_TIME = "eventTime";
  private static final String INGEST_TIME = "ingestTime";

  private final Map<String, Set<String>> allowed;

  private PayloadFilter(Map<String, Set<String>> allowed) {
    this.allowed = allowed;
  }

  /** Decodes the records whose payload's {@code field} is one of {@code values}. */
  public static PayloadFilter where(String field, Set<String> values) {
    return new PayloadFilter(Map.of(field, Set.copyOf(values)));
  }

  /** This filter and: the payload's {@code field} is one of {@code values}. */
  public PayloadFilter and(String field, Set<String> values) {
    Map<String, Set<String>> more = new LinkedHashMap<>(allowed);
    if (more.put(field, Set.copyOf(values)) != null) {
      throw new IllegalArgumentException(field + " is named twice");
    }
    return new PayloadFilter(Map.copyOf(more));
  }

  /** Whether {@code json}, an envelope, is to be decoded. */
  public boolean decodes(byte[] json) {
    return passedOverAt(json) == null;
  }

  /**
   * The event time (epoch millis: the envelope's {@code eventTime}, else its {@code ingestTime}) of
   * a record to pass over; null for a record to decode, including one whose time cannot be read.
   */
  public Long passedOverAt(byte[] json) {
    if (json == null) return null;
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      boolean passOver = false;
      String eventTime = null;
      String ingestTime = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (PAYLOAD.equals(name)) {
          if (value != JsonToken.START_OBJECT || payloadDecodes(p)) return null;
          // The platform writes the envelope's times before its payload: nothing after the
          // verdict can change it, and a third of the scan was reading the rest of the record.
          if (eventTime != null) return UtcInstantDeserializer.parse(eventTime).toEpochMilli();
          passOver = true;
          skipRestOfObject(p);
        } else if (value == JsonToken.VALUE_STRING && EVENT_TIME.equals(name)) {
          eventTime = p.getText();
        } else if (value == JsonToken.VALUE_STRING && INGEST_TIME.equals(name)) {
          ingestTime = p.getText();
        } else {
          p.skipChildren();
        }
      }
      String time = eventTime != null ? eventTime : ingestTime;
      if (!passOver || time == null) return null;
      return UtcInstantDeserializer.parse(time).toEpochMilli();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Moves past the end of the object whose field values the parser is among. */
  private static void skipRestOfObject(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      p.nextToken();
      p.skipChildren();
    }
  }

  /** Scans the payload's fields until every named one is judged. */
  private boolean payloadDecodes(JsonParser p) throws IOException {
    int judged = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      Set<String> values = allowed.get(p.currentName());
      JsonToken value = p.nextToken();
      if (values == null) {
        p.skipChildren();
        continue;
      }
      if (!value.isScalarValue() || value == JsonToken.VALUE_NULL) continue;
      if (!values.contains(p.getText())) return false;
      if (++judged == allowed.size()) return true;
    }
    return true;
  }

  @Override
  public String toString() {
    return "payload " + allowed;
  }
}
