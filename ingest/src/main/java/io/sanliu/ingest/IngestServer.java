package io.sanliu.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.ingest.json.DocumentReader;
import io.sanliu.ingest.json.OrderReader;
import io.sanliu.ingest.kafka.EventPublisher;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-point access gateway (一点接入): participants push documents over HTTP; each record is
 * validated, its personal fields hashed, and published to Kafka; the sender gets a receipt.
 */
public final class IngestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);
  public static final String SENDER_HEADER = "X-Sanliu-Sender";

  private final Vertx vertx;
  private final Config config;
  private final EventPublisher publisher;
  private final OrderReader orders;
  private final Clock clock;
  private HttpServer server;

  public IngestServer(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.config = config;
    this.publisher = new EventPublisher(config);
    this.orders = new OrderReader(PersonalDataHasher.from(config));
    this.clock = Clock.systemUTC();
  }

  public Future<HttpServer> start() {
    Router router = Router.router(vertx);
    router
        .get("/health")
        .handler(ctx -> ctx.json(new io.vertx.core.json.JsonObject().put("status", "UP")));
    router
        .post("/ingest/v1/orders")
        .consumes("application/json")
        .handler(BodyHandler.create().setBodyLimit(config.getLong(ConfigKey.INGEST_MAX_BODY_BYTES)))
        .handler(this::order);
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.getInt(ConfigKey.INGEST_PORT), config.get(ConfigKey.INGEST_HOST))
        .onSuccess(s -> this.server = s);
  }

  public int port() {
    return server.actualPort();
  }

  private void order(RoutingContext ctx) {
    Instant now = clock.instant();
    String raw = ctx.body().asString();
    JsonNode json;
    try {
      json = Json.mapper().readTree(raw);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      reject(
          ctx,
          null,
          now,
          raw,
          List.of(new FieldError("", "malformed JSON: " + e.getOriginalMessage())));
      return;
    }
    DocumentReader.Result<Order> result = orders.read(json);
    String guid =
        json != null && json.hasNonNull("guid")
            ? json.get("guid").asText()
            : UUID.randomUUID().toString();
    if (!result.ok()) {
      reject(ctx, guid, now, raw, result.errors());
      return;
    }
    String sender = sender(ctx, result.event().ebpCode());
    var envelope = Envelope.of(EventType.ORDER, sender, guid, now, result.event());
    publisher
        .publish(ctx.vertx().getOrCreateContext(), Topics.ORDERS, envelope.key(), envelope)
        .onSuccess(
            md ->
                respond(
                    ctx,
                    202,
                    Receipt.of(guid, now, List.of(RecordReceipt.accepted(0, result.key())))))
        .onFailure(
            e -> {
              LOG.warn("Kafka did not acknowledge order {}: {}", result.key(), e.toString());
              ctx.response().putHeader("Retry-After", "1");
              respond(
                  ctx,
                  503,
                  Receipt.of(
                      guid,
                      now,
                      List.of(
                          RecordReceipt.rejected(
                              0,
                              result.key(),
                              List.of(
                                  new FieldError(
                                      "", "not stored, try again: " + e.getMessage()))))));
            });
  }

  private String sender(RoutingContext ctx, String fallback) {
    String header = ctx.request().getHeader(SENDER_HEADER);
    return header == null || header.isBlank() ? fallback : header.trim();
  }

  /** A refused record is kept on the dead-letter topic with why, then the sender is told. */
  private void reject(
      RoutingContext ctx, String guid, Instant now, String raw, List<FieldError> errors) {
    DeadLetter letter =
        DeadLetter.of(
            "ingest",
            sender(ctx, null),
            guid,
            ctx.request().getHeader("Content-Type"),
            errors,
            raw,
            now);
    Receipt receipt = Receipt.of(guid, now, List.of(RecordReceipt.rejected(0, null, errors)));
    publisher
        .publish(ctx.vertx().getOrCreateContext(), Topics.DEAD_LETTER, guid, letter)
        .onComplete(
            ar -> {
              if (ar.failed()) LOG.error("dead letter not stored: {}", ar.cause().toString());
              respond(ctx, 400, receipt);
            });
  }

  private static void respond(RoutingContext ctx, int status, Receipt receipt) {
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end(Json.mapper().writeValueAsString(receipt));
    } catch (IOException e) {
      ctx.fail(e);
    }
  }

  @Override
  public void close() {
    if (server != null) server.close().await();
    publisher.close();
  }
}
