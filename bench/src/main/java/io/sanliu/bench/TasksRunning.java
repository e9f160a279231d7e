package io.sanliu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.jobs.LocalFlinkCluster;
import java.net.URI;
import java.net.http.HttpClient;
import org.apache.flink.api.common.JobID;

/**
 * When a job's start-up was over: the moment the last of its subtasks switched to RUNNING, as
 * Flink's REST API records it per subtask ({@code /jobs/:id/vertices/:vertex/subtasktimes}). A
 * timestamp Flink took itself, so unlike its metrics (gathered once a second) it is exact.
 */
final class TasksRunning {
  private TasksRunning() {}

  /**
   * The latest RUNNING timestamp ({@link System#currentTimeMillis}) over every subtask of every
   * vertex of {@code job}.
   *
   * @throws IllegalStateException if a subtask has not run yet
   */
  static long at(LocalFlinkCluster flink, JobID job) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI base = flink.webUrl();
    long latest = 0;
    for (JsonNode v : VertexLoad.get(http, base.resolve("/jobs/" + job)).path("vertices")) {
      String vertex = v.path("id").asText();
      JsonNode times =
          VertexLoad.get(
              http, base.resolve("/jobs/" + job + "/vertices/" + vertex + "/subtasktimes"));
      for (JsonNode subtask : times.path("subtasks")) {
        long running = subtask.path("timestamps").path("RUNNING").asLong();
        if (running <= 0) {
          throw new IllegalStateException(
              "subtask "
                  + subtask.path("subtask").asInt()
                  + " of "
                  + v.path("name").asText()
                  + " has no RUNNING time: "
                  + subtask);
        }
        latest = Math.max(latest, running);
      }
    }
    if (latest == 0) throw new IllegalStateException("job " + job + " reports no subtasks");
    return latest;
  }
}
