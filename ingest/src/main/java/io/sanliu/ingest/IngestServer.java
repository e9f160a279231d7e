package io.sanliu.ingest;

import io.sanliu.ingest.auth.Sender;
import io.sanliu.ingest.auth.SenderRegistry;
import io.sanliu.ingest.json.DocumentReader;
import io.sanliu.ingest.json.ReaderCatalog;
import io.sanliu.ingest.kafka.EventPublisher;
import io.sanliu.ingest.message.DocumentRoute;
import io.sanliu.ingest.message.IncomingMessage;
import io.sanliu.ingest.message.JsonMessageParser;
import io.sanliu.ingest.message.MessageFormatException;
import io.sanliu.ingest.message.XmlMessageParser;
import io.sanliu.ingest.receipts.ReceiptStore;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.EventType;
import io.sanliu.model.ingest.Receipt;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-point access gateway (一点接入): participants push documents over HTTP, as CEB XML or JSON;
 * each record is validated, its personal fields hashed, and published to Kafka; the sender gets a
 * receipt naming every refused field. Routes: {@code POST /ingest/v1/<type>} (JSON, NDJSON or CEB
 * XML of that type) and {@code POST /ingest/v1/ceb} (any CEB XML message).
 */
public final class IngestServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);
  public static final String API_KEY_HEADER = "X-Api-Key";
  public static final String MESSAGE_GUID_HEADER = "X-Message-Guid";
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);

  private final Vertx vertx;
  private final Config config;
  private final SenderRegistry senders;
  private final EventPublisher publisher;
  private final ReceiptStore receipts;
  private final MessageProcessor processor;
  private final JsonMessageParser json;
  private final XmlMessageParser xml;
  private final long maxBodyBytes;
  private final int maxConcurrentRequests;
  private final AtomicInteger activeRequests = new AtomicInteger();
  private final Clock clock = Clock.systemUTC();
  private HttpServer server;
  private String deployment;

  public IngestServer(Vertx vertx, Config config) {
    this(vertx, config, SenderRegistry.from(config));
  }

  public IngestServer(Vertx vertx, Config config, SenderRegistry senders) {
    this.vertx = vertx;
    this.config = config;
    this.senders = senders;
    this.publisher = new EventPublisher(config);
    this.receipts = new ReceiptStore(config);
    this.processor =
        new MessageProcessor(
            readers(PersonalDataHasher.from(config)),
            publisher,
            receipts,
            config.getInt(ConfigKey.INGEST_MAX_IN_FLIGHT_RECORDS));
    this.json = new JsonMessageParser(config.getInt(ConfigKey.INGEST_MAX_RECORDS));
    this.xml = new XmlMessageParser(config.getInt(ConfigKey.INGEST_MAX_RECORDS));
    this.maxBodyBytes = config.getLong(ConfigKey.INGEST_MAX_BODY_BYTES);
    this.maxConcurrentRequests = config.getInt(ConfigKey.INGEST_MAX_CONCURRENT_REQUESTS);
  }

  private static Function<EventType, DocumentReader<?>> readers(PersonalDataHasher hasher) {
    return new ReaderCatalog(hasher)::forType;
  }

  public Future<HttpServer> start() {
    return vertx
        .executeBlocking(
            () -> {
              receipts.start(Duration.ofSeconds(60));
              return null;
            })
        .compose(v -> listen());
  }

  /**
   * One HTTP server per event loop (as many as cores), sharing the port: validating and hashing run
   * on every core, not on one. Vert.x hands each new connection to one of them.
   */
  private Future<HttpServer> listen() {
    int port = config.getInt(ConfigKey.INGEST_PORT);
    if (port == 0) port = FreePort.find();
    int listenPort = port;
    List<HttpServer> servers = new CopyOnWriteArrayList<>();
    return vertx
        .deployVerticle(
            () ->
                new VerticleBase() {
                  @Override
                  public Future<?> start() {
                    return vertx
                        .createHttpServer()
                        .requestHandler(router())
                        .listen(listenPort, config.get(ConfigKey.INGEST_HOST))
                        // map: the verticle counts as started only once its server is kept.
                        .map(
                            s -> {
                              servers.add(s);
                              return s;
                            });
                  }
                },
            new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
        .map(
            id -> {
              this.deployment = id;
              this.server = servers.get(0);
              return server;
            });
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.post("/ingest/v1/:route").handler(this::receive);
    return router;
  }

  public int port() {
    return server.actualPort();
  }

  private void receive(RoutingContext ctx) {
    Instant now = clock.instant();
    if (activeRequests.incrementAndGet() > maxConcurrentRequests) {
      // Memory is bounded: a body is only read when there is room for it.
      activeRequests.decrementAndGet();
      ctx.response().putHeader("Connection", "close");
      respond(
          ctx,
          429,
          Receipt.refused(
              ctx.request().getHeader(MESSAGE_GUID_HEADER),
              null,
              429,
              now,
              "",
              "the gateway is busy: retry after a second (nothing of this message was read)"));
      return;
    }
    // Released once, whether the answer is sent or the connection drops first.
    AtomicBoolean held = new AtomicBoolean(true);
    Runnable release =
        () -> {
          if (held.getAndSet(false)) activeRequests.decrementAndGet();
        };
    ctx.response().endHandler(v -> release.run());
    ctx.response().closeHandler(v -> release.run());
    HttpServerRequest request = ctx.request();
    String contentType = mediaType(request.getHeader("Content-Type"));
    String route = ctx.pathParam("route");
    String length = request.getHeader("Content-Length");
    if (length != null && parseLong(length) > maxBodyBytes) {
      tooLarge(ctx, contentType, now, Buffer.buffer());
      return;
    }
    Buffer body = Buffer.buffer();
    boolean[] overflow = {false};
    request.handler(
        chunk -> {
          if (overflow[0]) return;
          if (body.length() + chunk.length() > maxBodyBytes) {
            overflow[0] = true;
            tooLarge(ctx, contentType, now, body);
          } else {
            body.appendBuffer(chunk);
          }
        });
    request.endHandler(
        v -> {
          if (!overflow[0]) handle(ctx, route, contentType, body.getBytes(), now);
        });
    request.exceptionHandler(e -> LOG.debug("request failed: {}", e.toString()));
  }

  private void handle(
      RoutingContext ctx, String route, String contentType, byte[] body, Instant now) {
    // The raw text is kept only with a refusal; a 1 MB batch is not copied for nothing.
    Supplier<String> raw = () -> new String(body, StandardCharsets.UTF_8);
    Sender sender = authenticate(ctx.request()).orElse(null);
    if (sender == null) {
      refuse(
          ctx,
          null,
          null,
          contentType,
          raw.get(),
          now,
          401,
          "",
          "unknown sender: send the API key you were given in the " + API_KEY_HEADER + " header");
      return;
    }
    IncomingMessage message;
    try {
      message = parse(route, contentType, body, ctx.request().getHeader(MESSAGE_GUID_HEADER));
    } catch (MessageFormatException e) {
      refuse(
          ctx,
          sender.code(),
          ctx.request().getHeader(MESSAGE_GUID_HEADER),
          contentType,
          raw.get(),
          now,
          e.status(),
          e.path(),
          e.getMessage());
      return;
    }
    processor
        .process(ctx.vertx().getOrCreateContext(), sender, message, contentType, now)
        .onSuccess(o -> respond(ctx, o.status(), o.receipt()))
        .onFailure(
            e -> {
              LOG.warn("message {} not processed: {}", message.guid(), e.toString());
              respond(
                  ctx,
                  503,
                  Receipt.refused(
                      message.guid(),
                      sender.code(),
                      503,
                      now,
                      "",
                      "not stored, send the message again: " + e.getMessage()));
            });
  }

  private IncomingMessage parse(String route, String contentType, byte[] body, String headerGuid) {
    if (route.equals("ceb")) {
      if (!contentType.equals("application/xml") && !contentType.equals("text/xml")) {
        throw new MessageFormatException(
            415, "", "/ingest/v1/ceb takes CEB XML (application/xml), not " + contentType);
      }
      return xml.parse(body, null, headerGuid);
    }
    DocumentRoute documents =
        DocumentRoute.ofPath(route)
            .orElseThrow(
                () -> new MessageFormatException(404, "", "no document type '" + route + "'"));
    return switch (contentType) {
      case "application/json" -> json.parse(documents.type(), body, false, headerGuid);
      case "application/x-ndjson", "application/ndjson" ->
          json.parse(documents.type(), body, true, headerGuid);
      case "application/xml", "text/xml" -> xml.parse(body, documents.type(), headerGuid);
      default ->
          throw new MessageFormatException(
              415,
              "",
              "Content-Type "
                  + (contentType.isEmpty() ? "(none)" : contentType)
                  + " is not accepted: use application/json, application/x-ndjson or application/xml");
    };
  }

  private Optional<Sender> authenticate(HttpServerRequest request) {
    String key = request.getHeader(API_KEY_HEADER);
    String authorization = request.getHeader("Authorization");
    if (key == null
        && authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      key = authorization.substring(7);
    }
    return senders.authenticate(key);
  }

  private void tooLarge(RoutingContext ctx, String contentType, Instant now, Buffer prefix) {
    // The headers are all there is to go by: who sent it (when the key is known) and its guid.
    refuse(
        ctx,
        authenticate(ctx.request()).map(Sender::code).orElse(null),
        ctx.request().getHeader(MESSAGE_GUID_HEADER),
        contentType,
        prefix.toString(StandardCharsets.UTF_8),
        now,
        413,
        "",
        "the body is larger than " + maxBodyBytes + " bytes; split the message");
    // Stop reading the rest of a body we refused.
    ctx.response().putHeader("Connection", "close");
  }

  /** A message refused as a whole: kept on the dead-letter topic, then the sender is told. */
  private void refuse(
      RoutingContext ctx,
      String sender,
      String guid,
      String contentType,
      String raw,
      Instant now,
      int status,
      String path,
      String reason) {
    Receipt receipt = Receipt.refused(guid, sender, status, now, path, reason);
    DeadLetter letter =
        DeadLetter.of(
            "ingest", sender, guid, contentType, List.of(new FieldError(path, reason)), raw, now);
    publisher
        .publish(ctx.vertx().getOrCreateContext(), Topics.DEAD_LETTER, guid, letter)
        .onComplete(
            ar -> {
              if (ar.failed()) LOG.error("dead letter not stored: {}", ar.cause().toString());
              respond(ctx, status, receipt);
            });
  }

  private static void respond(RoutingContext ctx, int status, Receipt receipt) {
    if (ctx.response().ended()) return;
    try {
      if (status == 429 || status == 503) ctx.response().putHeader("Retry-After", "1");
      ctx.response()
          .setStatusCode(status)
          .putHeader("Content-Type", "application/json; charset=utf-8")
          .end(Json.mapper().writeValueAsString(receipt));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      ctx.fail(e);
    }
  }

  static String mediaType(String header) {
    if (header == null) return "";
    int semicolon = header.indexOf(';');
    return (semicolon < 0 ? header : header.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Stops taking requests, lets the messages in progress finish (so every 202 already promised has
   * its receipt stored), then closes the Kafka clients.
   */
  @Override
  public void close() {
    // Undeploying shuts every instance's server down gracefully (in-flight requests finish).
    if (deployment != null) vertx.undeploy(deployment).await();
    processor.awaitIdle(SHUTDOWN_GRACE);
    receipts.close();
    publisher.close();
  }
}
