package io.sanliu.api.trace;

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
import java.util.Set;

/**
 * {@code GET /api/v1/orders/{ebpCode}/{orderNo}/trace}: an order is named by its platform and its
 * number, since order numbers are unique only per platform (the key that joins the three documents
 * is the pair).
 */
public final class TraceRoutes {
  /** Longer codes than any CEB field allows are no order of ours. */
  static final int MAX_CODE = 128;

  private final OrderTrace trace;

  public TraceRoutes(ElasticsearchAsyncClient client, ElasticCalls calls) {
    this.trace = new OrderTrace(client, calls);
  }

  public void mount(Endpoints endpoints) {
    endpoints.secured(
        HttpMethod.GET,
        "/api/v1/orders/:ebpCode/:orderNo/trace",
        Role.ALL,
        "trace orders",
        this::trace);
  }

  private Future<Reply> trace(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Params.of(ctx, Set.of());
    String ebpCode = ctx.pathParam("ebpCode");
    String orderNo = ctx.pathParam("orderNo");
    String order = ebpCode + " " + orderNo;
    if (ebpCode.isBlank() || orderNo.isBlank() || order.length() > 2 * MAX_CODE + 1) {
      throw ApiProblem.notFound("no order " + order);
    }
    return trace
        .find(ebpCode, orderNo, caller.role())
        .map(
            found ->
                Reply.ok(
                    found.orElseThrow(
                        () ->
                            ApiProblem.notFound(
                                "no order "
                                    + orderNo
                                    + " of platform "
                                    + ebpCode
                                    + ": no document, match, shipment or alert names it"))));
  }
}
