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
 * Sees the end of a backlog run: once the Kafka sources have taken every record of the backlog from
 * their readers (their source operators' {@code numRecordsIn} counters, summed over the source
 * vertices, reach the backlog's size), one checkpoint is triggered through Flink's REST API. Its
 * barrier follows the last record, so when it completes every record has gone through every
 * operator and the sinks have flushed; the run ends at its last acknowledgement, as Flink reports
 * it. The job pays for the checkpoints it would pay for as deployed plus this one.
 *
 * <p>The offsets the Kafka source commits to its group are no end signal: the source commits from
 * its fetcher thread, which, once caught up, waits up to ten seconds in its consumer's poll before
 * it runs the commit (runs showed the group's offsets appear topic by topic, seconds after the
 * checkpoint completed). The bench checks them afterwards, untimed, as proof that the run covered
 * the backlog.
 */
final class CaughtUpCheckpoint {
  private static final String READ = "numRecordsIn";

  private final LocalFlinkCluster flink;
  private final JobID job;
  private final long backlog;
  private final HttpClient http = HttpClient.newHttpClient();

  private static final long COUNT_EVERY_NANOS_MAX = 2_000_000_000L;

  private int triggered;
  private long nextCount;
  private long lastCount;
  private long lastCountAt;
  private long triggeredAtMillis;
  private long endedAtMillis;

  /** The source vertices, once seen. */
  private List<JsonNode> sources;

  /** Per source vertex, the query of its source operator's summed read counter once it has one. */
  private final Map<String, URI> readCounters = new HashMap<>();

  /**
   * @param backlog the records the job's sources are to read
   */
  CaughtUpCheckpoint(LocalFlinkCluster flink, JobID job, long backlog) {
    this.flink = flink;
    this.job = job;
    this.backlog = backlog;
  }

  /**
   * Notes the sources' progress, triggers the checkpoint once they have read everything, and notes
   * when one triggered after that completed. A failed one is triggered again.
   */
  void poll() throws Exception {
    if (endedAtMillis != 0) return;
    if (sources == null) {
      sources = sources(get(flink.webUrl().resolve("/jobs/" + job)).path("vertices"));
    }
    // Triggered again only if every checkpoint since the trigger failed.
    if (triggered > 0 && !failedSinceTrigger()) return;
    if (System.nanoTime() < nextCount) return;
    long read = recordsRead(sources);
    if (read < backlog) {
      scheduleNextCount(read);
      return;
    }
    // Any checkpoint triggered from now on follows the last record.
    long at = System.currentTimeMillis();
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
    triggeredAtMillis = at;
    triggered++;
  }

  /**
   * Asks for the counters again in about half the time the sources need for the rest at their
   * current rate, at most {@link #COUNT_EVERY_NANOS_MAX} from now: every metric query makes Flink
   * gather all metrics of the job (once a second at most), which cost the job a tenth of its
   * samples in a profile, and the query matters only near the end.
   */
  private void scheduleNextCount(long read) {
    long now = System.nanoTime();
    long wait = 0;
    if (lastCountAt != 0 && read > lastCount) {
      double perNano = (read - lastCount) / (double) (now - lastCountAt);
      wait = (long) Math.min(COUNT_EVERY_NANOS_MAX, (backlog - read) / perNano / 2);
    }
    lastCount = read;
    lastCountAt = now;
    nextCount = now + wait;
  }

  /**
   * Whether the checkpoints triggered since the sources had read everything have all failed; when
   * one completed, notes its end in {@link #endedAtMillis} (and answers false: nothing more to do).
   */
  private boolean failedSinceTrigger() throws Exception {
    boolean failed = false;
    for (JsonNode c :
        get(flink.webUrl().resolve("/jobs/" + job + "/checkpoints")).path("history")) {
      if (c.path("trigger_timestamp").asLong() < triggeredAtMillis) continue;
      String status = c.path("status").asText();
      if (status.equals("COMPLETED")) {
        endedAtMillis = c.path("latest_ack_timestamp").asLong();
        return false;
      }
      if (status.equals("FAILED")) failed = true;
    }
    return failed;
  }

  /** Whether the run has ended: a checkpoint after the last record completed. */
  boolean ended() {
    return endedAtMillis != 0;
  }

  /** When it ended ({@link System#currentTimeMillis}), 0 until then. */
  long endedAtMillis() {
    return endedAtMillis;
  }

  /** Checkpoints triggered so far. */
  int triggered() {
    return triggered;
  }

  private static List<JsonNode> sources(JsonNode vertices) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode v : vertices) if (v.path("name").asText().startsWith("Source:")) out.add(v);
    return out;
  }

  /**
   * Records the source operators have taken from their readers; -1 while a source vertex reports no
   * counter yet.
   */
  private long recordsRead(List<JsonNode> sources) throws Exception {
    long sum = 0;
    for (JsonNode v : sources) {
      URI counter = readCounter(v.path("id").asText());
      if (counter == null) return -1;
      for (JsonNode value : get(counter)) sum += value.path("sum").asLong();
    }
    return sum;
  }

  /**
   * The query of a source vertex's summed read counter: the one of its chain's first operator, the
   * source ({@code Source__<name>.numRecordsIn}), looked up in its metric list until it appears.
   */
  private URI readCounter(String vertex) throws Exception {
    URI known = readCounters.get(vertex);
    if (known != null) return known;
    String metrics = "/jobs/" + job + "/vertices/" + vertex + "/subtasks/metrics";
    for (JsonNode m : get(flink.webUrl().resolve(metrics))) {
      String id = m.path("id").asText();
      if (!id.startsWith("Source") || !id.endsWith("." + READ)) continue;
      URI counter =
          flink
              .webUrl()
              .resolve(metrics + "?agg=sum&get=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
      readCounters.put(vertex, counter);
      return counter;
    }
    return null;
  }

  private JsonNode get(URI uri) throws Exception {
    return VertexLoad.get(http, uri);
  }
}
