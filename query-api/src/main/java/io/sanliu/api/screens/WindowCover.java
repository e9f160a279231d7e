package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A period {@code [from, to)} tiled with the fewest stored windows: whole zone days, then whole
 * hours at its edges, then minutes. Summing the windows of the tiling gives the period's totals
 * exactly (orders, parcels, cents add), reading a few dozen documents instead of every minute.
 * Windows fire once closed, so the tiling of a period ending now reads what is final so far.
 *
 * @param spans each: the windows of one size whose start is in {@code [firstStart, endStart)}
 */
record WindowCover(Instant from, Instant to, List<Span> spans) {

  record Span(StatsWindow size, Instant firstStart, Instant endStart) {}

  /**
   * @param from a whole minute
   * @param to a whole minute, not before {@code from}
   */
  static WindowCover of(Instant from, Instant to) {
    if (!StatsWindow.MINUTE.aligned(from) || !StatsWindow.MINUTE.aligned(to)) {
      throw new IllegalArgumentException("a cover runs from whole minute to whole minute");
    }
    List<Span> spans = new ArrayList<>();
    tile(from, to, StatsWindow.DAY, spans);
    return new WindowCover(from, to, List.copyOf(spans));
  }

  private static void tile(Instant from, Instant to, StatsWindow size, List<Span> out) {
    if (!from.isBefore(to)) return;
    Instant first = size.ceil(from);
    Instant end = size.floor(to);
    if (size == StatsWindow.MINUTE || first.isBefore(end)) {
      StatsWindow smaller =
          size == StatsWindow.MINUTE ? null : StatsWindow.values()[size.ordinal() - 1];
      if (smaller != null) tile(from, first, smaller, out);
      out.add(new Span(size, first, end));
      if (smaller != null) tile(end, to, smaller, out);
    } else {
      tile(from, to, StatsWindow.values()[size.ordinal() - 1], out);
    }
  }

  /** Matches the documents of the tiling's windows ({@code windowSize}, {@code windowStart}). */
  Query query() {
    if (spans.isEmpty()) return Query.of(q -> q.matchNone(m -> m));
    List<Query> should = new ArrayList<>();
    for (Span s : spans) {
      Query size = Query.of(q -> q.term(t -> t.field("windowSize").value(s.size().label())));
      Query start =
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.untyped(
                              u ->
                                  u.field("windowStart")
                                      .gte(JsonData.of(s.firstStart().toString()))
                                      .lt(JsonData.of(s.endStart().toString())))));
      should.add(Query.of(q -> q.bool(b -> b.filter(size).filter(start))));
    }
    return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
  }
}
