package io.sanliu.api.push;

import io.sanliu.api.ApiProblem;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A place in the alerts topic: per partition, the offset of the last alert delivered (-1: none). It
 * is the SSE event id ({@code 0-17.1-4.2--1.3-9}), so a client that reconnects with {@code
 * Last-Event-ID} says exactly what it has seen, whichever API instance it reaches next.
 */
public record StreamPosition(Map<Integer, Long> offsets) {

  public StreamPosition {
    offsets = Map.copyOf(offsets);
  }

  public long offset(int partition) {
    return offsets.getOrDefault(partition, -1L);
  }

  /** The position once {@code offset} of {@code partition} is delivered. */
  public StreamPosition after(int partition, long offset) {
    Map<Integer, Long> next = new TreeMap<>(offsets);
    next.merge(partition, offset, Math::max);
    return new StreamPosition(next);
  }

  public String id() {
    return new TreeMap<>(offsets)
        .entrySet().stream()
            .map(e -> e.getKey() + "-" + e.getValue())
            .collect(Collectors.joining("."));
  }

  public static StreamPosition parse(String id) {
    Map<Integer, Long> offsets = new TreeMap<>();
    if (id == null || id.isBlank()) return new StreamPosition(offsets);
    try {
      for (String part : id.trim().split("\\.")) {
        int dash = part.indexOf('-');
        offsets.put(
            Integer.parseInt(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1)));
      }
    } catch (RuntimeException e) {
      throw ApiProblem.badRequest(
          "Last-Event-ID '" + id + "' is not an event id of this stream (partition-offset pairs)");
    }
    return new StreamPosition(offsets);
  }
}
