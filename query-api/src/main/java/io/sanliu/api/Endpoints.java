package io.sanliu.api;

import io.sanliu.api.auth.BearerAuthentication;
import io.sanliu.api.auth.Caller;
import io.sanliu.api.auth.Role;
import io.sanliu.api.auth.RoleCheck;
import io.sanliu.api.auth.SubjectRateLimit;
import io.sanliu.api.ops.ResponseCache;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * How the feature route classes declare their routes: each route gets its name (for metrics), and
 * secured ones the same chain: bearer token (401), rate limit per subject (429), role (403), then
 * the handler, whose failures become problem documents.
 */
public final class Endpoints {
  /** Context key of the route's name, {@code "GET /api/v1/alerts/:id"}: the metrics tag. */
  public static final String ROUTE_KEY = "sanliu.route";

  /** A handler that answers with a complete {@link Reply} (or fails with an {@link ApiProblem}). */
  @FunctionalInterface
  public interface Endpoint {
    Future<Reply> handle(RoutingContext ctx);
  }

  private final Router router;
  private final BearerAuthentication headerAuth;
  private final BearerAuthentication streamAuth;
  private final SubjectRateLimit rateLimit;
  private final ResponseCache cache;
  private final java.util.Map<java.util.regex.Pattern, Set<String>> patterns =
      new java.util.LinkedHashMap<>();

  public Endpoints(
      Router router,
      BearerAuthentication headerAuth,
      BearerAuthentication streamAuth,
      SubjectRateLimit rateLimit,
      ResponseCache cache) {
    this.router = router;
    this.headerAuth = headerAuth;
    this.streamAuth = streamAuth;
    this.rateLimit = rateLimit;
    this.cache = cache;
  }

  /** A route anyone may call (health, metrics, the OpenAPI document). */
  public Route open(HttpMethod method, String path, Endpoint endpoint) {
    return named(method, path).handler(ctx -> dispatch(ctx, endpoint));
  }

  /** A route anyone may call, answering by itself (e.g. plain text). */
  public Route openRaw(HttpMethod method, String path, Handler<RoutingContext> handler) {
    return named(method, path).handler(handler);
  }

  /**
   * A route for the given roles; {@code action} completes the 403 detail ("role viewer may not
   * <action>").
   */
  public Route secured(
      HttpMethod method, String path, Set<Role> roles, String action, Endpoint endpoint) {
    return guarded(method, path, roles, action, headerAuth).handler(ctx -> dispatch(ctx, endpoint));
  }

  /**
   * A secured GET whose answers are reused for a second or two for the roles that watch screens
   * ({@code cachedFor}): a hundred screens polling the same panel cost one query.
   */
  public Route securedCached(
      String path, Set<Role> roles, Set<Role> cachedFor, String action, Endpoint endpoint) {
    return guarded(HttpMethod.GET, path, roles, action, headerAuth)
        .handler(
            ctx -> {
              Caller caller = Caller.of(ctx);
              if (!cachedFor.contains(caller.role())) {
                dispatch(ctx, endpoint);
                return;
              }
              String key =
                  ResponseCache.key(ctx.request().path(), ctx.queryParams(), caller.role());
              send(ctx, cache.get(key, () -> call(ctx, endpoint)));
            });
  }

  /** A secured long-lived stream (SSE): the handler writes the response itself. */
  public Route stream(
      String path, Set<Role> roles, String action, Handler<RoutingContext> handler) {
    return guarded(HttpMethod.GET, path, roles, action, streamAuth).handler(handler);
  }

  private Route guarded(
      HttpMethod method, String path, Set<Role> roles, String action, BearerAuthentication auth) {
    return named(method, path)
        .handler(auth)
        .handler(rateLimit)
        .handler(new RoleCheck(roles, action));
  }

  /**
   * The methods routed for a path (for the {@code Allow} header of a 405, which Vert.x Web leaves
   * out when the router has its own 405 handler).
   */
  public Set<String> allowed(String path) {
    Set<String> methods = new java.util.TreeSet<>();
    for (var e : patterns.entrySet()) {
      if (e.getKey().matcher(path).matches()) methods.addAll(e.getValue());
    }
    return methods;
  }

  private Route named(HttpMethod method, String path) {
    String name = method.name() + " " + path;
    patterns
        .computeIfAbsent(
            java.util.regex.Pattern.compile(path.replaceAll(":[A-Za-z]+", "[^/]+")),
            p -> new java.util.TreeSet<>())
        .add(method.name());
    return router
        .route(method, path)
        .setName(name)
        .handler(
            ctx -> {
              ctx.put(ROUTE_KEY, name);
              ctx.next();
            });
  }

  private static void dispatch(RoutingContext ctx, Endpoint endpoint) {
    send(ctx, call(ctx, endpoint));
  }

  /** Runs the endpoint; a problem thrown while reading the request fails the future instead. */
  private static Future<Reply> call(RoutingContext ctx, Endpoint endpoint) {
    try {
      return endpoint.handle(ctx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static void send(RoutingContext ctx, Future<Reply> reply) {
    reply.onSuccess(r -> r.send(ctx)).onFailure(ctx::fail);
  }
}
