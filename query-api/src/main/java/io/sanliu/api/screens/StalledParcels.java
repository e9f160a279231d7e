package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.Params;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Parcels the logistics job marks stalled ({@code sanliu-shipments}, {@code stalled: true}), the
 * most recently stalled first (ties by waybill), paged with {@code search_after}: a cursor holds
 * the last parcel's sort values and the filters it belongs to. No personal data: the shipments
 * index holds none.
 */
public final class StalledParcels {
  private static final List<String> FIELDS =
      List.of(
          "waybillKey",
          "logisticsCode",
          "logisticsNo",
          "ebpCode",
          "orderNo",
          "tradeMode",
          "direction",
          "partnerCountry",
          "route",
          "transportMode",
          "state",
          "stateZh",
          "stateSince",
          "stalledSince",
          "stallLimitMinutes",
          "lastEventAt",
          "lastStatus",
          "lastLocation",
          "eta");

  /** Filters (each null when not asked), page size and the cursor, if any. */
  record Request(
      String route,
      String transportMode,
      String carrier,
      String direction,
      int size,
      String cursor) {
    Map<String, String> filters() {
      Map<String, String> m = new TreeMap<>();
      if (route != null) m.put("route", route);
      if (transportMode != null) m.put("transportMode", transportMode);
      if (carrier != null) m.put("logisticsCode", carrier);
      if (direction != null) m.put("direction", direction);
      return m;
    }
  }

  private final ElasticsearchAsyncClient client;

  public StalledParcels(ElasticsearchAsyncClient client) {
    this.client = client;
  }

  CompletableFuture<ObjectNode> find(Request r) {
    String fingerprint = r.filters().toString();
    List<FieldValue> after = r.cursor() == null ? null : decode(r.cursor(), fingerprint);
    List<Query> filters = new ArrayList<>();
    filters.add(Query.of(q -> q.term(t -> t.field("stalled").value(true))));
    r.filters().forEach((field, value) -> filters.add(TradeRanking.term(field, value)));
    return client
        .search(
            s -> {
              s.index(Indices.SHIPMENTS)
                  .ignoreUnavailable(true)
                  .allowNoIndices(true)
                  .size(r.size())
                  .trackTotalHits(t -> t.enabled(after == null))
                  .source(src -> src.filter(f -> f.includes(FIELDS)))
                  .query(q -> q.bool(b -> b.filter(filters)))
                  .sort(o -> o.field(f -> f.field("stalledSince").order(SortOrder.Desc)))
                  .sort(o -> o.field(f -> f.field("waybillKey").order(SortOrder.Asc)));
              if (after != null) s.searchAfter(after);
              return s;
            },
            ObjectNode.class)
        .thenApply(
            response -> {
              ObjectNode out = Json.mapper().createObjectNode();
              ArrayNode items = out.putArray("items");
              List<FieldValue> last = null;
              for (var hit : response.hits().hits()) {
                items.add(hit.source());
                last = hit.sort();
              }
              out.put("size", r.size());
              boolean more = items.size() == r.size() && last != null;
              if (more) out.put("next", encode(last, fingerprint));
              else out.putNull("next");
              if (after == null && response.hits().total() != null) {
                out.put("total", response.hits().total().value());
              }
              return out;
            });
  }

  private static String encode(List<FieldValue> sort, String fingerprint) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("s", sort.get(0).longValue());
    json.put("w", sort.get(1).stringValue());
    json.put("f", fingerprint);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static List<FieldValue> decode(String cursor, String fingerprint) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(Base64.getUrlDecoder().decode(cursor));
    } catch (Exception e) {
      throw Params.invalid("cursor", "is not a cursor this API issued");
    }
    if (json == null
        || !json.path("s").isIntegralNumber()
        || !json.path("w").isTextual()
        || !json.path("f").isTextual()) {
      throw Params.invalid("cursor", "is not a cursor this API issued");
    }
    if (!json.get("f").asText().equals(fingerprint)) {
      throw Params.invalid(
          "cursor", "belongs to a list with other filters; start again without it");
    }
    return List.of(FieldValue.of(json.get("s").longValue()), FieldValue.of(json.get("w").asText()));
  }
}
