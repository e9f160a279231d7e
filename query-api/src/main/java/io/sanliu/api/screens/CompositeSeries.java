package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The composite index (综合指数) and its sub-indices over a range. Every point of the index is a
 * trailing hour, published per minute; at an interval of an hour or a day a point is the interval's
 * last minute, the reading at the interval's end, not an average of readings that overlap.
 */
public final class CompositeSeries {
  /** The sub-indices, in the order of docs/composite-index.md. */
  static final List<String> SUB_INDICES =
      List.of("tradeValue", "volume", "activeEnterprises", "clearance", "logistics", "risk");

  record Request(StatsWindow interval, Instant from, Instant to, List<String> subIndices) {}

  private final ElasticsearchAsyncClient client;

  public CompositeSeries(ElasticsearchAsyncClient client) {
    this.client = client;
  }

  CompletableFuture<ObjectNode> find(Request r) {
    Query which;
    int size;
    if (r.interval() == StatsWindow.MINUTE) {
      which =
          Query.of(
              q ->
                  q.range(
                      g ->
                          g.untyped(
                              u ->
                                  u.field("minuteStart")
                                      .gte(JsonData.of(r.from().toString()))
                                      .lt(JsonData.of(r.to().toString())))));
      size = (int) java.time.Duration.between(r.from(), r.to()).toMinutes() + 1;
    } else {
      // The last minute of each whole interval that starts in [from, to).
      List<FieldValue> lastMinutes = new ArrayList<>();
      for (Instant start = r.interval().ceil(r.from());
          start.isBefore(r.to());
          start = start.plus(r.interval().length())) {
        Instant end = start.plus(r.interval().length());
        lastMinutes.add(FieldValue.of(end.minusSeconds(60).toString()));
      }
      which = Query.of(q -> q.terms(t -> t.field("minuteStart").terms(v -> v.value(lastMinutes))));
      size = lastMinutes.size() + 1;
    }
    List<String> fields = new ArrayList<>(List.of("minuteStart", "minuteEnd", "composite"));
    for (String s : r.subIndices()) fields.add("subIndices." + s);
    int n = size;
    return client
        .search(
            s ->
                s.index(Indices.COMPOSITE_INDEX)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(n)
                    .source(src -> src.filter(f -> f.includes(fields)))
                    .query(which)
                    .sort(o -> o.field(f -> f.field("minuteStart").order(SortOrder.Asc))),
            ObjectNode.class)
        .thenApply(
            response -> {
              ObjectNode out = Json.mapper().createObjectNode();
              out.put("interval", r.interval().label());
              out.put("from", r.from().toString());
              out.put("to", r.to().toString());
              out.set("subIndices", Json.mapper().valueToTree(r.subIndices()));
              ArrayNode points = out.putArray("points");
              for (var hit : response.hits().hits()) {
                JsonNode d = hit.source();
                Instant minute = Instant.parse(d.get("minuteStart").asText());
                ObjectNode p = points.addObject();
                Instant start = r.interval().floor(minute);
                p.put("windowStart", start.toString());
                p.put("windowEnd", start.plus(r.interval().length()).toString());
                p.put("minuteStart", d.get("minuteStart").asText());
                p.put("minuteEnd", d.get("minuteEnd").asText());
                p.set("composite", d.get("composite"));
                ObjectNode subs = p.putObject("subIndices");
                for (String s : r.subIndices()) {
                  JsonNode sub = d.path("subIndices").path(s);
                  if (!sub.isMissingNode()) subs.set(s, sub);
                }
              }
              return out;
            });
  }
}
