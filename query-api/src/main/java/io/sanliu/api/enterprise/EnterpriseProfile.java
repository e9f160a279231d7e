package io.sanliu.api.enterprise;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.auth.Role;
import io.sanliu.api.credit.CreditProfiles;
import io.sanliu.api.credit.CreditView;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.risk.AlertStatus;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An enterprise's profile over a period: its filings (enterprise and goods, from the document
 * archive), its trade (the daily statistics of its enterprise and platform slices, both calibers;
 * archived new orders by direction and trade mode), and its live alerts by rule and severity with
 * their review outcomes, and its credit (grade, score and cause from {@code sanliu-credit}; the
 * public view for viewers).
 */
final class EnterpriseProfile {
  static final int MAX_FILINGS = 200;
  static final int MAX_RULES = 200;

  /** Trade-statistics slices that name one enterprise: as the e-commerce firm or the platform. */
  static final List<String> SLICES = List.of("ENTERPRISE", "PLATFORM");

  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;
  private final CreditProfiles credit;

  EnterpriseProfile(ElasticsearchAsyncClient client, ElasticCalls calls) {
    this.client = client;
    this.calls = calls;
    this.credit = new CreditProfiles(client, calls);
  }

  /** The profile, or empty when nothing in the platform names the enterprise. */
  Future<Optional<ObjectNode>> find(String code, Instant from, Instant to, Role role) {
    Future<List<ObjectNode>> filings = filings(code);
    Future<ArrayNode> trade = trade(code, from, to);
    Future<ArrayNode> modes = ordersByMode(code, from, to);
    Future<Map<String, Map<String, Map<String, Long>>>> alerts = alerts(code, from, to);
    Future<Map<String, Map<String, Long>>> reviews = reviews(code, from, to);
    Future<Optional<ObjectNode>> grade = credit.current(code);
    return Future.all(List.of(filings, trade, modes, alerts, reviews, grade))
        .map(
            all -> {
              if (filings.result().isEmpty()
                  && trade.result().isEmpty()
                  && modes.result().isEmpty()
                  && alerts.result().isEmpty()
                  && grade.result().isEmpty()) {
                return Optional.empty();
              }
              ObjectNode out = Json.mapper().createObjectNode();
              out.put("enterpriseCode", code);
              out.put("from", from.toString());
              out.put("to", to.toString());
              ObjectNode f = out.putObject("filings");
              ArrayNode enterprise = f.putArray("enterprise");
              ArrayNode goods = f.putArray("goods");
              for (ObjectNode d : filings.result()) {
                ObjectNode filing = (ObjectNode) d.get("body");
                filing.put("documentId", d.path("id").asText());
                filing.put("sender", d.path("sender").asText());
                ("ENTERPRISE_FILING".equals(d.path("type").asText()) ? enterprise : goods)
                    .add(filing);
              }
              ObjectNode t = out.putObject("trade");
              t.set("byCaliber", trade.result());
              t.set("ordersByMode", modes.result());
              out.set("alerts", alertSummary(alerts.result(), reviews.result()));
              if (grade.result().isPresent()) {
                out.set("credit", CreditView.summary(grade.result().get(), role));
              } else {
                out.putNull("credit");
                out.put(
                    "creditNote", "no credit profile yet: the credit job has no evidence of it");
              }
              return Optional.of(out);
            });
  }

  private Future<List<ObjectNode>> filings(String code) {
    Query query =
        bool(
            term("enterpriseCode", code),
            terms("type", List.of("ENTERPRISE_FILING", "GOODS_FILING")));
    return calls
        .call(
            Indices.DOCUMENTS + ".search",
            () ->
                client.search(
                    s ->
                        s.index(Indices.DOCUMENTS)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(MAX_FILINGS)
                            .query(query)
                            .sort(o -> o.field(x -> x.field("documentTime").order(SortOrder.Desc))),
                    ObjectNode.class))
        .map(r -> r.hits().hits().stream().map(h -> h.source()).toList());
  }

