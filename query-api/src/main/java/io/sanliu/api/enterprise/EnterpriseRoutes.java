package io.sanliu.api.enterprise;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.Reply;
import io.sanliu.api.auth.Caller;
import io.sanliu.api.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * {@code GET /api/v1/enterprises/{code}}: an enterprise's filings, trade and alerts over the last
 * {@code days} (default 30), and its credit. Nothing personal is in it; viewers get the credit's
 * public view (grade and status, no score).
 */
public final class EnterpriseRoutes {
  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;
  static final int MAX_CODE = 64;

  private final EnterpriseProfile profile;
  private final Clock clock;

  public EnterpriseRoutes(ElasticsearchAsyncClient client, ElasticCalls calls, Clock clock) {
    this.profile = new EnterpriseProfile(client, calls);
    this.clock = clock;
  }

  public void mount(Endpoints endpoints) {
    endpoints.secured(
        HttpMethod.GET, "/api/v1/enterprises/:code", Role.ALL, "read enterprises", this::one);
  }

  private Future<Reply> one(RoutingContext ctx) {
    Params params = Params.of(ctx, Set.of("days"));
    int days = params.integer("days", DEFAULT_DAYS, 1, MAX_DAYS);
    String code = ctx.pathParam("code");
    if (code.isBlank() || code.length() > MAX_CODE) {
      throw ApiProblem.notFound("no enterprise " + code);
    }
    Instant to = clock.instant();
    Instant from = to.minus(Duration.ofDays(days));
    return profile
        .find(code, from, to, Caller.of(ctx).role())
        .map(
            found ->
                Reply.ok(
                    found.orElseThrow(
                        () ->
                            ApiProblem.notFound(
                                "no enterprise "
                                    + code
                                    + ": no filing, and no trade or alert in the last "
                                    + days
                                    + " days"))));
  }
}
