package io.sanliu.api.push;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.auth.Role;
import io.sanliu.api.screens.Overview;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.Severity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v1/stream/kpis}: a tick per second ({@code event: kpis}) with the live alerts of
 * the last 24 hours per severity and the screen's headline statistics (the {@link Overview}: today
 * and this hour against yesterday, per caliber). Two queries per tick for all clients of this
 * instance, and none while nobody listens.
 */
public final class KpiStream implements AutoCloseable {
  static final Duration TICK = Duration.ofSeconds(1);
  static final Duration WINDOW = Duration.ofHours(24);
  private static final Set<String> PARAMS = Set.of("access_token");

  private final Vertx vertx;
  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;
  private final Overview overview;
  private final Duration heartbeat;
  private final String address = "sanliu.api.kpis." + UUID.randomUUID();
  private int clients;
  private long timer = -1;
  private boolean querying;
  private String latest;

  public KpiStream(
      Vertx vertx,
      ElasticsearchAsyncClient client,
      ElasticCalls calls,
      Overview overview,
      Duration heartbeat) {
    this.vertx = vertx;
    this.client = client;
    this.calls = calls;
    this.overview = overview;
    this.heartbeat = heartbeat;
  }

  public void mount(Endpoints endpoints) {
    endpoints.stream("/api/v1/stream/kpis", Role.ALL, "follow figures", this::follow);
  }

  private void follow(RoutingContext ctx) {
    Params.of(ctx, PARAMS);
    EventStream stream = new EventStream(ctx.response(), ctx.vertx());
    MessageConsumer<String> ticks =
        vertx.eventBus().consumer(address, m -> stream.event(null, "kpis", m.body()));
    clients++;
    stream.open(
        heartbeat,
        () -> {
          ticks.unregister();
          clients--;
        });
    if (latest != null) stream.event(null, "kpis", latest);
    if (timer < 0) timer = vertx.setPeriodic(1, TICK.toMillis(), t -> tick());
  }

  private void tick() {
    if (clients <= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
      return;
    }
    if (querying) return; // a slow query is not stacked up
    querying = true;
    Instant now = Instant.now();
    Future<ObjectNode> statistics = calls.call("kpis-overview", () -> overview.at(now));
    Future<SearchResponse<Void>> alerts =
        calls.call(
            "kpis",
            () ->
                client.search(
                    s ->
                        s.index(Indices.ALERTS)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(0)
                            .query(
                                q ->
                                    q.bool(
                                        b ->
                                            b.filter(
                                                    f ->
                                                        f.term(t -> t.field("shadow").value(false)))
                                                .filter(
                                                    f ->
                                                        f.range(
                                                            r ->
                                                                r.date(
                                                                    d ->
                                                                        d.field("detectedAt")
                                                                            .gte(
                                                                                now.minus(WINDOW)
                                                                                    .toString()))))))
                            .aggregations(
                                "severity", a -> a.terms(t -> t.field("severity").size(10))),
                    Void.class));
    Future.join(alerts, statistics)
        .onComplete(
            joined -> {
              querying = false;
              // Both or nothing: a tick without one of them would blank a panel; the next tries.
              if (joined.failed()) return;
              var done = alerts;
              ObjectNode body = Json.mapper().createObjectNode();
              body.put("at", now.toString());
              body.put("window", WINDOW.toString());
              ObjectNode bySeverity = body.putObject("liveAlertsBySeverity");
              for (Severity s : Severity.values()) bySeverity.put(s.name(), 0);
              long total = 0;
              var agg = done.result().aggregations().get("severity");
              if (agg != null) {
                for (StringTermsBucket b : agg.sterms().buckets().array()) {
                  bySeverity.put(b.key().stringValue(), b.docCount());
                  total += b.docCount();
                }
              }
              body.put("liveAlerts", total);
              body.set("statistics", statistics.result());
              latest = body.toString();
              vertx.eventBus().publish(address, latest);
            });
  }

  @Override
  public void close() {
    if (timer >= 0) vertx.cancelTimer(timer);
  }
}
