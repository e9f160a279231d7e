package io.sanliu.api.auth;

import io.sanliu.api.ApiProblem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates a request by its {@code Authorization: Bearer <token>} header and puts the {@link
 * Caller} on it; 401 otherwise. Event streams may pass the token as {@code ?access_token=} since a
 * browser's EventSource cannot set headers (a query string ends up in access logs: stream tokens
 * should be short-lived viewer tokens).
 */
public final class BearerAuthentication implements Handler<RoutingContext> {
  static final String CHALLENGE = "Bearer realm=\"sanliu\"";
  private final ApiTokens tokens;
  private final boolean tokenInQuery;

  private BearerAuthentication(ApiTokens tokens, boolean tokenInQuery) {
    this.tokens = tokens;
    this.tokenInQuery = tokenInQuery;
  }

  public static BearerAuthentication headerOnly(ApiTokens tokens) {
    return new BearerAuthentication(tokens, false);
  }

  public static BearerAuthentication headerOrQuery(ApiTokens tokens) {
    return new BearerAuthentication(tokens, true);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = token(ctx);
    if (token == null) {
      ctx.fail(
          ApiProblem.of(
                  401,
                  "no bearer token: send 'Authorization: Bearer <token>'"
                      + (tokenInQuery ? " or ?access_token=<token>" : ""))
              .header("WWW-Authenticate", CHALLENGE));
      return;
    }
    tokens
        .verify(token)
        .onSuccess(
            caller -> {
              ctx.put(Caller.KEY, caller);
              ctx.next();
            })
        .onFailure(
            e ->
                ctx.fail(
                    ApiProblem.of(401, "invalid token: " + e.getMessage())
                        .header("WWW-Authenticate", CHALLENGE + ", error=\"invalid_token\"")));
  }

  private String token(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = header.substring(7).trim();
      return token.isEmpty() ? null : token;
    }
    if (tokenInQuery) {
      String query = ctx.request().getParam("access_token");
      if (query != null && !query.isBlank()) return query.trim();
    }
    return null;
  }
}
