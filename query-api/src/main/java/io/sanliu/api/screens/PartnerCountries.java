package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.codes.Country;
import io.sanliu.model.elastic.Indices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The map of trade partners: value and orders per partner country and direction over a period,
 * summed exactly from the country slices of its windows. Each country carries its Chinese and
 * English names and ISO code for the map's regions; a code the table lacks (and {@code UNKNOWN})
 * comes without them.
 */
public final class PartnerCountries {
  /** More than there are countries. */
  static final int MAX_COUNTRIES = 300;

  record Request(Caliber caliber, String direction, Instant from, Instant to) {}

  private final ElasticsearchAsyncClient client;

  public PartnerCountries(ElasticsearchAsyncClient client) {
    this.client = client;
  }

  CompletableFuture<ObjectNode> find(Request r) {
    WindowCover cover = WindowCover.of(r.from(), r.to());
    List<Query> filters = new ArrayList<>();
    filters.add(TradeRanking.term("caliber", r.caliber().name()));
    filters.add(TradeRanking.term("dimension", "COUNTRY"));
    if (r.direction() != null) filters.add(TradeRanking.term("direction", r.direction()));
    filters.add(cover.query());
    return client
        .search(
            s ->
                s.index(Indices.TRADE_STATS)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(0)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .aggregations(
                        "country",
                        a ->
                            a.terms(t -> t.field("key").size(MAX_COUNTRIES))
                                .aggregations(
                                    "direction",
                                    Aggregation.of(
                                        d ->
                                            d.terms(t -> t.field("direction").size(2))
                                                .aggregations(TradeMeasures.sums())))),
            Void.class)
        .thenApply(
            response -> {
              List<ObjectNode> rows = new ArrayList<>();
              var countries = response.aggregations().get("country");
              if (countries != null) {
                for (StringTermsBucket cb : countries.sterms().buckets().array()) {
                  String code = cb.key().stringValue();
                  for (StringTermsBucket db :
                      cb.aggregations().get("direction").sterms().buckets().array()) {
                    ObjectNode row = Json.mapper().createObjectNode();
                    row.put("country", code);
                    Country.find(code)
                        .ifPresent(
                            c ->
                                row.put("nameZh", c.nameZh())
                                    .put("nameEn", c.nameEn())
                                    .put("iso2", c.iso2()));
                    row.put("direction", db.key().stringValue());
                    row.setAll(TradeMeasures.of(db.aggregations()).json());
                    rows.add(row);
                  }
                }
              }
              rows.sort(
                  Comparator.<ObjectNode>comparingLong(n -> -n.get("valueCents").asLong())
                      .thenComparing(n -> n.get("country").asText())
                      .thenComparing(n -> n.get("direction").asText()));
              ObjectNode out = Json.mapper().createObjectNode();
              out.put("caliber", r.caliber().name());
              if (r.direction() != null) out.put("direction", r.direction());
              out.put("from", r.from().toString());
              out.put("to", r.to().toString());
              ArrayNode items = out.putArray("countries");
              rows.forEach(items::add);
              return out;
            });
  }
}
