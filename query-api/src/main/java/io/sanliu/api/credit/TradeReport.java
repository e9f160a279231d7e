package io.sanliu.api.credit;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.ledger.CompositeBuckets;
import io.sanliu.api.ledger.LedgerFilter;
import io.sanliu.api.ledger.MonthRange;
import io.sanliu.model.Json;
import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.codes.Country;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.risk.AlertStatus;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trade credit report a bank can use for order financing (订单融资): an enterprise's verified
 * turnover by month, trade mode and market (summed in Elasticsearch from the verified trade
 * ledger), its match and release rates, grade and grade history (the credit job's profile and
 * history), and its alerts by rule, severity and review; every figure with its source. See
 * docs/credit.md.
 */
public final class TradeReport {
  /** History entries the report lists at most, newest first (the answer says how many exist). */
  static final int HISTORY = 200;

  static final List<String> TRADE_GROUPS = List.of("month", "tradeMode", "direction", "country");
  static final List<String> ALERT_GROUPS = List.of("ruleType", "severity");

  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;
  private final CompositeBuckets buckets;
  private final CreditProfiles profiles;
  private final Clock clock;

  public TradeReport(
      ElasticsearchAsyncClient client,
      ElasticCalls calls,
      CompositeBuckets buckets,
      CreditProfiles profiles,
      Clock clock) {
    this.client = client;
    this.calls = calls;
    this.buckets = buckets;
    this.profiles = profiles;
    this.clock = clock;
  }

  /** A money sum and its parcels, exact in cents. */
  static final class Sum {
    long parcels;
    long cents;

    void add(long parcels, long cents) {
      this.parcels += parcels;
      this.cents += cents;
    }
  }

  public Future<ObjectNode> of(LedgerFilter filter) {
    String code = filter.code();
    MonthRange range = filter.range();
    Future<List<CompositeBucket>> trade =
        buckets.all(
            filter.index(),
            filter.query(),
            TRADE_GROUPS,
            Map.of("turnover", Aggregation.of(a -> a.sum(s -> s.field("turnoverCents")))));
    Future<Optional<ObjectNode>> profile = profiles.current(code);
    Future<History> history = history(code, range);
    Future<List<CompositeBucket>> alerts =
        buckets.all(Indices.ALERTS, alertQuery(code, range), ALERT_GROUPS, Map.of());
    Future<List<CompositeBucket>> reviews =
        buckets.all(Indices.ALERT_STATUS, alertQuery(code, range), List.of("status"), Map.of());
    return Future.all(trade, profile, history, alerts, reviews)
        .map(
            all -> {
              ObjectNode out = Json.mapper().createObjectNode();
              out.put("code", code);
              out.put("from", range.from().toString());
              out.put("to", range.to().toString());
              out.put("timeZone", CebTime.CHINA.getId());
              out.put("generatedAt", clock.instant().toString());
              long parcels = turnover(out, range, trade.result());
              if (parcels == 0 && profile.result().isEmpty()) {
                throw ApiProblem.notFound(
                    "no verified trade of "
                        + code
                        + " from "
                        + range.from()
                        + " to "
                        + range.to()
                        + " and no credit profile: the platform has no evidence of this"
                        + " enterprise");
              }
              credit(out, profile.result().orElse(null), history.result());
              alertSummary(out, alerts.result(), reviews.result());
              sources(out, filter);
              return out;
            });
  }

