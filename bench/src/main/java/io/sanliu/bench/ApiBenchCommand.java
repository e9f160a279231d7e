package io.sanliu.bench;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.sanliu.api.ApiServer;
import io.sanliu.api.auth.Role;
import io.sanliu.api.screens.Overview;
import io.sanliu.elastic.ElasticClients;
import io.sanliu.elastic.IndexTemplateInstaller;
import io.sanliu.embedded.ElasticsearchOptions;
import io.sanliu.embedded.EmbeddedElasticsearch;
import io.sanliu.embedded.EmbeddedKafka;
import io.sanliu.embedded.TopicProvisioner;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.elastic.Indices;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
  /** A request slower than this counts as an error rather than holding its client up. */
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Option(
      names = "--rate",
      description = "Requests per second, all clients together (default 1000).")
  double rate = 1000;

  @Option(names = "--clients", description = "Concurrent clients (default 100).")
  int clients = 100;

  @Option(names = "--warmup", description = "Uncounted seconds before each run (default 10).")
  int warmupSeconds = 10;

  @Option(names = "--seconds", description = "Measured seconds of each run (default 60).")
  int seconds = 60;

  @Option(names = "--es-heap", description = "Heap of the Elasticsearch server (default 512m).")
  String esHeap = "512m";

  @Option(names = "--seed", description = "Seed of the statistics documents (default 6).")
  long seed = 6;

  @Option(names = "--work-dir", description = "Where the temporary data goes (default tmp).")
  Path workDir;

  @Option(
      names = "--output-dir",
      description = "Where the JSON goes (default bench/target/bench-results).")
  Path outputDir;

  @Override
  public Integer call() throws Exception {
    if (!(rate > 0) || clients < 1 || seconds < 1 || warmupSeconds < 0) {
      throw new IllegalArgumentException("--rate, --clients, --seconds must be positive");
    }
    PrintStream progress = System.err;
    Path base = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
    Files.createDirectories(base);
    Path work =
        Files.createTempDirectory(
            base,
            "sanliu-bench-api-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("kind", "api");
    report.put("startedAt", Instant.now().toString());
    report.put("machine", MachineInfo.describe());
    report.put(
        "parameters",
        Map.of(
            "rate", rate, "clients", clients, "warmupSeconds", warmupSeconds, "seconds", seconds));
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
      Config stack = Config.defaults().with(ConfigKey.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
      TopicProvisioner.ensureAll(kafka.bootstrapServers(), stack);
      try (EmbeddedElasticsearch es =
          EmbeddedElasticsearch.start(
              ElasticsearchOptions.defaults(work.resolve("elasticsearch"))
                  .withHttpPort(0)
                  .withHeap(esHeap)
                  .withStatus(progress::println))) {
        Config config =
            stack.with(
                Map.of(
                    ConfigKey.ES_URL, es.httpUrl(),
                    ConfigKey.API_PORT, "0",
                    ConfigKey.API_JWT_SECRET, UUID.randomUUID() + "-" + UUID.randomUUID(),
                    ConfigKey.API_RATE_LIMIT, "1000000",
                    ConfigKey.API_RATE_BURST, "1000000"));
        try (ElasticClients clients = ElasticClients.connect(config)) {
          new IndexTemplateInstaller(clients.blocking()).installAll();
          int docs = ScreenStatisticsSeed.seed(clients.blocking(), Instant.now(), seed);
          progress.println("Seeded " + docs + " statistics documents");
          report.put("seededDocuments", docs);
        }
        Vertx vertx = Vertx.vertx();
        try (ApiServer api = new ApiServer(vertx, config)) {
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
          URI search = URI.create(es.httpUrl() + "/" + Indices.TRADE_STATS + "/_search");
          List<ApiLoad.Target> direct =
              List.of(
                  new ApiLoad.Target(
                      "elasticsearch: the overview's search",
                      k ->
                          HttpRequest.newBuilder(search)
                              .timeout(TIMEOUT)
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build()));
          Map<String, ApiLoad.Outcome> results = new LinkedHashMap<>();
          ApiLoad load = new ApiLoad();
          Duration warmup = Duration.ofSeconds(warmupSeconds);
          Duration measured = Duration.ofSeconds(seconds);
          progress.println("API run: " + rate + " req/s, " + clients + " clients");
          Map<String, ApiLoad.Outcome> viaApi =
              load.run(screens, rate, this.clients, warmup, measured);
          print(viaApi);
          results.putAll(viaApi);
          progress.println("Elasticsearch run");
          Map<String, ApiLoad.Outcome> viaEs =
              load.run(direct, rate, this.clients, warmup, measured);
          print(viaEs);
          results.putAll(viaEs);
          Map<String, Object> json = new LinkedHashMap<>();
          results.forEach(
              (n, o) -> {
                ApiLoad.Outcome outcome = o;
                Map<String, Object> m = new LinkedHashMap<>(outcome.latency().toMap());
                m.put("errors", outcome.errors());
                m.put("unsentInRun", outcome.missed());
                if (outcome.lastError() != null) m.put("lastError", outcome.lastError());
                json.put(n, m);
              });
          report.put("resultsMillis", json);
        } finally {
          vertx.close().await();
        }
      }
    }
    report.put("finishedAt", Instant.now().toString());
    Path out = outputDir != null ? outputDir : Path.of("bench", "target", "bench-results");
    Files.createDirectories(out);
    Path file = out.resolve("api-latest.json");
    Files.writeString(
        file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    progress.println("Wrote " + file);
    return 0;
  }

  private static ApiLoad.Target get(String name, String url, List<String> tokens) {
    URI uri = URI.create(url);
    return new ApiLoad.Target(
        name,
        k ->
            HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokens.get(k))
                .GET()
                .build());
  }

  private static void print(Map<String, ApiLoad.Outcome> results) {
    System.out.printf(
        Locale.ROOT,
        "%-40s %8s %9s %9s %9s %7s %7s%n",
        "",
        "count",
        "p50 ms",
        "p99 ms",
        "max ms",
        "errors",
        "unsent");
    results.forEach(
        (n, o) -> {
          ApiLoad.Outcome r = o;
          System.out.printf(
              Locale.ROOT,
              "%-40s %8d %9.2f %9.2f %9.2f %7d %7d%n",
              n,
              r.latency().count(),
              r.latency().p50(),
              r.latency().p99(),
              r.latency().max(),
              r.errors(),
              r.missed());
          if (r.lastError() != null) System.out.println("  last error: " + r.lastError());
        });
  }
}
