package io.sanliu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.jobs.LocalFlinkCluster;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;

/**
 * Ends a backlog run at the job's deployed checkpoint interval without waiting for the next
 * periodic checkpoint: once the Kafka sources report no pending records (their {@code
 * pendingRecords} gauges, summed over the source vertices), a checkpoint is triggered through
 * Flink's REST API; its completion commits the offsets the bench waits for. So the timing is exact
 * to about a checkpoint's duration while the job pays only for the checkpoints it would pay for as
 * deployed. At most one trigger a second.
 */
final class CaughtUpCheckpoint {
  private static final String PENDING = "pendingRecords";

  private final LocalFlinkCluster flink;
  private final JobID job;
  private final HttpClient http = HttpClient.newHttpClient();
  private long lastTrigger;
  private int triggers;
  private long firstOut;
  private long firstAt;

  CaughtUpCheckpoint(LocalFlinkCluster flink, JobID job) {
    this.flink = flink;
    this.job = job;
  }

  /**
   * Notes the sources' progress and triggers a checkpoint if they have read everything and none was
   * triggered lately.
   */
  void poll() throws Exception {
    long now = System.nanoTime();
    JsonNode vertices = get(flink.webUrl().resolve("/jobs/" + job)).path("vertices");
    if (firstAt == 0) {
      long out = 0;
      for (JsonNode v : sources(vertices)) out += v.path("metrics").path("write-records").asLong();
      if (out > 0) {
        firstAt = now;
        firstOut = out;
      }
    }
    if (now - lastTrigger < 1_000_000_000L && triggers > 0) return;
    if (pendingRecords(vertices) != 0) return;
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(flink.webUrl().resolve("/jobs/" + job + "/checkpoints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "triggering a checkpoint: " + r.statusCode() + " " + r.body());
    }
    lastTrigger = System.nanoTime();
    triggers++;
  }

  /**
   * The records the sources had passed on when first seen doing so (job start-up over), and when
   * ({@link System#nanoTime}); null if never seen.
   */
  long[] firstSeenReading() {
    return firstAt == 0 ? null : new long[] {firstOut, firstAt};
  }

  /** Checkpoints triggered so far. */
  int triggers() {
    return triggers;
  }

  private static List<JsonNode> sources(JsonNode vertices) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode v : vertices) if (v.path("name").asText().startsWith("Source:")) out.add(v);
    return out;
  }

  /**
   * Records the sources have yet to read; -1 while a source reports none (the gauge appears only
   * once its reader has fetched).
   */
  private long pendingRecords(JsonNode vertices) throws Exception {
    URI base = flink.webUrl();
    long sum = 0;
    int reporting = 0;
    List<JsonNode> sources = sources(vertices);
    for (JsonNode v : sources) {
      String metrics = "/jobs/" + job + "/vertices/" + v.path("id").asText() + "/subtasks/metrics";
      for (JsonNode m : get(base.resolve(metrics))) {
        String id = m.path("id").asText();
        if (!id.endsWith("." + PENDING)) continue;
        String q = "?agg=sum&get=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        for (JsonNode value : get(base.resolve(metrics + q))) {
          sum += value.path("sum").asLong();
          reporting++;
        }
      }
    }
    return reporting < sources.size() ? -1 : sum;
  }

  private JsonNode get(URI uri) throws Exception {
    return VertexLoad.get(http, uri);
  }
}
