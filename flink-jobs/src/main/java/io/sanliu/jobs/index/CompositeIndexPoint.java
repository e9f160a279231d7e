package io.sanliu.jobs.index;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One minute of the composite index: the document in {@code sanliu-composite-index} (id: the
 * minute's start).
 *
 * @param minuteStart the minute published (the trailing hour ends with it)
 * @param minuteEnd its end
 * @param composite the weighted sum of the sub-indices; 100 = the base period
 * @param components each sub-index with the level and sample behind it
 */
public record CompositeIndexPoint(
    Instant minuteStart, Instant minuteEnd, double composite, Map<SubIndex, Component> components) {

  public CompositeIndexPoint {
    components = Map.copyOf(components);
  }

  /** The document in {@code sanliu-composite-index}: sub-indices under their field names. */
  public Document document() {
    Map<String, Component> m = new LinkedHashMap<>();
    for (SubIndex s : SubIndex.values()) {
      if (components.containsKey(s)) m.put(s.field(), components.get(s));
    }
    return new Document(minuteStart, minuteEnd, composite, m);
  }

  /**
   * The index document of a point.
   *
   * @param subIndices by field name ({@code tradeValue}, {@code volume}, ...), in order
   */
  public record Document(
      Instant minuteStart,
      Instant minuteEnd,
      double composite,
      Map<String, Component> subIndices) {}

  /**
   * @param index the sub-index (100 = base period)
   * @param level the component's measure over the trailing hour
   * @param sample the events the level rests on
   * @param base the level in the base period; null while there is none
   */
  public record Component(double index, double level, long sample, Double base) {}
}
