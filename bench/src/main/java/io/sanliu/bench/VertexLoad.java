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
 * Where a job's time goes, per vertex (chain of operators), from Flink's REST metrics: the records
 * it took and passed on, and the share of each second its subtasks were busy, back-pressured
 * (waiting for downstream) or idle (waiting for input), averaged over the subtasks. The busy vertex
 * that nothing downstream back-pressures is the one that limits the job.
 */
final class VertexLoad {
  private static final String METRICS =
      "busyTimeMsPerSecond,backPressuredTimeMsPerSecond,idleTimeMsPerSecond";

  private VertexLoad() {}

  /** Vertex name → {busy, backPressured, idle} in ms per second; or why it is unavailable. */
  static Map<String, Object> of(LocalFlinkCluster flink, JobID job) {
    Map<String, Object> out = new LinkedHashMap<>();
    HttpClient http = HttpClient.newHttpClient();
    try {
      URI base = flink.webUrl();
      JsonNode vertices = get(http, base.resolve("/jobs/" + job)).path("vertices");
      for (JsonNode v : vertices) {
        JsonNode metrics =
            get(
                http,
                base.resolve(
                    "/jobs/"
                        + job
                        + "/vertices/"
                        + v.path("id").asText()
                        + "/subtasks/metrics?agg=avg&get="
                        + METRICS));
        Map<String, Object> m = new LinkedHashMap<>();
        // What the vertex took and passed on, so far: e.g. the documents a sink wrote.
        m.put("recordsIn", v.path("metrics").path("read-records").asLong());
        m.put("recordsOut", v.path("metrics").path("write-records").asLong());
        for (JsonNode metric : metrics) {
          String id = metric.path("id").asText().replace("TimeMsPerSecond", "");
          m.put(id, Math.round(metric.path("avg").asDouble()));
        }
        String name = v.path("name").asText();
        out.put(name.length() > 80 ? name.substring(0, 80) + "…" : name, m);
      }
    } catch (Exception e) {
      out.put("unavailable", e.toString());
    }
    return out;
  }

  /** A Flink REST resource as JSON. */
  static JsonNode get(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.mapper().readTree(r.body());
  }
}
