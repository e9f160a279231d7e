package io.sanliu.api.ops;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Reply;
import io.sanliu.api.TopicReader;
import io.sanliu.model.Json;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * {@code /health}: the process answers (liveness; a load balancer restarts it otherwise). {@code
 * /ready}: it can do its work: Elasticsearch answers and is not red, Kafka answers, the rules in
 * force have been read from the control topic and the alert feed has filled its replay ring; 503 (a
 * problem document with the checks) until then.
 */
public final class HealthRoutes implements AutoCloseable {
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

  private final ElasticsearchAsyncClient elastic;
  private final ElasticCalls calls;
  private final TopicReader rules;
  private final TopicReader alerts;
  private final Admin kafka;

  public HealthRoutes(
      ElasticsearchAsyncClient elastic,
      ElasticCalls calls,
      TopicReader rules,
      TopicReader alerts,
      String bootstrap) {
    this.elastic = elastic;
    this.calls = calls;
    this.rules = rules;
    this.alerts = alerts;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "sanliu-api-ready");
    this.kafka = Admin.create(p);
  }

  public void mount(Endpoints endpoints) {
    endpoints.open(HttpMethod.GET, "/health", this::health);
    endpoints.open(HttpMethod.GET, "/ready", this::ready);
  }

  private Future<Reply> health(RoutingContext ctx) {
    return Reply.okFuture(Json.mapper().createObjectNode().put("status", "UP"));
  }

  private Future<Reply> ready(RoutingContext ctx) {
    ObjectNode checks = Json.mapper().createObjectNode();
    Future<Boolean> es =
        calls
            .call(
                "cluster-health",
                () ->
                    elastic
                        .cluster()
                        .health(h -> h.timeout(t -> t.time(CHECK_TIMEOUT.toSeconds() + "s"))))
            .map(
                h -> {
                  String status = h.status().jsonValue();
                  checks
                      .putObject("elasticsearch")
                      .put("up", !status.equals("red"))
                      .put("status", status);
                  return !status.equals("red");
                })
            .otherwise(
                e -> {
                  checks.putObject("elasticsearch").put("up", false).put("error", e.toString());
                  return false;
                });
    Future<Boolean> broker =
        Future.fromCompletionStage(
                kafka
                    .describeCluster(
                        new DescribeClusterOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis()))
                    .clusterId()
                    .toCompletionStage(),
                ctx.vertx().getOrCreateContext())
            .map(
                id -> {
                  checks.putObject("kafka").put("up", true).put("clusterId", id);
                  return true;
                })
            .otherwise(
                e -> {
                  checks.putObject("kafka").put("up", false).put("error", e.toString());
                  return false;
                });
    return Future.all(es, broker)
        .map(
            all -> {
              boolean rulesRead = rules.caughtUp();
              checks.putObject("rules").put("up", rulesRead).put("caughtUp", rulesRead);
              boolean feedRead = alerts.caughtUp();
              checks.putObject("alertFeed").put("up", feedRead).put("caughtUp", feedRead);
              boolean up = es.result() && broker.result() && rulesRead && feedRead;
              if (!up) {
                throw ApiProblem.of(503, "not ready: " + down(checks))
                    .with("checks", checks)
                    .header("Retry-After", "5");
              }
              ObjectNode body = Json.mapper().createObjectNode();
              body.put("status", "UP");
              body.set("checks", checks);
              return Reply.ok(body);
            });
  }

  private static String down(ObjectNode checks) {
    StringBuilder out = new StringBuilder();
    checks
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().path("up").asBoolean()) {
                if (!out.isEmpty()) out.append(", ");
                out.append(e.getKey());
              }
            });
    return out + " not available";
  }

  @Override
  public void close() {
    kafka.close(Duration.ofSeconds(2));
  }
}
