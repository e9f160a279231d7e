package io.sanliu.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.api.auth.TokenIssuer;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A query API on the shared real stack for one test class, with a known secret and tokens for every
 * role, and a plain HTTP client (java.net.http: what any client of the API would use).
 */
final class ApiFixture implements AutoCloseable {
  static final String SECRET = "a-test-secret-of-the-query-api-0123456789";

  final SanliuStack stack;
  final Vertx vertx;
  final ApiServer server;
  final TokenIssuer issuer;
  final HttpClient http = HttpClient.newHttpClient();

  private ApiFixture(SanliuStack stack, Config config) {
    this.stack = stack;
    this.vertx = Vertx.vertx();
    this.server = new ApiServer(vertx, config);
    server.start().await();
    this.issuer = server.tokenIssuer();
    // Rules read and the alert feed positioned: what the tests build on.
    Eventually.await(
        () -> get("/ready", null).statusCode(),
        status -> status == 200,
        Duration.ofSeconds(60),
        "the API ready");
  }

  /** Generous rate limits (tests make many quick calls); {@code overrides} on top. */
  static ApiFixture start(SanliuStack stack, Map<ConfigKey, String> overrides) {
    Map<ConfigKey, String> settings = new HashMap<>();
    settings.put(ConfigKey.API_JWT_SECRET, SECRET);
    settings.put(ConfigKey.API_RATE_LIMIT, "10000");
    settings.put(ConfigKey.API_RATE_BURST, "10000");
    settings.putAll(overrides);
    return new ApiFixture(stack, stack.config().with(settings));
  }

  static ApiFixture start(SanliuStack stack) {
    return start(stack, Map.of());
  }

  String token(Role role) {
    return issuer.issue("test-" + role.claim(), role).token();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpRequest.Builder request(String path, Role role) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (role != null) b.header("Authorization", "Bearer " + token(role));
    return b;
  }

  HttpResponse<String> get(String path, Role role) {
    return send(request(path, role).GET());
  }

  HttpResponse<String> post(String path, Role role, String json) {
    return send(
        request(path, role)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> put(String path, Role role, String json) {
    return send(
        request(path, role)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** The response is an RFC 9457 problem with this status; returns its document. */
  static JsonNode problem(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "expected " + status + " but got " + response.statusCode() + ": " + response.body());
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      throw new AssertionError("not a problem document (" + type + "): " + response.body());
    }
    JsonNode problem = json(response);
    if (problem.path("status").asInt() != status || problem.path("detail").asText().isBlank()) {
      throw new AssertionError("incomplete problem document: " + response.body());
    }
    return problem;
  }

  @Override
  public void close() {
    server.close();
    vertx.close().await();
  }
}
