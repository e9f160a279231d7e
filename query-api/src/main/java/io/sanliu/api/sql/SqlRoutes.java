package io.sanliu.api.sql;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Reply;
import io.sanliu.api.RequestBodies;
import io.sanliu.api.auth.ApiTokens;
import io.sanliu.api.auth.Caller;
import io.sanliu.api.auth.Role;
import io.sanliu.sql.JdbcService;
import io.sanliu.sql.SqlAccess;
import io.sanliu.sql.SqlEngine;
import io.sanliu.sql.SqlLimits;
import io.sanliu.sql.SqlRefusal;
import io.sanliu.sql.SqlResult;
import io.sanliu.sql.TableCatalog;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Analysts' SQL: {@code POST /api/v1/sql} (JSON in, columns and rows out) and {@code POST
 * /api/v1/jdbc} (Avatica's JSON protocol, for JDBC clients such as DBeaver or Superset). Both run
 * on a worker pool, never on the event loop, under the same rules: read-only, the row, time and
 * scan limits, the tables of the caller's role, personal columns masked for analysts. See
 * docs/sql.md.
 */
public final class SqlRoutes implements AutoCloseable {
  static final int MAX_SQL_CHARS = 20_000;
  static final int MAX_PARAMETERS = 100;
  private static final int WORKERS = 4;
  private static final String BASIC_CHALLENGE = "Basic realm=\"sanliu\"";

  /** What each role reads through SQL: analysts see no review trail and no personal data. */
  static final Map<Role, SqlAccess> ACCESS = access();

  private final Vertx vertx;
  private final ApiTokens tokens;
  private final SqlEngine engine;
  private final JdbcService jdbc;
  private final WorkerExecutor workers;

  public SqlRoutes(Vertx vertx, ElasticsearchClient es, SqlLimits limits, ApiTokens tokens) {
    this.vertx = vertx;
    this.tokens = tokens;
    this.engine = new SqlEngine(es, limits, WORKERS);
    this.jdbc = new JdbcService(engine);
    this.workers = vertx.createSharedWorkerExecutor("sanliu-sql", WORKERS);
  }

  private static Map<Role, SqlAccess> access() {
    Set<String> all = Set.copyOf(TableCatalog.names());
    Set<String> analyst =
        all.stream().filter(t -> !t.equals("alert_audit")).collect(Collectors.toSet());
    Map<Role, SqlAccess> access = new EnumMap<>(Role.class);
    access.put(Role.ANALYST, new SqlAccess("analyst", analyst, false));
    access.put(Role.RISK_OFFICER, new SqlAccess("risk_officer", all, true));
    access.put(Role.ADMIN, new SqlAccess("admin", all, true));
    return access;
  }

  public void mount(Endpoints endpoints) {
    endpoints.secured(HttpMethod.POST, "/api/v1/sql", Role.READERS, "run SQL", this::query);
    endpoints.openRaw(HttpMethod.POST, "/api/v1/jdbc", this::jdbc);
  }

  private Future<Reply> query(RoutingContext ctx) {
    JsonNode body = RequestBodies.object(ctx, false);
    JsonNode sqlNode = body.get("sql");
    if (sqlNode == null || !sqlNode.isTextual() || sqlNode.asText().isBlank()) {
      throw ApiProblem.badRequest("sql is required: the statement as a string")
          .with("invalidParams", List.of("sql"));
    }
    String sql = sqlNode.asText();
    if (sql.length() > MAX_SQL_CHARS) {
      throw ApiProblem.badRequest("sql must be at most " + MAX_SQL_CHARS + " characters")
          .with("invalidParams", List.of("sql"));
    }
    List<Object> parameters = parameters(body.get("parameters"));
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!name.equals("sql") && !name.equals("parameters")) {
        throw ApiProblem.badRequest("unknown field " + name + " (known: sql, parameters)")
            .with("invalidParams", List.of(name));
      }
    }
    SqlAccess access = ACCESS.get(Caller.of(ctx).role());
    return blocking(() -> engine.query(access, sql, parameters)).map(SqlRoutes::reply);
  }

  private static List<Object> parameters(JsonNode node) {
    if (node == null || node.isNull()) return List.of();
    if (!node.isArray()) {
      throw ApiProblem.badRequest("parameters must be an array of values, one per ?")
          .with("invalidParams", List.of("parameters"));
    }
    if (node.size() > MAX_PARAMETERS) {
      throw ApiProblem.badRequest("at most " + MAX_PARAMETERS + " parameters")
          .with("invalidParams", List.of("parameters"));
    }
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode v = node.get(i);
      if (v.isNull()) values.add(null);
      else if (v.isTextual()) values.add(v.asText());
      else if (v.isBoolean()) values.add(v.asBoolean());
      else if (v.isIntegralNumber() && v.canConvertToLong()) values.add(v.asLong());
      else if (v.isNumber()) values.add(v.decimalValue());
      else {
        throw ApiProblem.badRequest(
                "parameters[" + i + "] must be text, a number, a boolean or null")
            .with("invalidParams", List.of("parameters[" + i + "]"));
      }
    }
    return values;
  }

  private static Reply reply(SqlResult result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("columns", result.columns());
    body.put("rows", result.rows());
    body.put("truncated", result.truncated());
    if (result.columns().size() == 1
        && result.columns().get(0).name().equalsIgnoreCase("PLAN")
        && result.rows().size() == 1) {
      body.put("plan", result.rows().get(0).get(0));
    }
    return Reply.ok(body);
  }

  /** Runs Calcite's blocking work on the SQL workers; its failures as problems. */
  private <T> Future<T> blocking(Callable<T> work) {
    return workers.<T>executeBlocking(work, false).recover(e -> Future.failedFuture(problem(e)));
  }

  static Throwable problem(Throwable e) {
    if (e instanceof SqlRefusal refusal) {
      return switch (refusal.reason()) {
        case LIMIT -> ApiProblem.of(422, refusal.getMessage());
        default -> ApiProblem.badRequest(refusal.getMessage());
      };
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ElasticsearchException es) {
        return ApiProblem.of(502, "Elasticsearch refused the query: " + es.getMessage());
      }
      if (t instanceof IOException || t instanceof java.io.UncheckedIOException) {
        return ApiProblem.of(503, "Elasticsearch is unreachable: " + t.getMessage())
            .header("Retry-After", "5");
      }
    }
    return e;
  }

  // ---- JDBC (Avatica JSON over HTTP) ----------------------------------------------------------

  /**
   * The token comes as the password of HTTP Basic authentication (what JDBC tools ask for: any user
   * name, the token as password) or as a bearer token.
   */
  private void jdbc(RoutingContext ctx) {
    String token = token(ctx.request().getHeader("Authorization"));
    if (token == null) {
      ctx.fail(
          ApiProblem.of(401, "JDBC needs a token: user any name, password the API token")
              .header("WWW-Authenticate", BASIC_CHALLENGE));
      return;
    }
    tokens
        .verify(token)
        .onFailure(
            e ->
                ctx.fail(
                    ApiProblem.of(401, "invalid token: " + e.getMessage())
                        .header("WWW-Authenticate", BASIC_CHALLENGE)))
        .onSuccess(
            caller -> {
              SqlAccess access = ACCESS.get(caller.role());
              if (access == null) {
                ctx.fail(
                    ApiProblem.of(
                        403,
                        "role "
                            + caller.role().claim()
                            + " may not run SQL (roles that may: "
                            + Role.claims(Role.READERS)
                            + ")"));
                return;
              }
              String body = ctx.body() == null ? "" : ctx.body().asString();
              workers
                  .executeBlocking(() -> jdbc.handle(access, body), false)
                  .onSuccess(
                      r ->
                          ctx.response()
                              .setStatusCode(r.getStatusCode())
                              .putHeader("Content-Type", "application/json; charset=utf-8")
                              .end(r.getResponse()))
                  .onFailure(ctx::fail);
            });
  }

  static String token(String header) {
    if (header == null) return null;
    if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String t = header.substring(7).trim();
      return t.isEmpty() ? null : t;
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String pair =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        String t = colon < 0 ? "" : pair.substring(colon + 1).trim();
        return t.isEmpty() ? null : t;
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  @Override
  public void close() {
    workers.close();
    jdbc.close();
    engine.close();
  }
}
