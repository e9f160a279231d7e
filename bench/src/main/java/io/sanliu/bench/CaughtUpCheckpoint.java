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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;

/**
 * Ends a backlog run at the job's deployed checkpoint interval without waiting for the next
 * periodic checkpoint: once the Kafka sources report no pending records (their {@code
 * pendingRecords} gauges, summed over the source vertices), a checkpoint is triggered through
 * Flink's REST API; its completion commits the offsets the bench waits for. So the timing is exact
 * to about a checkpoint's duration while the job pays only for the checkpoints it would pay for as
 * deployed. None while a checkpoint is under way; a trigger is repeated only once its checkpoint
 * has ended without covering everything.
 */
final class CaughtUpCheckpoint {
  private static final String PENDING = "pendingRecords";

  private final LocalFlinkCluster flink;
  private final JobID job;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * How long after a triggered checkpoint ended its committed offsets are given to show before it
   * is repeated: the pending-records gauge counts records not yet fetched, so a checkpoint
   * triggered at zero may miss those fetched but not yet passed on.
   */
  private static final long COMMIT_SHOWS_NANOS = 1_000_000_000L;

  private long lastTrigger;
  private int triggered;
  private long endedAtTrigger;
  private long triggeredEndSeen;
  private long firstOut;

  /** Per source vertex, the query of its summed pending-records gauge once it has one. */
  private final Map<String, URI> pendingGauges = new HashMap<>();

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
    List<JsonNode> sources = sources(get(flink.webUrl().resolve("/jobs/" + job)).path("vertices"));
    if (firstAt == 0) {
      long out = 0;
      for (JsonNode v : sources) out += v.path("metrics").path("write-records").asLong();
      if (out > 0) {
        firstAt = now;
        firstOut = out;
      }
    }
    JsonNode counts = get(flink.webUrl().resolve("/jobs/" + job + "/checkpoints")).path("counts");
    long ended = counts.path("completed").asLong() + counts.path("failed").asLong();
    if (lastTrigger != 0) {
      // Wait for the triggered checkpoint to end, then a moment for the offsets it commits to
      // show: only a trigger that did not cover everything is repeated.
      if (ended <= endedAtTrigger) return;
      if (triggeredEndSeen == 0) triggeredEndSeen = now;
      if (now - triggeredEndSeen < COMMIT_SHOWS_NANOS) return;
    }
    if (pendingRecords(sources) != 0) return;
    // One at a time: a trigger behind a checkpoint under way would snapshot the whole state again
    // for nothing (runs measured up to ten checkpoints where the deployed interval gives two).
    if (counts.path("in_progress").asLong() > 0) return;
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
    endedAtTrigger = ended;
    triggeredEndSeen = 0;
    triggered++;
  }

  /** Checkpoints triggered so far. */
  int triggered() {
    return triggered;
  }

  /**
   * The records the sources had passed on when first seen doing so (job start-up over), and when
   * ({@link System#nanoTime}); null if never seen.
   */
  long[] firstSeenReading() {
    return firstAt == 0 ? null : new long[] {firstOut, firstAt};
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
  private long pendingRecords(List<JsonNode> sources) throws Exception {
    long sum = 0;
    int reporting = 0;
    for (JsonNode v : sources) {
      URI gauge = pendingGauge(v.path("id").asText());
      if (gauge == null) continue;
      for (JsonNode value : get(gauge)) {
        sum += value.path("sum").asLong();
        reporting++;
      }
    }
    return reporting < sources.size() ? -1 : sum;
  }

  /** The query of a source vertex's summed gauge, looked up in its metric list until it appears. */
  private URI pendingGauge(String vertex) throws Exception {
    URI known = pendingGauges.get(vertex);
    if (known != null) return known;
    String metrics = "/jobs/" + job + "/vertices/" + vertex + "/subtasks/metrics";
    for (JsonNode m : get(flink.webUrl().resolve(metrics))) {
      String id = m.path("id").asText();
      if (!id.endsWith("." + PENDING)) continue;
      URI gauge =
          flink
              .webUrl()
              .resolve(metrics + "?agg=sum&get=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
      pendingGauges.put(vertex, gauge);
      return gauge;
    }
    return null;
  }

  private JsonNode get(URI uri) throws Exception {
    return VertexLoad.get(http, uri);
  }
}
