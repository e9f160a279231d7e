package io.sanliu.api.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.auth.Caller;
import io.sanliu.api.auth.Role;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/v1/stream/alerts}: new alerts as Server-Sent Events ({@code event: alert}, the
 * alert as JSON, personal values hidden for roles that do not triage). Each event's id is a stream
 * position; reconnecting with {@code Last-Event-ID} (or {@code ?lastEventId=}) replays what was
 * missed, or sends {@code event: reset} when that is no longer held. Shadow alerts go only to roles
 * that see them and ask ({@code ?shadow=true}); never to viewers.
 */
public final class AlertStream {
  private static final Set<String> PARAMS = Set.of("shadow", "lastEventId", "access_token");

  private final AlertFeed feed;
  private final Duration heartbeat;
  private final AtomicInteger clients;

  public AlertStream(AlertFeed feed, Duration heartbeat, MeterRegistry registry) {
    this.feed = feed;
    this.heartbeat = heartbeat;
    this.clients =
        registry.gauge(
            "sanliu.api.stream.clients", Tags.of("stream", "alerts"), new AtomicInteger());
  }

  public void mount(Endpoints endpoints) {
    endpoints.stream("/api/v1/stream/alerts", Role.ALL, "follow alerts", this::follow);
  }

  /** One client's connection: what it was sent, and what arrived while its replay was read. */
  private static final class Client {
    final EventStream stream;
    final boolean shadow;
    final boolean hide;
    final Map<Integer, Long> sent = new HashMap<>();
    final List<FeedEvent> held = new ArrayList<>();
    boolean replayed;

    Client(EventStream stream, boolean shadow, boolean hide) {
      this.stream = stream;
      this.shadow = shadow;
      this.hide = hide;
    }

    /** Sends an event unless already sent (replay and live overlap) or not for this client. */
    void deliver(FeedEvent e) {
      if (e.offset() <= sent.getOrDefault(e.partition(), -1L)) return;
      sent.put(e.partition(), e.offset());
      if (e.shadow() && !shadow) return;
      stream.event(e.position().id(), "alert", hide ? e.hiddenJson() : e.fullJson());
    }
  }

  private void follow(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Params params = Params.of(ctx, PARAMS);
    boolean shadow = "true".equalsIgnoreCase(params.text("shadow"));
    if (shadow && !caller.role().seesShadowAlerts()) {
      throw ApiProblem.of(403, "role viewer sees live alerts only (shadow=false)");
    }
    String lastId = ctx.request().getHeader("Last-Event-ID");
    if (lastId == null) lastId = params.text("lastEventId");
    StreamPosition seen = lastId == null ? null : StreamPosition.parse(lastId);
    // A new client gets what arrives from now on: the position before subscribing.
    StreamPosition now = feed.position();

    Client client =
        new Client(
            new EventStream(ctx.response(), ctx.vertx()),
            shadow,
            !caller.role().seesPersonalData());
    MessageConsumer<FeedEvent> live =
        ctx.vertx()
            .eventBus()
            .consumer(
                feed.address(),
                message -> {
                  if (client.replayed) client.deliver(message.body());
                  else client.held.add(message.body());
                });
    clients.incrementAndGet();
    client.stream.open(
        heartbeat,
        () -> {
          clients.decrementAndGet();
          live.unregister();
        });
    // The replay is taken once the subscription is in place, so nothing falls between the two;
    // what arrived meanwhile is held and sent after it, without duplicates.
    live.completion()
        .onComplete(
            v -> {
              if (seen == null) {
                client.sent.putAll(now.offsets());
              } else {
                client.sent.putAll(seen.offsets());
                feed.since(seen)
                    .ifPresentOrElse(
                        missed -> missed.forEach(client::deliver),
                        () -> {
                          client.stream.event(
                              now.id(),
                              "reset",
                              "{\"reason\":\"alerts since "
                                  + seen.id()
                                  + " are no longer held; reload /api/v1/alerts\"}");
                          client.sent.putAll(now.offsets());
                        });
              }
              client.replayed = true;
              client.held.forEach(client::deliver);
              client.held.clear();
            });
  }
}
