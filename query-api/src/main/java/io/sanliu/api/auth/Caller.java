package io.sanliu.api.auth;

import io.sanliu.api.ApiProblem;
import io.vertx.ext.web.RoutingContext;

/** The authenticated subject of a request and its role, from its bearer token. */
public record Caller(String subject, Role role) {
  static final String KEY = "sanliu.caller";

  /** The caller that {@link BearerAuthentication} put on the request. */
  public static Caller of(RoutingContext ctx) {
    Caller caller = ctx.get(KEY);
    if (caller == null) throw ApiProblem.of(401, "authentication required");
    return caller;
  }
}
