package io.sanliu.bench;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.sanliu.api.ApiServer;
import io.sanliu.api.auth.Role;
import io.sanliu.api.screens.Overview;
import io.sanliu.elastic.ElasticClients;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.elastic.Indices;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The screen endpoints under load: {@code clients} concurrent clients at {@code rate} requests per
 * second over the overview, a day of hourly values and a ranking, then the overview's own search
 * straight against Elasticsearch at the same rate, for comparison. Runs its own Kafka,
 * Elasticsearch (seeded with statistics) and query API; see docs/benchmarks.md.
 */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = "p50/p99 of the screen endpoints at a fixed request rate, and of Elasticsearch.")
public final class ApiBenchCommand implements Callable<Integer> {
  /** A request slower than this counts as an error. */
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Option(
      names = "--rate",
      defaultValue = "1000",
      description = "Requests per second, all clients together (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--clients",
      defaultValue = "100",
      description = "Concurrent clients, a connection and a token each (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--warmup",
      defaultValue = "10",
      description = "Uncounted seconds before each run (default ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--seconds",
      defaultValue = "60",
      description = "Measured seconds of each run (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--es-rates",
      split = ",",
      defaultValue = "1000,50",
      description =
          "Rates of the runs straight against Elasticsearch, requests per second (default"
              + " ${DEFAULT-VALUE}: the API's rate, and one Elasticsearch can serve unloaded).")
  List<Double> esRates;

  @Option(
      names = "--seed",
      defaultValue = "6",
      description = "Seed of the statistics documents (default ${DEFAULT-VALUE}).")
  long seed;

  @Mixin StackOptions stack;

  @Override
  public Integer call() throws Exception {
    if (!(rate > 0)
        || clients < 1
        || seconds < 1
        || warmupSeconds < 0
        || esRates.stream().anyMatch(r -> !(r > 0))) {
      throw new IllegalArgumentException("--rate, --clients, --seconds must be positive");
    }
    PrintStream progress = System.err;
    BenchReport report = new BenchReport("api", Instant.now(), MachineInfo.describe());
    report
        .parameter("rate", rate)
        .parameter("clients", clients)
        .parameter("warmupSeconds", warmupSeconds)
        .parameter("seconds", seconds)
        .parameter("esRates", esRates)
        .parameter("timeoutMillis", TIMEOUT.toMillis());
    try (BenchStack platform = stack.start("api", report, progress)) {
      Config config =
          platform
              .config()
              .with(
                  Map.of(
                      ConfigKey.API_PORT, "0",
                      ConfigKey.API_JWT_SECRET, UUID.randomUUID() + "-" + UUID.randomUUID(),
                      ConfigKey.API_RATE_LIMIT, "1000000",
                      ConfigKey.API_RATE_BURST, "1000000"));
      try (ElasticClients es = ElasticClients.connect(config)) {
        int docs = ScreenStatisticsSeed.seed(es.blocking(), Instant.now(), seed);
        progress.println("Seeded " + docs + " statistics documents");
        report.environment("seededDocuments", docs);
      }
      Vertx vertx = Vertx.vertx();
      try (ApiServer api = new ApiServer(vertx, config);
          ApiLoad load = new ApiLoad(clients)) {
        api.start().await();
        String url = "http://127.0.0.1:" + api.port();
        // One subject per client, as a hundred screens would have.
        List<String> tokens = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
          tokens.add(api.tokenIssuer().issue("bench-screen-" + k, Role.VIEWER).token());
        }
        List<ApiLoad.Target> screens =
            List.of(
                get("overview", url + "/api/v1/stats/overview", tokens),
                get(
                    "series 1h x 24h",
                    url + "/api/v1/stats/series?measure=valueCny&interval=1h",
                    tokens),
                get(
                    "top enterprises today",
                    url + "/api/v1/stats/top?dimension=ENTERPRISE&direction=E",
                    tokens));
        String body =
            JsonpUtils.toJsonString(
                Overview.request(Instant.now()), new JacksonJsonpMapper(Json.mapper()));
        Duration warmup = Duration.ofSeconds(warmupSeconds);
        Duration measured = Duration.ofSeconds(seconds);
        Map<String, Object> latencies = new LinkedHashMap<>();
        progress.printf(Locale.ROOT, "API: %,.0f req/s, %d clients%n", rate, clients);
        record(load.run(screens, rate, warmup, measured, TIMEOUT), latencies);
        progress.println("  slowest seconds of the run: " + load.slowestSeconds());
        for (double esRate : esRates) {
          progress.printf(Locale.ROOT, "Elasticsearch straight: %,.0f req/s%n", esRate);
          ApiLoad.Target direct =
              new ApiLoad.Target(
                  String.format(
                      Locale.ROOT, "elasticsearch: the overview's search at %.0f/s", esRate),
                  k ->
                      new RequestOptions()
                          .setMethod(HttpMethod.POST)
                          .setAbsoluteURI(
                              config.get(ConfigKey.ES_URL) + "/" + Indices.TRADE_STATS + "/_search")
                          .putHeader("Content-Type", "application/json"),
                  Buffer.buffer(body));
          record(load.run(List.of(direct), esRate, warmup, measured, TIMEOUT), latencies);
        }
        report.environment("latencyMillis", latencies);
      } finally {
        vertx.close().await();
      }
    }
    stack.finish(report);
    return 0;
  }

  private static ApiLoad.Target get(String name, String url, List<String> tokens) {
    return new ApiLoad.Target(
        name,
        k ->
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(url)
                .putHeader("Authorization", "Bearer " + tokens.get(k)),
        null);
  }

  /** Prints one run's figures and keeps them for the report. */
  private static void record(Map<String, ApiLoad.Outcome> run, Map<String, Object> latencies) {
    System.out.printf(
        Locale.ROOT,
        "%-40s %8s %9s %9s %9s %9s %7s%n",
        "",
        "answered",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "errors");
    run.forEach(
        (name, o) -> {
          System.out.printf(
              Locale.ROOT,
              "%-40s %8d %9.2f %9.2f %9.2f %9.2f %7d%n",
              name,
              o.latency().count(),
              o.latency().p50(),
              o.latency().p95(),
              o.latency().p99(),
              o.latency().max(),
              o.errors());
          if (o.lastError() != null) System.out.println("  last error: " + o.lastError());
          Map<String, Object> m = new LinkedHashMap<>(o.latency().toMap());
          m.put("errors", o.errors());
          if (o.lastError() != null) m.put("lastError", o.lastError());
          latencies.put(name, m);
        });
  }
}
