package io.sanliu.embedded;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * How to start {@link EmbeddedElasticsearch}.
 *
 * @param home unpacked distribution (read only; never written to)
 * @param runDir per-run directory for config copy, data, logs and temp files; created if missing.
 *     When the launcher is root, its parent directories must be enterable by {@code runAsUser}.
 * @param httpPort HTTP port on 127.0.0.1; 0 picks a free one
 * @param heap JVM heap of the server, e.g. {@code 512m}
 * @param runAsUser unprivileged user that runs Elasticsearch when this process is root
 * @param status where progress meant for the person at the console goes
 * @param startTimeout how long to wait for the cluster to become usable
 */
public record ElasticsearchOptions(
    Path home,
    Path runDir,
    int httpPort,
    String heap,
    String runAsUser,
    Consumer<String> status,
    Duration startTimeout) {

  public static final String DEFAULT_HEAP = "512m";
  public static final String DEFAULT_RUN_AS_USER = "sanliu-es";
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern HEAP = Pattern.compile("\\d+[kKmMgG]?");

  public ElasticsearchOptions {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startTimeout, "startTimeout");
    if (httpPort < 0 || httpPort > 65535)
      throw new IllegalArgumentException("httpPort " + httpPort);
    if (heap == null || !HEAP.matcher(heap).matches()) {
      throw new IllegalArgumentException("heap must look like 512m or 1g, not '" + heap + "'");
    }
    if (runAsUser == null || runAsUser.isBlank()) throw new IllegalArgumentException("runAsUser");
    home = home.toAbsolutePath();
    runDir = runDir.toAbsolutePath();
  }

  /** The unpacked distribution, a free port, 512 MB heap, status lines on stdout. */
  public static ElasticsearchOptions defaults(Path runDir) {
    return new ElasticsearchOptions(
        ElasticsearchDistribution.defaultHome(),
        runDir,
        0,
        DEFAULT_HEAP,
        DEFAULT_RUN_AS_USER,
        System.out::println,
        DEFAULT_START_TIMEOUT);
  }

  /** From {@code SANLIU_LOCAL_ES_HOME}, {@code _PORT}, {@code _HEAP} and {@code _RUN_AS}. */
  public static ElasticsearchOptions from(Config config, Path runDir) {
    return defaults(runDir)
        .withHome(ElasticsearchDistribution.home(config))
        .withHttpPort(config.getInt(ConfigKey.LOCAL_ES_PORT))
        .withHeap(config.get(ConfigKey.LOCAL_ES_HEAP))
        .withRunAsUser(config.get(ConfigKey.LOCAL_ES_RUN_AS));
  }

  public ElasticsearchOptions withHome(Path home) {
    return new ElasticsearchOptions(home, runDir, httpPort, heap, runAsUser, status, startTimeout);
  }

  public ElasticsearchOptions withHttpPort(int httpPort) {
    return new ElasticsearchOptions(home, runDir, httpPort, heap, runAsUser, status, startTimeout);
  }

  public ElasticsearchOptions withHeap(String heap) {
    return new ElasticsearchOptions(home, runDir, httpPort, heap, runAsUser, status, startTimeout);
  }

  public ElasticsearchOptions withRunAsUser(String runAsUser) {
    return new ElasticsearchOptions(home, runDir, httpPort, heap, runAsUser, status, startTimeout);
  }

  public ElasticsearchOptions withStatus(Consumer<String> status) {
    return new ElasticsearchOptions(home, runDir, httpPort, heap, runAsUser, status, startTimeout);
  }

  public ElasticsearchOptions withStartTimeout(Duration startTimeout) {
    return new ElasticsearchOptions(home, runDir, httpPort, heap, runAsUser, status, startTimeout);
  }
}
