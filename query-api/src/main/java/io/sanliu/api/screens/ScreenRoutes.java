package io.sanliu.api.screens;

import io.sanliu.api.ApiProblem;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.Reply;
import io.sanliu.api.auth.Role;
import io.sanliu.model.logistics.ShipmentState;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The wall screen's panels (大屏): overview, series of the statistics and of the composite index,
 * rankings, the partner map, logistics timeliness and stalled parcels, risk by rule. Every route is
 * a GET for any role, cached a second or two for all of them, with its query parameters checked
 * strictly: an unknown name, a bad value, {@code from} not before {@code to} or a range too long
 * for the interval is a 400 naming the parameter. See docs/api.md.
 */
public final class ScreenRoutes {
  /** The longest period summed from windows (rankings, the map). */
  static final Duration MAX_PERIOD = Duration.ofDays(366);

  private static final Pattern ROUTE = Pattern.compile("[0-9]{3}>ZONE|ZONE>[0-9]{3}|UNKNOWN");
  private static final Pattern CARRIER = Pattern.compile("[0-9A-Za-z]{1,32}");

  private final Overview overview;
  private final TradeSeries series;
  private final CompositeSeries composite;
  private final TradeRanking ranking;
  private final PartnerCountries countries;
  private final LogisticsTimeliness timeliness;
  private final StalledParcels stalled;
  private final RiskByRule risk;
  private final ElasticCalls elastic;
  private final Clock clock;

  public ScreenRoutes(
      co.elastic.clients.elasticsearch.ElasticsearchAsyncClient client,
      Overview overview,
      ElasticCalls elastic,
      Clock clock) {
    this.overview = overview;
    this.series = new TradeSeries(client);
    this.composite = new CompositeSeries(client);
    this.ranking = new TradeRanking(client);
    this.countries = new PartnerCountries(client);
    this.timeliness = new LogisticsTimeliness(client);
    this.stalled = new StalledParcels(client);
    this.risk = new RiskByRule(client);
    this.elastic = elastic;
    this.clock = clock;
  }

  public void mount(Endpoints endpoints) {
    cached(endpoints, "/api/v1/stats/overview", this::overview);
    cached(endpoints, "/api/v1/stats/series", this::series);
    cached(endpoints, "/api/v1/stats/composite-index", this::composite);
    cached(endpoints, "/api/v1/stats/top", this::top);
    cached(endpoints, "/api/v1/stats/partner-countries", this::countries);
    cached(endpoints, "/api/v1/logistics/timeliness", this::timeliness);
    cached(endpoints, "/api/v1/logistics/stalled", this::stalled);
    cached(endpoints, "/api/v1/stats/risk-by-rule", this::risk);
  }

  private static void cached(Endpoints endpoints, String path, Endpoints.Endpoint endpoint) {
    endpoints.securedCached(path, Role.ALL, Role.ALL, "read statistics", endpoint);
  }

  /** {@code ?at=} (default now): the moment the overview is of. */
  private Future<Reply> overview(RoutingContext ctx) {
    Params params = Params.of(ctx, Set.of("at"));
    Instant at = params.instant("at");
    Instant when = at == null ? clock.instant() : at;
    return elastic.call("screen-overview", () -> overview.at(when)).map(Reply::ok);
  }

  private Future<Reply> series(RoutingContext ctx) {
    List<String> known = new ArrayList<>(List.of("measure", "interval", "from", "to", "caliber"));
    known.addAll(SliceFilter.paramNames());
    Params params = Params.of(ctx, Set.copyOf(known));
    String m = params.text("measure");
    if (m == null) throw Params.invalid("measure", "is required");
    TradeSeries.Measure measure = TradeSeries.Measure.of(m);
    StatsWindow interval = interval(params);
    Instant[] range = seriesRange(params, interval);
    List<Caliber> calibers = Caliber.list(params, "caliber", List.of(Caliber.values()));
    SliceFilter slice = SliceFilter.from(params);
    if (measure == TradeSeries.Measure.BUYERS && !slice.singleDocumentPerWindow()) {
      throw ApiProblem.badRequest(
              "measure buyers cannot add the two directions of a "
                  + slice.dimension()
                  + " slice (buyers are distinct counts): give direction")
          .with("invalidParams", List.of("measure", "direction"));
    }
    var request = new TradeSeries.Request(measure, interval, range[0], range[1], calibers, slice);
    return elastic.call("screen-series", () -> series.find(request)).map(Reply::ok);
  }

