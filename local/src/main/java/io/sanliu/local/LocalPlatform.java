package io.sanliu.local;

import io.sanliu.api.ApiServer;
import io.sanliu.elastic.ElasticClients;
import io.sanliu.elastic.IndexTemplateInstaller;
import io.sanliu.embedded.ElasticsearchOptions;
import io.sanliu.embedded.EmbeddedElasticsearch;
import io.sanliu.embedded.EmbeddedKafka;
import io.sanliu.embedded.TopicProvisioner;
import io.sanliu.ingest.IngestServer;
import io.sanliu.jobs.JobCatalog;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.simulator.CompressedZoneRules;
import io.sanliu.simulator.RuleControlTopic;
import io.sanliu.simulator.Simulator;
import io.sanliu.simulator.SimulatorOptions;
import io.sanliu.simulator.SimulatorTarget;
import io.sanliu.simulator.ZoneParticipants;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole platform in one process on the embedded stack: Kafka broker, Elasticsearch (child
 * process), every Flink job in one MiniCluster, the ingest gateway, the query API with the
 * dashboards, and the simulator. Stops everything in reverse order, also on Ctrl-C or SIGTERM.
 */
public final class LocalPlatform implements AutoCloseable {
  /** Printed once everything is up; scripts and tests wait for it. */
  public static final String READY_LINE = "Sanliu is up.";

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final StatusBoard board;
  private Path dataDir;
  private boolean temporaryDataDir;
  private Thread shutdownHook;
  private String ingestUrl;
  private String apiUrl;
  private Map<String, String> apiKeys = Map.of();

  private LocalPlatform(PrintStream out) {
    this.board = new StatusBoard(out);
  }

  /** Options of a local run that are not settings of the product. */
  public record Options(double simulatorRate, long simulatorSeed) {}

  public static LocalPlatform start(Config base, Options options, PrintStream out)
      throws Exception {
    LocalPlatform platform = new LocalPlatform(out);
    platform.shutdownHook = new Thread(platform::close, "sanliu-local-stop");
    Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
    try {
      platform.run(base, options);
      return platform;
    } catch (Exception e) {
      platform.close();
      throw e;
    }
  }