  /** Verified turnover: total, by month (every month of the range), trade mode and market. */
  private static long turnover(ObjectNode out, MonthRange range, List<CompositeBucket> found) {
    Sum total = new Sum();
    Map<String, Sum> byMonth = new TreeMap<>();
    for (String m : range.months()) byMonth.put(m, new Sum());
    Map<String, Sum> byMode = new TreeMap<>();
    Map<String, Sum> byMarket = new TreeMap<>();
    for (CompositeBucket b : found) {
      long n = b.docCount();
      long cents = CompositeBuckets.sum(b, "turnover");
      total.add(n, cents);
      String month = CompositeBuckets.key(b, "month");
      byMonth.computeIfAbsent(month, k -> new Sum()).add(n, cents);
      String mode =
          Objects.toString(CompositeBuckets.key(b, "tradeMode"), "")
              + "|"
              + Objects.toString(CompositeBuckets.key(b, "direction"), "");
      byMode.computeIfAbsent(mode, k -> new Sum()).add(n, cents);
      byMarket
          .computeIfAbsent(Objects.toString(CompositeBuckets.key(b, "country"), ""), k -> new Sum())
          .add(n, cents);
    }
    ObjectNode t = out.putObject("verifiedTurnover");
    money(t, total);
    ArrayNode months = t.putArray("byMonth");
    byMonth.forEach((m, s) -> money(months.addObject().put("month", m), s));
    ArrayNode modes = t.putArray("byTradeMode");
    byMode.forEach(
        (k, s) -> {
          String[] parts = k.split("\\|", -1);
          ObjectNode row = modes.addObject();
          nullable(row, "tradeMode", parts[0]);
          nullable(row, "direction", parts[1]);
          money(row, s);
        });
    ArrayNode markets = t.putArray("byMarket");
    byMarket.entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, Sum> e) -> -e.getValue().cents))
        .forEach(
            e -> {
              ObjectNode row = markets.addObject();
              nullable(row, "country", e.getKey());
              Optional<Country> c = Country.find(e.getKey());
              row.put("nameZh", c.map(Country::nameZh).orElse(null));
              row.put("nameEn", c.map(Country::nameEn).orElse(null));
              money(row, e.getValue());
            });
    return total.parcels;
  }

  private static void money(ObjectNode o, Sum s) {
    o.put("parcels", s.parcels);
    o.put("turnoverCents", s.cents);
    o.put("turnoverCny", s.cents / 100.0);
  }

  private static void nullable(ObjectNode o, String name, String value) {
    if (value == null || value.isEmpty()) o.putNull(name);
    else o.put(name, value);
  }

  /** Match and release rates, grade and the history of score and grade within the range. */
  private static void credit(ObjectNode out, ObjectNode profile, History history) {
    ObjectNode rates = out.putObject("matchAndRelease");
    ObjectNode grade = out.putObject("credit");
    if (profile == null) {
      rates.put("available", false);
      grade.put("available", false);
    } else {
      rates.put("available", true);
      for (String f :
          List.of(
              "matchRate",
              "releaseRate",
              "inspectionRate",
              "returnRate",
              "parcelsMatched",
              "parcelsFailed",
              "listsReleased",
              "listsInspected",
              "listsReturned",
              "asOf")) {
        copy(profile, rates, f);
      }
      grade.put("available", true);
      for (String f :
          List.of(
              "grade",
              "gradeNameZh",
              "score",
              "gradeSince",
              "previousGrade",
              "cause",
              "inspectionRateSuggested",
              "negativeListed",
              "asOf")) {
        copy(profile, grade, f);
      }
    }
    ObjectNode h = out.putObject("gradeHistory");
    h.put("total", history.total());
    h.put("listed", history.entries().size());
    ArrayNode entries = h.putArray("entries");
    ArrayNode changes = h.putArray("gradeChanges");
    String later = null;
    JsonNode laterEntry = null;
    // Newest first: a change is where an entry's grade differs from the next older one's.
    for (ObjectNode e : history.entries()) {
      ObjectNode row = entries.addObject();
      for (String f : List.of("revision", "asOf", "score", "grade", "cause")) copy(e, row, f);
      String g = e.path("grade").asText(null);
      if (laterEntry != null && g != null && !g.equals(later)) {
        ObjectNode c = changes.addObject();
        c.put("from", g);
        c.put("to", later);
        copy(laterEntry, c, "asOf");
        copy(laterEntry, c, "revision");
        copy(laterEntry, c, "cause");
      }
      later = g;
      laterEntry = e;
    }
  }

  private static void copy(JsonNode from, ObjectNode to, String field) {
    JsonNode v = from.get(field);
    if (v != null) to.set(field, v);
  }

  /** Alerts by rule and severity, and how they were reviewed. */
  private static void alertSummary(
      ObjectNode out, List<CompositeBucket> alerts, List<CompositeBucket> reviews) {
    ObjectNode a = out.putObject("alerts");
    long total = 0;
    Map<String, Long> byRule = new TreeMap<>();
    Map<String, Long> bySeverity = new TreeMap<>();
    ArrayNode both = Json.mapper().createArrayNode();
    for (CompositeBucket b : alerts) {
      String rule = Objects.toString(CompositeBuckets.key(b, "ruleType"), "");
      String severity = Objects.toString(CompositeBuckets.key(b, "severity"), "");
      total += b.docCount();
      byRule.merge(rule, b.docCount(), Long::sum);
      bySeverity.merge(severity, b.docCount(), Long::sum);
      ObjectNode row = both.addObject();
      nullable(row, "ruleType", rule);
      nullable(row, "severity", severity);
      row.put("count", b.docCount());
    }
    a.put("total", total);
    counts(a.putArray("byRule"), "ruleType", byRule);
    counts(a.putArray("bySeverity"), "severity", bySeverity);
    a.set("byRuleAndSeverity", both);
    ObjectNode review = a.putObject("reviews");
    long reviewed = 0;
    for (AlertStatus s : AlertStatus.values()) {
      if (s != AlertStatus.OPEN) review.put(s.name(), 0L);
    }
    for (CompositeBucket b : reviews) {
      String status = CompositeBuckets.key(b, "status");
      if (status == null || AlertStatus.OPEN.name().equals(status)) continue;
      review.put(status, review.path(status).asLong() + b.docCount());
      reviewed += b.docCount();
    }
    // Alerts nobody has acted on have no status document (or one saying OPEN).
    review.put("notReviewed", Math.max(0, total - reviewed));
  }

  private static void counts(ArrayNode rows, String name, Map<String, Long> counts) {
    counts.forEach(
        (k, n) -> {
          ObjectNode row = rows.addObject();
          nullable(row, name, k);
          row.put("count", n);
        });
  }

  private static void sources(ObjectNode out, LedgerFilter filter) {
    ArrayNode s = out.putArray("sources");
    source(
        s,
        "verifiedTurnover",
        filter.index(),
        filter.describe(),
        "sum(turnoverCents) and count by month, tradeMode, direction, country (composite"
            + " aggregation, every page)");
    source(
        s,
        "matchAndRelease, credit",
        Indices.CREDIT,
        "code = " + filter.code(),
        "the credit job's current profile (rates of decayed counts, half-life"
            + " SANLIU_CREDIT_HALF_LIFE, as of asOf)");
    source(
        s,
        "gradeHistory",
        Indices.CREDIT_HISTORY,
        "code = "
            + filter.code()
            + " AND asOf >= "
            + filter.range().start()
            + " AND asOf < "
            + filter.range().end(),
        "newest " + HISTORY + " revisions by revision");
    String alertFilter =
        "enterpriseCode = "
            + filter.code()
            + " AND eventTime >= "
            + filter.range().start()
            + " AND eventTime < "
            + filter.range().end()
            + " AND NOT shadow";
    source(
        s,
        "alerts.total, byRule, bySeverity, byRuleAndSeverity",
        Indices.ALERTS,
        alertFilter,
        "count by ruleType, severity (composite aggregation, every page)");
    source(
        s,
        "alerts.reviews",
        Indices.ALERT_STATUS,
        alertFilter,
        "count by status (composite aggregation); notReviewed = total minus the reviewed");
  }

  private static void source(
      ArrayNode sources, String figures, String index, String filter, String how) {
    ObjectNode o = sources.addObject();
    o.put("figures", figures);
    o.put("index", index);
    o.put("filter", filter);
    o.put("aggregation", how);
  }

  private static Query alertQuery(String code, MonthRange range) {
    Query inRange = range.of("enterpriseCode", code, "eventTime");
    return Query.of(
        q ->
            q.bool(
                b -> b.filter(inRange).mustNot(m -> m.term(t -> t.field("shadow").value(true)))));
  }

  record History(List<ObjectNode> entries, long total) {}

  private Future<History> history(String code, MonthRange range) {
    return calls
        .call(
            Indices.CREDIT_HISTORY + ".report",
            () ->
                client.search(
                    s ->
                        s.index(Indices.CREDIT_HISTORY)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(HISTORY)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(range.of("code", code, "asOf"))
                            .sort(o -> o.field(f -> f.field("revision").order(SortOrder.Desc))),
                    ObjectNode.class))
        .map(
            r -> {
              List<ObjectNode> entries = new ArrayList<>();
              for (Hit<ObjectNode> h : r.hits().hits()) {
                if (h.source() != null) entries.add(h.source());
              }
              return new History(entries, r.hits().total() == null ? 0 : r.hits().total().value());
            });
  }
}