  private Future<Reply> composite(RoutingContext ctx) {
    Params params = Params.of(ctx, Set.of("interval", "from", "to", "subIndices"));
    StatsWindow interval = interval(params);
    Instant[] range = seriesRange(params, interval);
    List<String> subs = params.list("subIndices");
    for (String s : subs) {
      if (!CompositeSeries.SUB_INDICES.contains(s)) {
        throw Params.invalid(
            "subIndices",
            "must name sub-indices of " + CompositeSeries.SUB_INDICES + ", not '" + s + "'");
      }
    }
    if (subs.isEmpty()) subs = CompositeSeries.SUB_INDICES;
    var request = new CompositeSeries.Request(interval, range[0], range[1], List.copyOf(subs));
    return elastic.call("screen-composite", () -> composite.find(request)).map(Reply::ok);
  }

  private Future<Reply> top(RoutingContext ctx) {
    Params params =
        Params.of(ctx, Set.of("dimension", "direction", "caliber", "from", "to", "size"));
    String dimension = params.text("dimension");
    if (dimension == null) throw Params.invalid("dimension", "is required");
    List<String> dimensions = new ArrayList<>(TradeRanking.SUMMED);
    dimensions.add(TradeRanking.GOODS);
    if (!dimensions.contains(dimension)) {
      throw Params.invalid(
          "dimension", "must be one of " + dimensions + ", not '" + dimension + "'");
    }
    String direction = SliceFilter.direction(params);
    if (direction == null) {
      throw Params.invalid("direction", "is required: rankings are per direction (I or E)");
    }
    Caliber caliber = caliber(params);
    int size = params.integer("size", 10, 1, 100);
    Instant[] range;
    if (dimension.equals(TradeRanking.GOODS)) {
      // Goods are ranked per stored window only; by default the last whole hour.
      Instant hour = StatsWindow.HOUR.floor(clock.instant());
      range = period(params, hour.minus(Duration.ofHours(1)), hour);
      if (TradeRanking.storedWindow(range[0], range[1]) == null) {
        throw ApiProblem.badRequest(
                "goods are ranked per window only: from and to must be one minute, one hour or"
                    + " one zone day (Asia/Shanghai), e.g. from=2026-11-22T02:00:00Z"
                    + "&to=2026-11-22T03:00:00Z")
            .with("invalidParams", List.of("from", "to"));
      }
    } else {
      range = today(params);
    }
    var request = new TradeRanking.Request(dimension, direction, caliber, range[0], range[1], size);
    return elastic.call("screen-top", () -> ranking.find(request)).map(Reply::ok);
  }

  private Future<Reply> countries(RoutingContext ctx) {
    Params params = Params.of(ctx, Set.of("caliber", "direction", "from", "to"));
    Caliber caliber = caliber(params);
    String direction = SliceFilter.direction(params);
    Instant[] range = today(params);
    var request = new PartnerCountries.Request(caliber, direction, range[0], range[1]);
    return elastic.call("screen-countries", () -> countries.find(request)).map(Reply::ok);
  }

  /**
   * {@code from}/{@code to} whole minutes; by default the 24 hours up to the current minute's end.
   */
  private Future<Reply> risk(RoutingContext ctx) {
    Params params = Params.of(ctx, Set.of("from", "to"));
    Instant end = StatsWindow.MINUTE.floor(clock.instant()).plus(Duration.ofMinutes(1));
    Instant[] range = period(params, end.minus(Duration.ofHours(24)), end);
    var request = new RiskByRule.Request(range[0], range[1]);
    return elastic.call("screen-risk-by-rule", () -> risk.find(request)).map(Reply::ok);
  }

