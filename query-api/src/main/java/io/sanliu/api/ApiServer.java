package io.sanliu.api;

import io.sanliu.api.alerts.AlertRoutes;
import io.sanliu.api.auth.ApiTokens;
import io.sanliu.api.auth.BearerAuthentication;
import io.sanliu.api.auth.DevTokenRoutes;
import io.sanliu.api.auth.SubjectRateLimit;
import io.sanliu.api.auth.TokenIssuer;
import io.sanliu.api.credit.CreditProfiles;
import io.sanliu.api.credit.CreditRoutes;
import io.sanliu.api.credit.NegativeListInForce;
import io.sanliu.api.credit.NegativeListRoutes;
import io.sanliu.api.credit.TradeReport;
import io.sanliu.api.credit.TradeReportRoutes;
import io.sanliu.api.enterprise.EnterpriseRoutes;
import io.sanliu.api.ledger.CompositeBuckets;
import io.sanliu.api.ops.ApiMetrics;
import io.sanliu.api.ops.HealthRoutes;
import io.sanliu.api.ops.OpenApiRoutes;
import io.sanliu.api.ops.ResponseCache;
import io.sanliu.api.push.AlertFeed;
import io.sanliu.api.push.AlertStream;
import io.sanliu.api.push.KpiStream;
import io.sanliu.api.rules.RulePrecision;
import io.sanliu.api.rules.RuleRoutes;
import io.sanliu.api.rules.RulesInForce;
import io.sanliu.api.screens.Overview;
import io.sanliu.api.screens.ScreenRoutes;
import io.sanliu.api.sql.SqlRoutes;
import io.sanliu.api.stats.OrdersPerModeQuery;
import io.sanliu.api.stats.StatsRoutes;
import io.sanliu.api.tax.TaxRoutes;
import io.sanliu.api.tax.TaxSummary;
import io.sanliu.api.trace.TraceRoutes;
import io.sanliu.elastic.ElasticClients;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.sql.SqlLimits;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API under {@code /api/v1} and the dashboards' static assets under {@code /}. Wires the
 * feature routes (auth, alerts, rules, push, ops, stats) onto one router; each feature's class
 * holds its own routes. See docs/api.md.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** Idle rate-limit buckets are swept this often. */
  private static final long SWEEP_MILLIS = 60_000;

  private final Vertx vertx;
  private final Config config;
  private final ElasticClients elastic;
  private final ApiMetrics metrics = new ApiMetrics();
  private final ApiTokens tokens;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private Router router;
  private HttpServer server;
  private long sweeper = -1;

  public ApiServer(Vertx vertx, Config config) {
    this.vertx = vertx;
    this.config = config;
    this.elastic = ElasticClients.connect(config);
    this.tokens = ApiTokens.from(vertx, config);
  }

  /** Starts following the rule and alert topics, then listens. */
  public Future<HttpServer> start() {
    String bootstrap = config.get(ConfigKey.KAFKA_BOOTSTRAP);
    ElasticCalls calls = new ElasticCalls(metrics.registry());
    var es = elastic.async();
    Clock clock = Clock.systemUTC();

    Overview overview = new Overview(es);
    RulesInForce rules = started(new RulesInForce(bootstrap, DefaultRules.all()));
    AlertFeed feed =
        started(
            new AlertFeed(
                vertx, bootstrap, config.getInt(ConfigKey.API_SSE_REPLAY), metrics.registry()));
    TopicPublisher<RuleDefinition> publisher =
        closedLater(
            new TopicPublisher<>(
                vertx, bootstrap, Topics.RISK_RULES, RuleDefinition::key, "sanliu-api-rules"));
    TopicPublisher<AlertReview> reviewPublisher =
        closedLater(
            new TopicPublisher<>(
                vertx, bootstrap, Topics.ALERT_REVIEWS, AlertReview::key, "sanliu-api-reviews"));
    NegativeListInForce negativeList = started(new NegativeListInForce(bootstrap));
    TopicPublisher<NegativeListEntry> negativePublisher =
        closedLater(
            new TopicPublisher<>(
                vertx,
                bootstrap,
                Topics.NEGATIVE_LIST,
                NegativeListEntry::key,
                "sanliu-api-negative-list"));
    HealthRoutes health = closedLater(new HealthRoutes(es, calls, rules, feed, bootstrap));
    KpiStream kpis =
        closedLater(
            new KpiStream(
                vertx, es, calls, overview, config.getDuration(ConfigKey.API_SSE_HEARTBEAT)));
    SubjectRateLimit rateLimit = SubjectRateLimit.from(config);
    sweeper = vertx.setPeriodic(SWEEP_MILLIS, t -> rateLimit.forgetIdle());

    long maxBody = config.getLong(ConfigKey.API_MAX_BODY_BYTES);
    router = Router.router(vertx);
    Endpoints endpoints =
        new Endpoints(
            router,
            BearerAuthentication.headerOnly(tokens),
            BearerAuthentication.headerOrQuery(tokens),
            rateLimit,
            new ResponseCache(config.getDuration(ConfigKey.API_CACHE_TTL), metrics.registry()));
    ProblemResponses problems = new ProblemResponses(maxBody, endpoints::allowed);
    router.route().handler(metrics.requestTimer());
    router.route().failureHandler(problems::handleFailure);
    router.errorHandler(404, problems::handleUnmatched);
    router.errorHandler(405, problems::handleUnmatched);
    cors().ifPresent(cors -> router.route("/api/*").handler(cors));
    // Every method: a route restricted to some methods would turn a 404 into a 405 under /api/.
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(maxBody));
    health.mount(endpoints);
    endpoints.openRaw(
        HttpMethod.GET,
        "/metrics",
        ctx ->
            ctx.response()
                .putHeader("Content-Type", ApiMetrics.PROMETHEUS_TEXT)
                .end(metrics.scrape()));
    new OpenApiRoutes().mount(endpoints);
    if (Boolean.parseBoolean(config.get(ConfigKey.API_DEV_TOKENS))) {
      new DevTokenRoutes(tokenIssuer()).mount(endpoints);
      LOG.warn(
          "{}=true: POST /api/v1/auth/token hands out tokens for any role (development only)",
          ConfigKey.API_DEV_TOKENS.env());
    }
    new StatsRoutes(new OrdersPerModeQuery(es), calls).mount(endpoints);
    new ScreenRoutes(es, overview, calls, clock).mount(endpoints);
    new AlertRoutes(es, calls, reviewPublisher, clock).mount(endpoints);
    new RuleRoutes(rules, publisher, new RulePrecision(es, calls, rules), clock).mount(endpoints);
    new AlertStream(feed, config.getDuration(ConfigKey.API_SSE_HEARTBEAT), metrics.registry())
        .mount(endpoints);
    kpis.mount(endpoints);
    new TraceRoutes(es, calls).mount(endpoints);
    new EnterpriseRoutes(es, calls, clock).mount(endpoints);
    CreditProfiles creditProfiles = new CreditProfiles(es, calls);
    new CreditRoutes(creditProfiles).mount(endpoints);
    CompositeBuckets ledgerBuckets = new CompositeBuckets(es, calls);
    new TradeReportRoutes(new TradeReport(es, calls, ledgerBuckets, creditProfiles, clock), clock)
        .mount(endpoints);
    new TaxRoutes(new TaxSummary(ledgerBuckets), clock).mount(endpoints);
    new NegativeListRoutes(negativeList, negativePublisher, es, calls, clock).mount(endpoints);
    closedLater(new SqlRoutes(vertx, elastic.blocking(), SqlLimits.from(config), tokens))
        .mount(endpoints);

    // The dashboards module ships its pages on the classpath under sanliu-dashboards/ (a name no
    // working directory has, since Vert.x looks in the working directory first).
    // Not under /api/: there an unknown path is a 404 and a wrong method a 405.
    router
        .getWithRegex("/(?!api/).*")
        .handler(
            ctx -> {
              ctx.put(Endpoints.ROUTE_KEY, "GET (dashboards)");
              ctx.next();
            })
        .handler(StaticHandler.create("sanliu-dashboards").setCachingEnabled(false));
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(config.getInt(ConfigKey.API_PORT), config.get(ConfigKey.API_HOST))
        // map, not onSuccess: the future the caller awaits completes only once the server is
        // kept, so port() right after start().await() cannot see it unset.
        .map(
            s -> {
              this.server = s;
              if (tokens.randomSecret()) {
                LOG.info(
                    "{} not set: tokens are signed with a random secret of this process",
                    ConfigKey.API_JWT_SECRET.env());
              }
              return s;
            });
  }

  /** Issues tokens valid for this server (its secret), with the configured lifetime. */
  public TokenIssuer tokenIssuer() {
    return tokens.issuer(config.getDuration(ConfigKey.API_TOKEN_TTL));
  }

  public int port() {
    return server.actualPort();
  }

  /** The router, for the test that checks every route is in the OpenAPI document. */
  Router router() {
    return router;
  }

  /** Metrics as Prometheus reads them (for tests). */
  ApiMetrics metrics() {
    return metrics;
  }

  private Optional<CorsHandler> cors() {
    List<String> origins =
        Arrays.stream(config.get(ConfigKey.API_CORS_ORIGINS).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    if (origins.isEmpty()) return Optional.empty();
    return Optional.of(
        CorsHandler.create()
            .addOrigins(origins)
            .allowedMethods(
                Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.OPTIONS))
            .allowedHeaders(Set.of("Authorization", "Content-Type", "Last-Event-ID"))
            .exposedHeaders(Set.of("Retry-After", "Location", "X-Cache"))
            .maxAgeSeconds(600));
  }

  private <T extends TopicReader> T started(T reader) {
    resources.push(reader);
    reader.start();
    return reader;
  }

  private <T extends AutoCloseable> T closedLater(T resource) {
    resources.push(resource);
    return resource;
  }

  @Override
  public void close() {
    if (server != null) server.close().await();
    if (sweeper >= 0) vertx.cancelTimer(sweeper);
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LOG.warn("while stopping the API: {}", e.toString());
      }
    }
    metrics.close();
    elastic.close();
  }
}