  private void run(Config base, Options options) throws Exception {
    long t0 = System.nanoTime();
    dataDir = dataDir(base);
    board.line("Sanliu local: data in " + dataDir + (temporaryDataDir ? " (removed on exit)" : ""));

    EmbeddedKafka kafka =
        board.step(
            "Kafka broker (KRaft)",
            () ->
                EmbeddedKafka.start(
                    dataDir.resolve("kafka"), base.getInt(ConfigKey.LOCAL_KAFKA_PORT)),
            k -> k.bootstrapServers());
    started.push(kafka);
    Config config = base.with(ConfigKey.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
    board.step(
        "Kafka topics",
        () -> {
          TopicProvisioner.ensureAll(kafka.bootstrapServers(), config);
          return io.sanliu.model.kafka.Topics.all().size();
        },
        n -> n + " topics");

    EmbeddedElasticsearch es =
        board.step(
            "Elasticsearch",
            () ->
                EmbeddedElasticsearch.start(
                    ElasticsearchOptions.from(config, dataDir.resolve("elasticsearch"))
                        .withStatus(s -> board.line("       " + s))),
            e -> e.httpUrl() + " pid " + e.pid());
    started.push(es);
    Config withEs = config.with(ConfigKey.ES_URL, es.httpUrl());
    board.step(
        "Index templates",
        () -> {
          try (ElasticClients clients = ElasticClients.connect(withEs)) {
            return new IndexTemplateInstaller(clients.blocking()).installAll();
          }
        },
        names -> String.join(", ", names));

    // The simulated zone runs its clock fast: the matcher's deadlines, the logistics job's stall
    // limits and the rules' durations follow (settings left at their defaults only; rules as a new
    // version on the control topic).
    SimulatorOptions zone =
        SimulatorOptions.defaults()
            .withRate(Math.max(options.simulatorRate(), 1))
            .withSeed(options.simulatorSeed());
    Config tuned = withEs;
    if (options.simulatorRate() > 0) {
      Map<ConfigKey, String> compressed = new HashMap<>(CompressedZoneRules.matchTimeouts(zone));
      compressed.putAll(CompressedZoneRules.logisticsDurations(zone));
      for (var e : compressed.entrySet()) {
        if (tuned.get(e.getKey()).equals(e.getKey().defaultValue())) {
          tuned = tuned.with(e.getKey(), e.getValue());
        }
      }
    }
    int parallelism = withEs.getInt(ConfigKey.FLINK_PARALLELISM);
    LocalFlinkCluster flink =
        board.step(
            "Flink MiniCluster",
            () -> LocalFlinkCluster.start(JobCatalog.all().size() * parallelism + 2),
            f -> uncheckedUrl(f));
    started.push(flink);
    Config jobs = tuned;
    for (SanliuJob job : JobCatalog.all()) {
      board.step(
          "Flink job " + job.name(),
          () -> {
            var id = flink.submit(job, jobs);
            return flink.awaitRunning(id, 60_000) + " " + id;
          },
          s -> s);
    }
    if (options.simulatorRate() > 0) {
      board.step(
          "Risk rules",
          () -> RuleControlTopic.publish(kafka.bootstrapServers(), CompressedZoneRules.of(zone)),
          n ->
              n
                  + " rules on "
                  + io.sanliu.model.kafka.Topics.RISK_RULES.name()
                  + ", durations compressed "
                  + (long) zone.compression()
                  + "x for the simulated zone");
    }

    Config gateway = withEs;
    if (withEs.get(ConfigKey.INGEST_SENDERS_FILE).isBlank()) {
      // The simulated zone's participants, each with a fresh key, as the gateway's senders.
      apiKeys = ZoneParticipants.newApiKeys();
      Path senders = dataDir.resolve("senders.properties");
      Files.writeString(senders, ZoneParticipants.sendersFile(apiKeys));
      gateway = withEs.with(ConfigKey.INGEST_SENDERS_FILE, senders.toString());
      board.line("Senders: the simulated participants, keys in " + senders);
    }
    Vertx vertx = Vertx.vertx();
    started.push(() -> vertx.close().await());
    IngestServer ingest = new IngestServer(vertx, gateway);
    board.step("Ingest gateway", () -> ingest.start().await(), s -> "port " + s.actualPort());
    started.push(ingest);
    // Development: the API hands out tokens for any role (docs/api.md), unless a secret is set.
    Config apiConfig =
        withEs.get(ConfigKey.API_JWT_SECRET).isEmpty()
            ? withEs.with(ConfigKey.API_DEV_TOKENS, "true")
            : withEs;
    ApiServer api = new ApiServer(vertx, apiConfig);
    board.step("Query API + dashboards", () -> api.start().await(), s -> "port " + s.actualPort());
    started.push(api);

    ingestUrl = "http://" + withEs.get(ConfigKey.INGEST_HOST) + ":" + ingest.port();
    apiUrl = "http://" + withEs.get(ConfigKey.API_HOST) + ":" + api.port();
    if (options.simulatorRate() > 0 && apiKeys.isEmpty()) {
      board.line("Simulator off: the senders come from SANLIU_INGEST_SENDERS_FILE, not from it.");
    } else if (options.simulatorRate() > 0) {
      Path truth = dataDir.resolve("simulator-truth.jsonl");
      Simulator traffic =
          board.step(
              "Simulator",
              () ->
                  new Simulator(
                          zone.withTarget(SimulatorTarget.gateway(ingestUrl, apiKeys))
                              .withTruthFile(truth)
                              .withTruthBootstrap(kafka.bootstrapServers()),
                          board::line)
                      .start(),
              t ->
                  options.simulatorRate()
                      + " documents/s into the gateway, ground truth in "
                      + truth);
      started.push(traffic);
    }

    board.line("");
    board.line(READY_LINE + String.format(" (%.1f s)", StatusBoard.seconds(t0)));
    board.line("  Dashboards        " + apiUrl + "/");
    board.line("  Orders per mode   " + apiUrl + "/api/v1/stats/orders-per-mode");
    board.line("  Risk alerts API   " + apiUrl + "/api/v1/alerts (docs/api.md)");
    if (Boolean.parseBoolean(apiConfig.get(ConfigKey.API_DEV_TOKENS))) {
      board.line(
          "  API token         curl -s -X POST "
              + apiUrl
              + "/api/v1/auth/token -H 'Content-Type: application/json'"
              + " -d '{\"role\":\"risk_officer\",\"subject\":\"me\"}'");
    }
    board.line("  Ingest gateway    " + ingestUrl + "/ingest/v1/orders");
    board.line(
        "  Risk alerts       "
            + es.httpUrl()
            + "/"
            + io.sanliu.model.elastic.Indices.ALERTS
            + "/_search");
    board.line("  Kafka             " + kafka.bootstrapServers());
    board.line("  Elasticsearch     " + es.httpUrl());
    board.line("  Flink REST        " + uncheckedUrl(flink));
    board.line("Press Ctrl-C to stop.");
  }

  /** Base URL of the ingest gateway. */
  public String ingestUrl() {
    return ingestUrl;
  }

  /** The API key of a simulated participant (when `local` wrote the senders file). */
  public String apiKeyOf(String participantCode) {
    return apiKeys.get(participantCode);
  }

  /** Base URL of the query API and dashboards. */
  public String apiUrl() {
    return apiUrl;
  }

  private static String uncheckedUrl(LocalFlinkCluster flink) {
    try {
      return flink.webUrl().toString();
    } catch (Exception e) {
      return "(unknown)";
    }
  }

  private Path dataDir(Config config) throws IOException {
    String configured = config.get(ConfigKey.LOCAL_DATA_DIR);
    if (!configured.isBlank()) {
      return Files.createDirectories(Path.of(configured).toAbsolutePath());
    }
    temporaryDataDir = true;
    // Traversable by others: Elasticsearch runs below it as an unprivileged user when we are root.
    return Files.createTempDirectory(
        "sanliu-local",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }

  /** Stops every component, newest first; safe to call twice (Ctrl-C during start-up). */
  @Override
  public synchronized void close() {
    if (started.isEmpty() && dataDir == null) return;
    board.line("Stopping Sanliu...");
    while (!started.isEmpty()) {
      AutoCloseable c = started.pop();
      try {
        c.close();
      } catch (Exception e) {
        board.line("  while stopping: " + e);
      }
    }
    if (temporaryDataDir) deleteTree(dataDir);
    dataDir = null;
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is running or has run: nothing to remove.
      }
    }
    board.line("Stopped.");
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // A temp directory left behind is harmless.
    }
  }
}