  private Future<Reply> timeliness(RoutingContext ctx) {
    Params params = Params.of(ctx, Set.of("route", "transportMode", "carrier", "stage"));
    String stage = params.text("stage");
    var request =
        new LogisticsTimeliness.Request(
            route(params),
            transportMode(params),
            carrier(params),
            stage == null ? null : Params.enumValue("stage", ShipmentState.class, stage));
    return elastic.call("screen-timeliness", () -> timeliness.find(request)).map(Reply::ok);
  }

  private Future<Reply> stalled(RoutingContext ctx) {
    Params params =
        Params.of(ctx, Set.of("route", "transportMode", "carrier", "direction", "size", "cursor"));
    var request =
        new StalledParcels.Request(
            route(params),
            transportMode(params),
            carrier(params),
            SliceFilter.direction(params),
            params.integer("size", 50, 1, 500),
            params.text("cursor"));
    return elastic.call("screen-stalled", () -> stalled.find(request)).map(Reply::ok);
  }

  private static StatsWindow interval(Params params) {
    String v = params.text("interval");
    return v == null ? StatsWindow.HOUR : StatsWindow.of("interval", v);
  }

  private static Caliber caliber(Params params) {
    String v = params.text("caliber");
    return v == null ? Caliber.CUSTOMS : Caliber.of("caliber", v);
  }

  /** A series' range: to (default now) minus the interval's default range, at most its maximum. */
  private Instant[] seriesRange(Params params, StatsWindow interval) {
    Instant to = params.instant("to");
    Instant from = params.instant("from");
    if (to == null) to = clock.instant();
    if (from == null) from = to.minus(interval.defaultRange());
    checkOrder(from, to);
    if (Duration.between(from, to).compareTo(interval.maxRange()) > 0) {
      throw ApiProblem.badRequest(
              "from "
                  + from
                  + " to "
                  + to
                  + " is longer than "
                  + interval.maxRange()
                  + ", the longest range at interval "
                  + interval.label()
                  + "; use a larger interval or a shorter range")
          .with("invalidParams", List.of("from", "to"));
    }
    return new Instant[] {from, to};
  }

  /** A period summed from windows; by default today (the zone day) to the last whole minute. */
  private Instant[] today(Params params) {
    Instant now = clock.instant();
    return period(params, StatsWindow.DAY.floor(now), StatsWindow.MINUTE.floor(now));
  }

  private static Instant[] period(Params params, Instant defaultFrom, Instant defaultTo) {
    Instant from = params.instant("from");
    Instant to = params.instant("to");
    wholeMinute("from", from);
    wholeMinute("to", to);
    if (from == null && to == null) return new Instant[] {defaultFrom, defaultTo};
    if (to == null) to = defaultTo;
    if (from == null) from = defaultFrom;
    checkOrder(from, to);
    if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
      throw ApiProblem.badRequest("from " + from + " to " + to + " is longer than " + MAX_PERIOD)
          .with("invalidParams", List.of("from", "to"));
    }
    return new Instant[] {from, to};
  }

  private static void wholeMinute(String name, Instant t) {
    if (t != null && !StatsWindow.MINUTE.aligned(t)) {
      throw Params.invalid(
          name, "must be a whole minute (the statistics' smallest window), not " + t);
    }
  }

  private static void checkOrder(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw ApiProblem.badRequest("from (" + from + ") must be before to (" + to + ")")
          .with("invalidParams", List.of("from", "to"));
    }
  }

  private static String route(Params params) {
    return matching(params, "route", ROUTE, "116>ZONE, ZONE>502 or UNKNOWN");
  }

  private static String carrier(Params params) {
    return matching(params, "carrier", CARRIER, "a logistics enterprise code");
  }

  private static String transportMode(Params params) {
    String v = params.text("transportMode");
    if (v == null) return null;
    try {
      return io.sanliu.model.codes.TransportMode.fromName(v).name();
    } catch (IllegalArgumentException e) {
      throw Params.invalid("transportMode", "must be AIR, RAIL, SEA or ROAD, not '" + v + "'");
    }
  }

  private static String matching(Params params, String name, Pattern form, String like) {
    String v = params.text(name);
    if (v != null && !form.matcher(v).matches()) {
      throw Params.invalid(name, "must be " + like + ", not '" + v + "'");
    }
    return v;
  }
}