  /**
   * Sums of the daily windows that start in the period, per caliber, slice and direction, from one
   * aggregation (the day documents of a slice are final once their window closed, or overwritten in
   * place by a late update: summing them counts each document once).
   */
  private Future<ArrayNode> trade(String code, Instant from, Instant to) {
    Query query =
        bool(
            term("windowSize", "1d"),
            terms("dimension", SLICES),
            term("key", code),
            range("windowStart", from, to));
    return aggregate(
            Indices.TRADE_STATS,
            query,
            "caliber",
            a ->
                a.terms(t -> t.field("caliber").size(4))
                    .aggregations(
                        "dimension",
                        d ->
                            d.terms(t -> t.field("dimension").size(4))
                                .aggregations(
                                    "direction",
                                    r ->
                                        r.terms(t -> t.field("direction").size(4))
                                            .aggregations(
                                                "orders", s -> s.sum(x -> x.field("orders")))
                                            .aggregations(
                                                "parcels", s -> s.sum(x -> x.field("parcels")))
                                            .aggregations(
                                                "valueCents",
                                                s -> s.sum(x -> x.field("valueCents")))
                                            .aggregations(
                                                "days",
                                                s -> s.valueCount(x -> x.field("windowStart"))))))
        .map(
            caliber -> {
              ArrayNode rows = Json.mapper().createArrayNode();
              if (caliber == null) return rows;
              for (StringTermsBucket c : caliber.sterms().buckets().array()) {
                for (StringTermsBucket d :
                    c.aggregations().get("dimension").sterms().buckets().array()) {
                  for (StringTermsBucket r :
                      d.aggregations().get("direction").sterms().buckets().array()) {
                    long cents = sum(r, "valueCents");
                    ObjectNode row = rows.addObject();
                    row.put("caliber", c.key().stringValue());
                    row.put("as", d.key().stringValue());
                    row.put("direction", r.key().stringValue());
                    row.put("orders", sum(r, "orders"));
                    row.put("parcels", sum(r, "parcels"));
                    row.put("valueCents", cents);
                    row.put("valueCny", BigDecimal.valueOf(cents, 2));
                    row.put("days", (long) r.aggregations().get("days").valueCount().value());
                  }
                }
              }
              return rows;
            });
  }

