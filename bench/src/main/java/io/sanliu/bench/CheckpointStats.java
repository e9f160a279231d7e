package io.sanliu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.JobID;

/**
 * A job's checkpoints as Flink's REST API reports them: how many completed, failed and under way,
 * the last one's size and duration, the last failure. Checkpoints commit the Kafka offsets and
 * flush the sinks, so they bound what the bench can see of a job's progress.
 */
final class CheckpointStats {
  private CheckpointStats() {}

  static Map<String, Object> of(LocalFlinkCluster flink, JobID job) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      URI uri = flink.webUrl().resolve("/jobs/" + job + "/checkpoints");
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
      JsonNode root = Json.mapper().readTree(r.body());
      JsonNode counts = root.path("counts");
      m.put("completed", counts.path("completed").asLong());
      m.put("failed", counts.path("failed").asLong());
      m.put("inProgress", counts.path("in_progress").asLong());
      m.put("restored", counts.path("restored").asLong());
      JsonNode last = root.path("latest").path("completed");
      if (!last.isMissingNode() && !last.isNull()) {
        m.put("lastStateBytes", last.path("state_size").asLong());
        m.put("lastDurationMs", last.path("end_to_end_duration").asLong());
      }
      JsonNode failed = root.path("latest").path("failed");
      if (!failed.isMissingNode() && !failed.isNull()) {
        m.put("lastFailure", failed.path("failure_message").asText());
      }
    } catch (Exception e) {
      m.put("unavailable", e.toString());
    }
    return m;
  }
}
