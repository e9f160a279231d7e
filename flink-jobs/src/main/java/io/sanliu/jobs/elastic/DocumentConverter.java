package io.sanliu.jobs.elastic;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sanliu.model.Json;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Turns a job's result into the document to index: its index, deterministic id and JSON body. */
public final class DocumentConverter<T> implements ElementConverter<T, IndexRequestEntry> {
  private final SerializableFunction<T, String> index;
  private final SerializableFunction<T, String> id;

  private DocumentConverter(
      SerializableFunction<T, String> index, SerializableFunction<T, String> id) {
    this.index = index;
    this.id = id;
  }

  /** Every element to one index; the element itself, as JSON, is the document. */
  public static <T> DocumentConverter<T> toIndex(String index, SerializableFunction<T, String> id) {
    return new DocumentConverter<>(element -> index, id);
  }

  /** Elements routed to an index of their own (e.g. one per month). */
  public static <T> DocumentConverter<T> routed(
      SerializableFunction<T, String> index, SerializableFunction<T, String> id) {
    return new DocumentConverter<>(index, id);
  }

  @Override
  public IndexRequestEntry apply(T element, SinkWriter.Context context) {
    try {
      return new IndexRequestEntry(
          index.apply(element), id.apply(element), Json.mapper().writeValueAsBytes(element));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A function Flink can ship to its task managers. */
  @FunctionalInterface
  public interface SerializableFunction<A, B> extends Function<A, B>, Serializable {}
}