  /**
   * New orders archived in the period by direction and trade mode. The statistics slice by one
   * dimension at a time (an enterprise's mode split is not materialised), so this counts the
   * archived documents: order records (a record sent twice under two guids counts twice), not
   * priced in yuan.
   */
  private Future<ArrayNode> ordersByMode(String code, Instant from, Instant to) {
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(term("type", "ORDER"))
                            .filter(term("appType", "1"))
                            .filter(range("documentTime", from, to))
                            .should(term("enterpriseCode", code))
                            .should(term("ebpCode", code))
                            .minimumShouldMatch("1")));
    return aggregate(
            Indices.DOCUMENTS,
            query,
            "direction",
            a ->
                a.terms(t -> t.field("direction").size(4).missing("UNKNOWN"))
                    .aggregations(
                        "mode", m -> m.terms(t -> t.field("tradeMode").size(8).missing("UNKNOWN"))))
        .map(
            direction -> {
              ArrayNode rows = Json.mapper().createArrayNode();
              if (direction == null) return rows;
              for (StringTermsBucket d : direction.sterms().buckets().array()) {
                for (StringTermsBucket m :
                    d.aggregations().get("mode").sterms().buckets().array()) {
                  ObjectNode row = rows.addObject();
                  row.put("direction", d.key().stringValue());
                  row.put("tradeMode", m.key().stringValue());
                  row.put("orders", m.docCount());
                }
              }
              return rows;
            });
  }

  /** The enterprise's live (not shadow) alerts detected in the period; both indices carry these. */
  private static Query liveAlertsOf(String code, Instant from, Instant to) {
    return bool(
        term("enterpriseCode", code),
        Query.of(q -> q.term(t -> t.field("shadow").value(false))),
        range("detectedAt", from, to));
  }

  /** Live alerts detected in the period: rule → severity → count. */
  private Future<Map<String, Map<String, Map<String, Long>>>> alerts(
      String code, Instant from, Instant to) {
    Query query = liveAlertsOf(code, from, to);
    return aggregate(
            Indices.ALERTS,
            query,
            "rule",
            a ->
                a.terms(t -> t.field("ruleId").size(MAX_RULES))
                    .aggregations("type", ty -> ty.terms(t -> t.field("ruleType").size(1)))
                    .aggregations("severity", s -> s.terms(t -> t.field("severity").size(8))))
        .map(
            rules -> {
              Map<String, Map<String, Map<String, Long>>> out = new TreeMap<>();
              if (rules == null) return out;
              for (StringTermsBucket r : rules.sterms().buckets().array()) {
                Map<String, Map<String, Long>> rule = new TreeMap<>();
                rule.put("type", counts(r.aggregations().get("type")));
                rule.put("severity", counts(r.aggregations().get("severity")));
                out.put(r.key().stringValue(), rule);
              }
              return out;
            });
  }

  /** Review states of those alerts (the review index copies enterprise, rule and times). */
  private Future<Map<String, Map<String, Long>>> reviews(String code, Instant from, Instant to) {
    Query query = liveAlertsOf(code, from, to);
    return aggregate(
            Indices.ALERT_STATUS,
            query,
            "rule",
            a ->
                a.terms(t -> t.field("ruleId").size(MAX_RULES))
                    .aggregations("status", s -> s.terms(t -> t.field("status").size(4))))
        .map(
            rules -> {
              Map<String, Map<String, Long>> out = new TreeMap<>();
              if (rules == null) return out;
              for (StringTermsBucket r : rules.sterms().buckets().array()) {
                out.put(r.key().stringValue(), counts(r.aggregations().get("status")));
              }
              return out;
            });
  }

  private static ObjectNode alertSummary(
      Map<String, Map<String, Map<String, Long>>> alerts, Map<String, Map<String, Long>> reviews) {
    ObjectNode out = Json.mapper().createObjectNode();
    Map<String, Long> bySeverity = new TreeMap<>();
    Map<String, Long> byStatus = new TreeMap<>();
    long total = 0;
    ArrayNode rules = Json.mapper().createArrayNode();
    for (var e : alerts.entrySet()) {
      Map<String, Long> severities = e.getValue().get("severity");
      long count = severities.values().stream().mapToLong(Long::longValue).sum();
      total += count;
      severities.forEach((k, v) -> bySeverity.merge(k, v, Long::sum));
      Map<String, Long> statuses = new TreeMap<>(reviews.getOrDefault(e.getKey(), Map.of()));
      long reviewed = statuses.values().stream().mapToLong(Long::longValue).sum();
      statuses.put(AlertStatus.OPEN.name(), count - reviewed);
      statuses.forEach((k, v) -> byStatus.merge(k, v, Long::sum));
      long tp = statuses.getOrDefault(AlertStatus.CLOSED_TRUE_POSITIVE.name(), 0L);
      long fp = statuses.getOrDefault(AlertStatus.CLOSED_FALSE_POSITIVE.name(), 0L);
      ObjectNode rule = rules.addObject();
      rule.put("ruleId", e.getKey());
      rule.put("ruleType", e.getValue().get("type").keySet().stream().findFirst().orElse(null));
      rule.put("alerts", count);
      rule.putPOJO("bySeverity", severities);
      rule.putPOJO("byStatus", statuses);
      if (tp + fp == 0) rule.putNull("precision");
      else rule.put("precision", (double) tp / (tp + fp));
    }
    out.put("total", total);
    out.putPOJO("bySeverity", bySeverity);
    out.putPOJO("byStatus", byStatus);
    out.set("byRule", rules);
    return out;
  }

  private Future<Aggregate> aggregate(
      String index,
      Query query,
      String name,
      Function<
              co.elastic.clients.elasticsearch._types.aggregations.Aggregation.Builder,
              co.elastic.clients.util.ObjectBuilder<
                  co.elastic.clients.elasticsearch._types.aggregations.Aggregation>>
          aggregation) {
    return calls
        .call(
            index + ".aggregate",
            () ->
                client.search(
                    s ->
                        s.index(index)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(0)
                            .query(query)
                            .aggregations(name, aggregation),
                    Void.class))
        .map(r -> r.aggregations().get(name));
  }

  private static Map<String, Long> counts(Aggregate terms) {
    Map<String, Long> out = new TreeMap<>();
    for (StringTermsBucket b : terms.sterms().buckets().array()) {
      out.put(b.key().stringValue(), b.docCount());
    }
    return out;
  }

  private static long sum(StringTermsBucket bucket, String name) {
    return Math.round(bucket.aggregations().get(name).sum().value());
  }

  private static Query bool(Query... filters) {
    return Query.of(q -> q.bool(b -> b.filter(List.of(filters))));
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  private static Query terms(String field, List<String> values) {
    return Query.of(
        q ->
            q.terms(
                t ->
                    t.field(field)
                        .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
  }

  private static Query range(String field, Instant from, Instant to) {
    return Query.of(
        q -> q.range(r -> r.date(d -> d.field(field).gte(from.toString()).lt(to.toString()))));
  }
}
