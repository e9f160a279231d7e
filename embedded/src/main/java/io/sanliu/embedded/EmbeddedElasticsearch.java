package io.sanliu.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch server, run as a child process from the unpacked distribution,
 * listening on 127.0.0.1 without security. It stops on {@link #close()}, at JVM shutdown, and (via
 * the kernel's parent-death signal) when this JVM is killed outright.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
  public static final String CLUSTER_NAME = "sanliu-local";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern HEALTH_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

  private final Process process;
  private final String httpUrl;
  private final Path runDir;
  private final Path consoleLog;
  private final Thread shutdownHook = new Thread(this::stop, "elasticsearch-shutdown");
  private final AtomicBoolean stopped = new AtomicBoolean();

  private EmbeddedElasticsearch(Process process, String httpUrl, Path runDir, Path consoleLog) {
    this.process = process;
    this.httpUrl = httpUrl;
    this.runDir = runDir;
    this.consoleLog = consoleLog;
  }

  /** Starts the server and returns once the cluster is usable (all primaries allocated). */
  public static EmbeddedElasticsearch start(ElasticsearchOptions options) {
    long started = System.nanoTime();
    ElasticsearchDistribution.requireValid(options.home());
    ElasticsearchRunDir dirs = ElasticsearchRunDir.create(options.runDir());
    int httpPort = FreePorts.orFree(options.httpPort());
    int transportPort = FreePorts.pick(httpPort);
    dirs.writeConfig(options.home(), settings(dirs, httpPort, transportPort));
    options
        .status()
        .accept(
            "Starting Elasticsearch from "
                + options.home()
                + " (heap "
                + options.heap()
                + ", run dir "
                + dirs.root()
                + ")");

    ProcessBuilder builder = new ProcessBuilder(launchCommand(options, dirs));
    Map<String, String> env = builder.environment();
    // JVM options from our own environment would reach the server's JVM; pass only ours.
    Stream.of(
            "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "CLI_JAVA_OPTS")
        .forEach(env::remove);
    env.remove("JAVA_HOME"); // ES_JAVA_HOME decides; JAVA_HOME only causes a warning
    env.put("ES_JAVA_HOME", System.getProperty("java.home")); // this zip bundles no JDK
    env.put("ES_JAVA_OPTS", "-Xms" + options.heap() + " -Xmx" + options.heap());
    env.put("ES_PATH_CONF", dirs.config().toString());
    env.put("ES_TMPDIR", dirs.tmp().toString());
    builder
        .directory(dirs.root().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        // Straight to a file (fresh per start): the output never blocks the server and is there
        // to read on failure.
        .redirectOutput(ProcessBuilder.Redirect.to(dirs.consoleLog().toFile()));

    Process process = launchFromKeeperThread(builder);
    String httpUrl = "http://127.0.0.1:" + httpPort;
    EmbeddedElasticsearch es =
        new EmbeddedElasticsearch(process, httpUrl, dirs.root(), dirs.consoleLog());
    Runtime.getRuntime().addShutdownHook(es.shutdownHook);
    String health;
    try {
      health = es.awaitUsable(options.startTimeout());
    } catch (RuntimeException e) {
      es.close();
      throw e;
    }
    options
        .status()
        .accept(
            String.format(
                "Elasticsearch ready at %s (cluster %s, status %s) in %.1f s, pid %d",
                httpUrl, CLUSTER_NAME, health, (System.nanoTime() - started) / 1e9, process.pid()));
    return es;
  }

  /** e.g. {@code http://127.0.0.1:9200} */
  public String httpUrl() {
    return httpUrl;
  }

  /** Pid of the launcher process; the server JVM is its child. */
  public long pid() {
    return process.pid();
  }

  /** The launcher and its descendants (the server JVM) that are alive now. */
  public List<ProcessHandle> processTree() {
    List<ProcessHandle> tree = new ArrayList<>();
    if (process.isAlive()) tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    return List.copyOf(tree);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path runDir() {
    return runDir;
  }

  /** Stops the server and waits for its processes to end; later calls do nothing. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down and the hook is stopping the server already.
    }
    stop();
  }

  private static List<String> launchCommand(
      ElasticsearchOptions options, ElasticsearchRunDir dirs) {
    Optional<Path> setpriv = Commands.which("setpriv");
    if (!UnixAccount.currentIsRoot()) {
      Path script = options.home().resolve("bin/elasticsearch");
      if (setpriv.isEmpty()) {
        log.warn("setpriv not found: Elasticsearch may outlive this JVM if it is killed");
        return List.of(script.toString());
      }
      // The kernel sends TERM to Elasticsearch when the thread that started it dies.
      return List.of(setpriv.get().toString(), "--pdeathsig=TERM", "--", script.toString());
    }

    // Elasticsearch refuses to run as root.
    if (setpriv.isEmpty()) {
      throw new IllegalStateException(
          "running as root, but setpriv (util-linux) is missing to start Elasticsearch as "
              + options.runAsUser());
    }
    UnixAccount account = UnixAccount.ensure(options.runAsUser(), options.status());
    account
        .firstBlockedDirectory(dirs.root())
        .ifPresent(
            blocked -> {
              throw new IllegalStateException(
                  "user "
                      + account.name()
                      + " cannot enter "
                      + blocked
                      + ", so it cannot run Elasticsearch in "
                      + dirs.root()
                      + ": choose a run directory outside it");
            });
    // The original may sit where the account cannot enter (a clone under /root): run a mirror.
    ElasticsearchDistribution.stage(options.home(), dirs.distribution());
    // Only what the server writes changes owner; the mirror's files are hard links to the
    // build's, which must stay root's.
    account.own(dirs.config(), dirs.data(), dirs.logs(), dirs.tmp());
    options
        .status()
        .accept(
            "Running as root: Elasticsearch runs as unprivileged user "
                + account.name()
                + " (uid "
                + account.uid()
                + ") via setpriv");
    return List.of(
        setpriv.get().toString(),
        "--reuid=" + account.uid(),
        "--regid=" + account.gid(),
        "--clear-groups",
        "--pdeathsig=TERM",
        "--",
        dirs.distribution().resolve("bin/elasticsearch").toString());
  }

  /**
   * The parent-death signal fires when the <em>thread</em> that forked the child ends, not the
   * process. So the child is started from a daemon thread that lives as long as the child does.
   */
  private static Process launchFromKeeperThread(ProcessBuilder builder) {
    CompletableFuture<Process> launched = new CompletableFuture<>();
    Thread keeper =
        new Thread(
            () -> {
              Process process;
              try {
                process = builder.start();
              } catch (IOException | RuntimeException e) {
                launched.completeExceptionally(e);
                return;
              }
              launched.complete(process);
              while (process.isAlive()) {
                try {
                  process.waitFor();
                } catch (InterruptedException e) {
                  // This thread must not end before the child: keep waiting.
                }
              }
            },
            "elasticsearch-keeper");
    keeper.setDaemon(true);
    keeper.start();
    try {
      return launched.join();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot start Elasticsearch: " + builder.command(), e.getCause());
    }
  }

  private static Map<String, String> settings(
      ElasticsearchRunDir dirs, int httpPort, int transportPort) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("cluster.name", CLUSTER_NAME);
    s.put("node.name", CLUSTER_NAME + "-1");
    s.put("path.data", dirs.data().toString());
    s.put("path.logs", dirs.logs().toString());
    s.put("network.host", "127.0.0.1"); // loopback also keeps the production bootstrap checks off
    s.put("http.port", String.valueOf(httpPort));
    s.put("transport.port", String.valueOf(transportPort));
    s.put("discovery.type", "single-node");
    s.put("xpack.security.enabled", "false");
    // A nearly full developer disk must not turn indices read-only.
    s.put("cluster.routing.allocation.disk.threshold_enabled", "false");
    // Registered by x-pack-core: a no-op in this zip, but keeps a full distribution (set through
    // SANLIU_LOCAL_ES_HOME) from starting its memory-hungry native ML controller.
    s.put("xpack.ml.enabled", "false");
    return s;
  }

  /** Polls cluster health (GET / answers 405 in this distribution) until primaries are up. */
  private String awaitUsable(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    // Yellow means every primary is allocated: on one node that is all there is. Fresh clusters
    // answer green; indices a client created with replicas never become green on one node.
    URI health = URI.create(httpUrl + "/_cluster/health?wait_for_status=yellow&timeout=1s");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw failure("Elasticsearch exited with code " + process.exitValue() + " while starting");
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          Matcher status = HEALTH_STATUS.matcher(response.body());
          return status.find() ? status.group(1) : "unknown";
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("interrupted while waiting for Elasticsearch");
      }
      sleep(250);
    }
    throw failure("Elasticsearch was not ready within " + timeout.toSeconds() + " s");
  }

  private IllegalStateException failure(String reason) {
    stop();
    return new IllegalStateException(
        reason + "; last output (" + consoleLog + "):\n" + tail(consoleLog, 40));
  }

  /** Stops the whole process tree: TERM first, KILL for what is left after the timeout. */
  private void stop() {
    if (!stopped.compareAndSet(false, true)) return;
    // Collect the tree first: once the launcher is gone its children are no longer descendants.
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    tree.add(process.toHandle());
    if (!awaitExit(tree, STOP_TIMEOUT)) {
      log.warn("Elasticsearch did not stop within {}; killing it", STOP_TIMEOUT);
      tree.forEach(ProcessHandle::destroyForcibly);
      awaitExit(tree, Duration.ofSeconds(5));
    }
    log.info("Elasticsearch at {} stopped", httpUrl);
  }

  private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle handle : processes) {
      try {
        handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (java.util.concurrent.ExecutionException e) {
        // onExit never fails
      }
    }
    return true;
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
