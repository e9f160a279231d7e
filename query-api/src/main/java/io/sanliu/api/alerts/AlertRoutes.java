package io.sanliu.api.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.Reply;
import io.sanliu.api.RequestBodies;
import io.sanliu.api.TopicPublisher;
import io.sanliu.api.auth.Caller;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.risk.AlertReview;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The risk console's alert routes: the list (filters, order, cursor paging), one alert with its
 * evidence and history, and the review actions (acknowledge, assign, close).
 */
public final class AlertRoutes {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 500;
  private static final Pattern ALERT_ID = Pattern.compile("[A-Za-z0-9:_.-]{1,128}");
  private static final Set<String> LIST_PARAMS = listParams();

  private final DocumentStore<ObjectNode> alerts;
  private final AlertStatusStore statuses;
  private final AuditTrail audit;
  private final AlertSearch search;
  private final AlertReviews reviews;

  /**
   * @param outcomes publishes the outcome of every alert closed (see {@link AlertReviews})
   */
  public AlertRoutes(
      ElasticsearchAsyncClient client,
      ElasticCalls calls,
      TopicPublisher<AlertReview> outcomes,
      Clock clock) {
    this.alerts = DocumentStore.trees(client, calls, Indices.ALERTS);
    this.statuses = new AlertStatusStore(client, calls);
    this.audit = new AuditTrail(client, calls);
    this.search = new AlertSearch(client, calls, alerts, statuses);
    this.reviews = new AlertReviews(alerts, statuses, audit, outcomes, clock);
  }

  private static Set<String> listParams() {
    Set<String> s = new HashSet<>(AlertFilter.PARAMS);
    s.addAll(Set.of("sort", "order", "size", "cursor"));
    return Set.copyOf(s);
  }

  public void mount(Endpoints endpoints) {
    endpoints.securedCached(
        "/api/v1/alerts",
        Role.ALL,
        EnumSet.of(Role.VIEWER, Role.ANALYST),
        "list alerts",
        this::list);
    endpoints.secured(HttpMethod.GET, "/api/v1/alerts/:id", Role.ALL, "read alerts", this::one);
    for (ReviewAction action : ReviewAction.values()) {
      endpoints.secured(
          HttpMethod.POST,
          "/api/v1/alerts/:id/" + action.verb(),
          Role.REVIEWERS,
          action.verb() + " alerts",
          ctx -> review(ctx, action));
    }
  }

  private Future<Reply> list(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Params params = Params.of(ctx, LIST_PARAMS);
    AlertFilter filter = AlertFilter.from(params, caller.role());
    AlertSort sort = AlertSort.from(params);
    int size = params.integer("size", DEFAULT_PAGE, 1, MAX_PAGE);
    return search
        .find(filter, sort, size, params.text("cursor"), caller.role())
        .map(
            page -> {
              ObjectNode out = Json.mapper().createObjectNode();
              out.putArray("items").addAll(page.items());
              out.put("size", page.items().size());
              if (page.next() == null) out.putNull("next");
              else out.put("next", page.next());
              if (page.total() != null) out.put("total", page.total());
              return Reply.ok(out);
            });
  }

  private Future<Reply> one(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    String id = alertId(ctx);
    return alerts
        .get(id)
        .compose(
            found -> {
              if (found.isEmpty()) throw ApiProblem.notFound("no alert " + id);
              ObjectNode alert = found.get().value();
              if (alert.path("shadow").asBoolean(false) && !caller.role().seesShadowAlerts()) {
                throw ApiProblem.of(
                    403, "alert " + id + " is a shadow alert; role viewer sees live alerts only");
              }
              return statuses
                  .get(id)
                  .compose(
                      state ->
                          audit
                              .of(id)
                              .map(
                                  history ->
                                      AlertView.withHistory(
                                          AlertView.render(
                                              alert,
                                              state
                                                  .map(DocumentStore.Versioned::value)
                                                  .orElse(null),
                                              caller.role()),
                                          history,
                                          caller.role())));
            })
        .map(Reply::ok);
  }

  private Future<Reply> review(RoutingContext ctx, ReviewAction action) {
    Caller caller = Caller.of(ctx);
    String id = alertId(ctx);
    ReviewRequest request = ReviewRequest.parse(action, RequestBodies.object(ctx, true));
    return reviews
        .apply(id, action, request, caller)
        .map(r -> Reply.ok(AlertView.render(r.alert(), r.lifecycle(), caller.role())));
  }

  private static String alertId(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || !ALERT_ID.matcher(id).matches()) {
      throw ApiProblem.notFound("no alert " + id);
    }
    return id;
  }
}
