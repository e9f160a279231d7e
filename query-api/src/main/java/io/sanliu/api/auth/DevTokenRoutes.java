package io.sanliu.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Reply;
import io.sanliu.api.RequestBodies;
import io.sanliu.model.Json;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/auth/token}, development only ({@code SANLIU_API_DEV_TOKENS=true}): a token
 * for any role, no credentials asked. Production tokens come from {@code sanliu token} with the
 * configured secret (or, later, from the site's identity provider signing with it).
 */
public final class DevTokenRoutes {
  private final TokenIssuer issuer;

  public DevTokenRoutes(TokenIssuer issuer) {
    this.issuer = issuer;
  }

  public void mount(Endpoints endpoints) {
    endpoints.open(io.vertx.core.http.HttpMethod.POST, "/api/v1/auth/token", this::token);
  }

  private Future<Reply> token(RoutingContext ctx) {
    JsonNode body = RequestBodies.object(ctx, true);
    String roleClaim = body.path("role").asText("");
    Role role =
        Role.fromClaim(roleClaim)
            .orElseThrow(
                () ->
                    ApiProblem.badRequest(
                        "role must be one of "
                            + Role.claims(Role.ALL)
                            + ", not '"
                            + roleClaim
                            + "'"));
    String subject = body.path("subject").asText("dev-" + role.claim());
    if (subject.isBlank() || subject.length() > 128) {
      throw ApiProblem.badRequest("subject must be 1-128 characters");
    }
    TokenIssuer.IssuedToken token = issuer.issue(subject, role);
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("token", token.token());
    out.put("tokenType", "Bearer");
    out.put("subject", token.subject());
    out.put("role", token.role().claim());
    out.put("expiresAt", token.expiresAt().toString());
    return Future.succeededFuture(Reply.json(201, out));
  }
}
