package io.sanliu.api.stats;

import io.sanliu.api.ApiProblem;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.Reply;
import io.sanliu.api.auth.Role;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The statistics the screens poll: {@code GET /api/v1/stats/orders-per-mode}. */
public final class StatsRoutes {
  private static final Set<String> PARAMS = Set.of("from", "to", "tradeMode");

  private final OrdersPerModeQuery ordersPerMode;
  private final ElasticCalls elastic;

  public StatsRoutes(OrdersPerModeQuery ordersPerMode, ElasticCalls elastic) {
    this.ordersPerMode = ordersPerMode;
    this.elastic = elastic;
  }

  public void mount(Endpoints endpoints) {
    endpoints.securedCached(
        "/api/v1/stats/orders-per-mode",
        Role.ALL,
        Role.ALL,
        "read statistics",
        this::ordersPerMode);
  }

  /** {@code ?from=&to=} ISO-8601 instants (default: the last hour), optional {@code tradeMode}. */
  private Future<Reply> ordersPerMode(RoutingContext ctx) {
    Params params = Params.of(ctx, PARAMS);
    Instant to = params.instant("to");
    if (to == null) to = Instant.now();
    Instant from = params.instant("from");
    if (from == null) from = to.minus(Duration.ofHours(1));
    if (!from.isBefore(to)) throw ApiProblem.badRequest("from must be before to");
    if (Duration.between(from, to).compareTo(Duration.ofDays(1)) > 0) {
      throw ApiProblem.badRequest("at most one day per request (from " + from + " to " + to + ")");
    }
    Instant f = from;
    Instant t = to;
    return elastic
        .call("orders-per-mode", () -> ordersPerMode.find(f, t, params.text("tradeMode")))
        .map(
            windows -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("from", f.toString());
              out.put("to", t.toString());
              out.put("windows", windows);
              return Reply.ok(out);
            });
  }
}
