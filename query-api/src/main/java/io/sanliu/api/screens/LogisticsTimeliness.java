package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.logistics.ShipmentState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The timeliness panel: how long parcels usually spend in each stage, from the logistics job's
 * running statistics ({@code sanliu-logistics-stages}). Without a route, transport mode or carrier,
 * each stage overall; with any of them, the stage keys that match (a key is stage, route, mode and
 * carrier at once: durations of different keys are distributions and are not merged here). Stages
 * in the order of a journey, then by count.
 */
public final class LogisticsTimeliness {
  static final int MAX_KEYS = 1_000;

  /** Filters; each null when not asked. */
  record Request(String route, String transportMode, String carrier, ShipmentState stage) {
    boolean overall() {
      return route == null && transportMode == null && carrier == null;
    }
  }

  private static final List<String> FIELDS =
      List.of(
          "key",
          "stage",
          "stageZh",
          "route",
          "transportMode",
          "carrier",
          "count",
          "meanMinutes",
          "p50Minutes",
          "p90Minutes",
          "minMinutes",
          "maxMinutes",
          "usualNext",
          "updatedAt");

  private final ElasticsearchAsyncClient client;

  public LogisticsTimeliness(ElasticsearchAsyncClient client) {
    this.client = client;
  }

  CompletableFuture<ObjectNode> find(Request r) {
    List<Query> filters = new ArrayList<>();
    filters.add(Query.of(q -> q.term(t -> t.field("overall").value(r.overall()))));
    if (r.route() != null) filters.add(TradeRanking.term("route", r.route()));
    if (r.transportMode() != null) {
      filters.add(TradeRanking.term("transportMode", r.transportMode()));
    }
    if (r.carrier() != null) filters.add(TradeRanking.term("carrier", r.carrier()));
    if (r.stage() != null) filters.add(TradeRanking.term("stage", r.stage().name()));
    return client
        .search(
            s ->
                s.index(Indices.LOGISTICS_STAGES)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(MAX_KEYS + 1)
                    .source(src -> src.filter(f -> f.includes(FIELDS)))
                    .query(q -> q.bool(b -> b.filter(filters))),
            ObjectNode.class)
        .thenApply(
            response -> {
              List<JsonNode> rows = new ArrayList<>();
              response.hits().hits().forEach(h -> rows.add(h.source()));
              boolean truncated = rows.size() > MAX_KEYS;
              rows.sort(
                  Comparator.<JsonNode>comparingInt(d -> stageOrder(d.path("stage").asText()))
                      .thenComparing(d -> -d.path("count").asLong())
                      .thenComparing(d -> d.path("key").asText()));
              ObjectNode out = Json.mapper().createObjectNode();
              ObjectNode f = out.putObject("filters");
              for (var e :
                  Map.of(
                          "route", String.valueOf(r.route()),
                          "transportMode", String.valueOf(r.transportMode()),
                          "carrier", String.valueOf(r.carrier()),
                          "stage", String.valueOf(r.stage()))
                      .entrySet()) {
                if (!e.getValue().equals("null")) f.put(e.getKey(), e.getValue());
              }
              out.put("overall", r.overall());
              ArrayNode stages = out.putArray("stages");
              rows.stream().limit(MAX_KEYS).forEach(stages::add);
              out.put("truncated", truncated);
              return out;
            });
  }

  private static int stageOrder(String stage) {
    try {
      return ShipmentState.valueOf(stage).ordinal();
    } catch (IllegalArgumentException e) {
      return Integer.MAX_VALUE;
    }
  }
}
