package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Operations: readiness, Prometheus metrics, the screen cache, CORS, body limits, errors of the
 * router itself, the OpenAPI document, and the development token endpoint.
 */
@ExtendWith(SanliuStackExtension.class)
class OperationsTest {
  static final String CONSOLE = "https://console.example.gov.cn";
  static ApiFixture api;

  @BeforeAll
  static void start(SanliuStack stack) {
    api =
        ApiFixture.start(
            stack,
            Map.of(
                ConfigKey.API_CORS_ORIGINS, CONSOLE,
                ConfigKey.API_DEV_TOKENS, "true",
                ConfigKey.API_MAX_BODY_BYTES, "4096",
                ConfigKey.API_CACHE_TTL, "PT2S"));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void readyChecksElasticsearchKafkaAndTheTopicsRead() {
    HttpResponse<String> r = api.get("/ready", null);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode checks = json(r).get("checks");
    for (String check : List.of("elasticsearch", "kafka", "rules", "alertFeed")) {
      assertTrue(checks.get(check).get("up").asBoolean(), check + ": " + checks);
    }
    assertFalse(checks.get("kafka").get("clusterId").asText().isBlank());
  }

  @Test
  void metricsShowRequestLatencyPerRouteAndElasticsearchTimes() {
    assertEquals(200, api.get("/api/v1/alerts?size=1", Role.RISK_OFFICER).statusCode());
    HttpResponse<String> r = api.get("/metrics", null);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    String text = r.body();
    assertTrue(
        text.lines()
            .anyMatch(
                l ->
                    l.startsWith("sanliu_api_requests_seconds_count{")
                        && l.contains("route=\"GET /api/v1/alerts\"")
                        && l.contains("status=\"200\"")),
        text);
    assertTrue(
        text.lines()
            .anyMatch(
                l ->
                    l.startsWith("sanliu_api_elasticsearch_seconds_count{")
                        && l.contains("query=\"sanliu-alerts.search\"")),
        text);
    assertTrue(text.contains("sanliu_api_requests_seconds_bucket{"), "latency histogram");
    assertTrue(text.contains("jvm_memory_used_bytes"));
  }

  @Test
  void screensShareOneQueryPerCacheLifetime() {
    String path = "/api/v1/stats/orders-per-mode?from=2030-07-01T00:00:00Z&to=2030-07-01T00:30:00Z";
    ElasticCalls calls = new ElasticCalls(api.server.metrics().registry());
    long before = calls.count("orders-per-mode");
    HttpResponse<String> first = api.get(path, Role.VIEWER);
    HttpResponse<String> second = api.get(path, Role.VIEWER);
    HttpResponse<String> otherScreen =
        api.send(
            api.request(path, null)
                .header(
                    "Authorization",
                    "Bearer " + api.issuer.issue("screen-2", Role.VIEWER).token()));
    assertEquals(200, first.statusCode());
    assertEquals("MISS", first.headers().firstValue("X-Cache").orElse(""));
    assertEquals("HIT", second.headers().firstValue("X-Cache").orElse(""));
    assertEquals("HIT", otherScreen.headers().firstValue("X-Cache").orElse(""), "same role");
    assertEquals(first.body(), second.body());
    assertEquals(before + 1, calls.count("orders-per-mode"));
    // Risk officers triage: their alert lists are never served from the cache.
    HttpResponse<String> officer = api.get("/api/v1/alerts?size=1", Role.RISK_OFFICER);
    assertTrue(officer.headers().firstValue("X-Cache").isEmpty());
  }

  @Test
  void corsPreflightAllowsTheConfiguredConsoleOnly() {
    HttpResponse<String> allowed = preflight(CONSOLE);
    assertTrue(allowed.statusCode() == 200 || allowed.statusCode() == 204, allowed.body());
    assertEquals(CONSOLE, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    String methods = allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("");
    assertTrue(methods.contains("POST"), methods);
    String headers =
        allowed
            .headers()
            .firstValue("Access-Control-Allow-Headers")
            .orElse("")
            .toLowerCase(Locale.ROOT);
    assertTrue(headers.contains("authorization"), headers);

    HttpResponse<String> refused = preflight("https://elsewhere.example.com");
    JsonNode p = problem(refused, 403);
    assertTrue(p.get("detail").asText().contains("elsewhere.example.com"), p::toString);
    assertTrue(refused.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
  }

  static HttpResponse<String> preflight(String origin) {
    return api.send(
        api.request("/api/v1/rules", null)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
    String big =
        "{\"ruleId\":\"big\",\"type\":\"SINGLE_LIMIT\",\"note\":\"" + "x".repeat(5000) + "\"}";
    JsonNode p = problem(api.post("/api/v1/rules", Role.ADMIN, big), 413);
    assertTrue(p.get("detail").asText().contains("4096 bytes"), p::toString);
    problem(
        api.send(
            api.request("/api/v1/rules", Role.ADMIN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))),
        415);
  }

  @Test
  void unknownPathsAndMethodsAreProblemsToo() {
    problem(api.get("/api/v1/no-such-thing", Role.ADMIN), 404);
    HttpResponse<String> wrongMethod = api.send(api.request("/api/v1/alerts", Role.ADMIN).DELETE());
    problem(wrongMethod, 405);
    assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("GET"));
  }

  @Test
  void theOpenApiDocumentDescribesEveryRoute() {
    JsonNode doc = json(api.get("/api/v1/openapi.json", null));
    assertTrue(doc.get("openapi").asText().startsWith("3."));
    JsonNode paths = doc.get("paths");
    List<String> routes = new ArrayList<>();
    for (Route route : api.server.router().getRoutes()) {
      String path = route.getPath();
      // Routes of every path (handlers of the chain) and the dashboards' regex route are no API.
      if (path == null || !route.isExactPath()) continue;
      if (route.methods() == null || route.methods().isEmpty()) continue;
      String openApiPath = path.replaceAll(":([A-Za-z]+)", "{$1}");
      for (HttpMethod m : route.methods()) {
        routes.add(m.name() + " " + openApiPath);
        JsonNode operation = paths.path(openApiPath).path(m.name().toLowerCase(Locale.ROOT));
        assertFalse(operation.isMissingNode(), m + " " + openApiPath + " is not in openapi.json");
        assertTrue(operation.has("responses") && operation.has("summary"), m + " " + openApiPath);
      }
    }
    assertTrue(routes.size() >= 20, routes::toString);
    // And the document describes no route the server lacks.
    paths
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        m ->
                            assertTrue(
                                routes.contains(m.toUpperCase(Locale.ROOT) + " " + p.getKey()),
                                m + " " + p.getKey() + " is documented but not routed")));
  }

  @Test
  void theDevelopmentEndpointIssuesWorkingTokensForEveryRole() {
    HttpResponse<String> issued =
        api.post("/api/v1/auth/token", null, "{\"role\":\"analyst\",\"subject\":\"dev-anna\"}");
    assertEquals(201, issued.statusCode(), issued.body());
    JsonNode token = json(issued);
    assertEquals("analyst", token.get("role").asText());
    HttpResponse<String> rules =
        api.send(
            api.request("/api/v1/rules", null)
                .header("Authorization", "Bearer " + token.get("token").asText()));
    assertEquals(200, rules.statusCode(), rules.body());
    JsonNode p = problem(api.post("/api/v1/auth/token", null, "{\"role\":\"superuser\"}"), 400);
    assertTrue(p.get("detail").asText().contains("viewer, analyst"), p::toString);
  }
}
