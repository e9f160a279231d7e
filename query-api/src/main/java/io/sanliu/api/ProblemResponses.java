package io.sanliu.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.sanliu.model.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error of the API as an RFC 9457 problem document ({@code application/problem+json}): the
 * failure handler of every route and the router's handler of unmatched requests (404, 405).
 */
public final class ProblemResponses {
  public static final String CONTENT_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

  private final long maxBodyBytes;
  private final Function<String, Set<String>> allowedMethods;

  /**
   * @param allowedMethods the methods routed for a path, for the {@code Allow} header of a 405
   */
  public ProblemResponses(long maxBodyBytes, Function<String, Set<String>> allowedMethods) {
    this.maxBodyBytes = maxBodyBytes;
    this.allowedMethods = allowedMethods;
  }

  /** Renders {@code ctx.failure()} (or the failed status code) as a problem. */
  public void handleFailure(RoutingContext ctx) {
    ApiProblem problem = toProblem(ctx, unwrap(ctx.failure()), ctx.statusCode());
    send(ctx, problem);
  }

  /**
   * For the router's error handlers: no route matched the path (404) or the method (405; Vert.x Web
   * leaves the Allow header to a custom 405 handler).
   */
  public void handleUnmatched(RoutingContext ctx) {
    int status = ctx.statusCode() == -1 ? 404 : ctx.statusCode();
    if (status == 405) {
      String allow = String.join(", ", allowedMethods.apply(ctx.request().path()));
      send(
          ctx,
          ApiProblem.of(
                  405,
                  ctx.request().method()
                      + " is not allowed on "
                      + ctx.request().path()
                      + "; allowed: "
                      + allow)
              .header("Allow", allow));
      return;
    }
    send(
        ctx,
        ApiProblem.of(
            status, "no resource at " + ctx.request().path() + " (see /api/v1/openapi.json)"));
  }

  ApiProblem toProblem(RoutingContext ctx, Throwable failure, int statusCode) {
    if (failure instanceof ApiProblem p) return p;
    if (failure instanceof HttpException h)
      return fromStatus(ctx, h.getStatusCode(), h.getMessage());
    if (failure instanceof ElasticsearchException e) {
      LOG.warn("Elasticsearch refused a request of {}: {}", ctx.request().path(), e.getMessage());
      return ApiProblem.of(
          502, "Elasticsearch refused the query: " + e.error().type() + ": " + e.error().reason());
    }
    int refused = ElasticCalls.status(failure);
    if (refused > 0) {
      LOG.warn(
          "Elasticsearch refused a request of {}: {}", ctx.request().path(), failure.getMessage());
      return ApiProblem.of(502, "Elasticsearch refused the query with status " + refused);
    }
    if (failure instanceof IOException) {
      LOG.warn("Elasticsearch unreachable for {}: {}", ctx.request().path(), failure.toString());
      return ApiProblem.of(503, "Elasticsearch is not reachable: " + failure.getMessage())
          .header("Retry-After", "5");
    }
    // A status set by Vert.x Web's own handlers (CORS refused, body too large...).
    if (statusCode >= 400 && statusCode != 500) {
      return fromStatus(ctx, statusCode, failure == null ? null : failure.getMessage());
    }
    String reference = UUID.randomUUID().toString();
    LOG.error(
        "unexpected failure of {} {} (reference {})",
        ctx.request().method(),
        ctx.request().path(),
        reference,
        failure);
    return ApiProblem.of(
            500, "unexpected error; the server log has it under reference " + reference)
        .with("reference", reference);
  }

  /** Status codes Vert.x Web's own handlers fail with (body too large, CORS refused...). */
  private ApiProblem fromStatus(RoutingContext ctx, int status, String message) {
    String detail =
        switch (status) {
          case 413 -> "the request body is larger than " + maxBodyBytes + " bytes";
          case 403 ->
              message != null && message.contains("CORS")
                  ? "cross-origin request from "
                      + ctx.request().getHeader("Origin")
                      + " not allowed"
                  : "forbidden" + (message == null ? "" : ": " + message);
          case 401 -> "authentication required";
          case 404 -> "no resource at " + ctx.request().path();
          case 405 -> ctx.request().method() + " is not allowed on " + ctx.request().path();
          default -> message != null && !message.isBlank() ? message : reason(status);
        };
    return ApiProblem.of(status, detail);
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Writes the problem, unless the response has started (a stream): then it can only close. */
  public static void send(RoutingContext ctx, ApiProblem problem) {
    var response = ctx.response();
    if (response.ended()) return;
    if (response.headWritten()) {
      response.reset();
      return;
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("type", "about:blank");
    body.put("title", reason(problem.status()));
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("instance", ctx.request().path());
    for (Map.Entry<String, Object> e : problem.extensions().entrySet()) {
      body.set(e.getKey(), Json.mapper().valueToTree(e.getValue()));
    }
    response.setStatusCode(problem.status()).putHeader("Content-Type", CONTENT_TYPE);
    problem.headers().forEach(response::putHeader);
    response.end(body.toString());
  }

  static String reason(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
