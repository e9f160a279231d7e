package io.sanliu.api;

import io.sanliu.api.stats.OrdersPerModeQuery;
import io.sanliu.elastic.ElasticClients;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The query API under {@code /api/v1} and the dashboards' static assets under {@code /}. */
public final class ApiServer implements AutoCloseable {
  private final Vertx vertx;
  private final Config config;
  private final ElasticClients elastic;
  private final OrdersPerModeQuery ordersPerMode;
  private HttpServer server;

  public ApiServer(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.config = config;
    this.elastic = ElasticClients.connect(config);
    this.ordersPerMode = new OrdersPerModeQuery(elastic.async());
  }

  public Future<HttpServer> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/api/v1/stats/orders-per-mode").handler(this::ordersPerMode);
    // The dashboards module ships its pages on the classpath under sanliu-dashboards/ (a name no
    // working directory has, since Vert.x looks in the working directory first).
    router.route("/*").handler(StaticHandler.create("sanliu-dashboards").setCachingEnabled(false));
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.getInt(ConfigKey.API_PORT), config.get(ConfigKey.API_HOST))
        .onSuccess(s -> this.server = s);
  }

  public int port() {
    return server.actualPort();
  }

  /** {@code ?from=&to=} ISO-8601 instants (default: the last hour), optional {@code tradeMode}. */
  private void ordersPerMode(RoutingContext ctx) {
    Instant to;
    Instant from;
    try {
      to = instantParam(ctx, "to", Instant.now());
      from = instantParam(ctx, "from", to.minus(Duration.ofHours(1)));
    } catch (IllegalArgumentException e) {
      problem(ctx, 400, e.getMessage());
      return;
    }
    if (!from.isBefore(to)) {
      problem(ctx, 400, "from must be before to");
      return;
    }
    if (Duration.between(from, to).compareTo(Duration.ofDays(1)) > 0) {
      problem(ctx, 400, "at most one day per request (from " + from + " to " + to + ")");
      return;
    }
    Future.fromCompletionStage(
            ordersPerMode.find(from, to, ctx.request().getParam("tradeMode")),
            ctx.vertx().getOrCreateContext())
        .onSuccess(
            windows ->
                ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end(
                        toJson(
                            Map.of(
                                "from", from.toString(), "to", to.toString(), "windows", windows))))
        .onFailure(e -> problem(ctx, 502, "search failed: " + e.getMessage()));
  }

  private static Instant instantParam(RoutingContext ctx, String name, Instant fallback) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isBlank()) return fallback;
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 instant like 2026-11-22T08:00:00Z, not '" + raw + "'");
    }
  }

  /** Errors as RFC 9457 problem details. */
  static void problem(RoutingContext ctx, int status, String detail) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/problem+json")
        .end(
            new JsonObject()
                .put("type", "about:blank")
                .put(
                    "title",
                    io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .encode());
  }

  private static String toJson(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (server != null) server.close().await();
    elastic.close();
  }
}
