package io.sanliu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API against the real embedded Elasticsearch. */
@ExtendWith(SanliuStackExtension.class)
class ApiServerTest {
  static final Instant MINUTE = Instant.parse("2030-06-01T08:00:00Z");
  static Vertx vertx;
  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start(SanliuStack stack) throws Exception {
    var es = stack.elastic().blocking();
    index(es, "9610", MINUTE, 7);
    index(es, "1210", MINUTE, 4);
    index(es, "9610", MINUTE.plusSeconds(60), 2);
    index(es, "9610", MINUTE.plusSeconds(3600), 99); // outside the range asked for below
    vertx = Vertx.vertx();
    server = new ApiServer(vertx, stack.config());
    server.start().await();
  }

  static void index(
      co.elastic.clients.elasticsearch.ElasticsearchClient es,
      String mode,
      Instant start,
      long orders)
      throws Exception {
    es.index(
        i ->
            i.index(Indices.ORDERS_PER_MODE)
                .id(mode + ":" + start.toEpochMilli())
                .refresh(Refresh.True)
                .document(
                    Map.of(
                        "tradeMode", mode,
                        "windowStart", start.toString(),
                        "windowEnd", start.plusSeconds(60).toString(),
                        "orders", orders,
                        "updatedAt", Instant.now().toString())));
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close().await();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void ordersPerModeReturnsTheMinutesInRangeInTimeOrder() throws Exception {
    HttpResponse<String> r =
        get("/api/v1/stats/orders-per-mode?from=2030-06-01T08:00:00Z&to=2030-06-01T08:30:00Z");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode windows = Json.mapper().readTree(r.body()).get("windows");
    assertEquals(3, windows.size(), windows::toString);
    assertEquals("1210", windows.get(0).get("tradeMode").asText());
    assertEquals(4, windows.get(0).get("orders").asLong());
    assertEquals("9610", windows.get(1).get("tradeMode").asText());
    assertEquals(7, windows.get(1).get("orders").asLong());
    assertEquals("2030-06-01T08:01:00Z", windows.get(2).get("windowStart").asText());
    assertEquals(2, windows.get(2).get("orders").asLong());
  }

  @Test
  void ordersPerModeFiltersByTradeMode() throws Exception {
    JsonNode windows =
        Json.mapper()
            .readTree(
                get("/api/v1/stats/orders-per-mode?from=2030-06-01T08:00:00Z&to=2030-06-01T08:30:00Z&tradeMode=1210")
                    .body())
            .get("windows");
    assertEquals(1, windows.size());
    assertEquals(4, windows.get(0).get("orders").asLong());
  }

  @Test
  void badParametersGetAProblemDocumentNamingTheParameter() throws Exception {
    HttpResponse<String> r = get("/api/v1/stats/orders-per-mode?from=yesterday");
    assertEquals(400, r.statusCode());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    JsonNode problem = Json.mapper().readTree(r.body());
    assertEquals(400, problem.get("status").asInt());
    assertTrue(
        problem.get("detail").asText().startsWith("from must be an ISO-8601 instant"), r.body());

    assertEquals(
        400,
        get("/api/v1/stats/orders-per-mode?from=2030-06-02T00:00:00Z&to=2030-06-01T00:00:00Z")
            .statusCode());
    assertEquals(
        400,
        get("/api/v1/stats/orders-per-mode?from=2030-06-01T00:00:00Z&to=2030-06-03T00:00:00Z")
            .statusCode());
  }

  @Test
  void servesTheDashboardsAndHealth() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("三流合一"));
    assertEquals(200, get("/orders-per-mode.js").statusCode());
    assertEquals("UP", Json.mapper().readTree(get("/health").body()).get("status").asText());
  }
}
