package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.elastic.Indices;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The statistics route and the dashboards against the real embedded Elasticsearch. */
@ExtendWith(SanliuStackExtension.class)
class ApiServerTest {
  static final Instant MINUTE = Instant.parse("2030-06-01T08:00:00Z");
  static ApiFixture api;

  @BeforeAll
  static void start(SanliuStack stack) throws Exception {
    var es = stack.elastic().blocking();
    index(es, "9610", MINUTE, 7);
    index(es, "1210", MINUTE, 4);
    index(es, "9610", MINUTE.plusSeconds(60), 2);
    index(es, "9610", MINUTE.plusSeconds(3600), 99); // outside the range asked for below
    api = ApiFixture.start(stack);
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
    api.close();
  }

  static HttpResponse<String> get(String path) {
    return api.get(path, Role.VIEWER);
  }

  @Test
  void ordersPerModeReturnsTheMinutesInRangeInTimeOrder() {
    HttpResponse<String> r =
        get("/api/v1/stats/orders-per-mode?from=2030-06-01T08:00:00Z&to=2030-06-01T08:30:00Z");
    assertEquals(200, r.statusCode(), r.body());
    JsonNode windows = json(r).get("windows");
    assertEquals(3, windows.size(), windows::toString);
    assertEquals("1210", windows.get(0).get("tradeMode").asText());
    assertEquals(4, windows.get(0).get("orders").asLong());
    assertEquals("9610", windows.get(1).get("tradeMode").asText());
    assertEquals(7, windows.get(1).get("orders").asLong());
    assertEquals("2030-06-01T08:01:00Z", windows.get(2).get("windowStart").asText());
    assertEquals(2, windows.get(2).get("orders").asLong());
  }

  @Test
  void ordersPerModeFiltersByTradeMode() {
    JsonNode windows =
        json(get(
                "/api/v1/stats/orders-per-mode?from=2030-06-01T08:00:00Z&to=2030-06-01T08:30:00Z&tradeMode=1210"))
            .get("windows");
    assertEquals(1, windows.size());
    assertEquals(4, windows.get(0).get("orders").asLong());
  }

  @Test
  void badParametersGetAProblemDocumentNamingTheParameter() {
    JsonNode p = problem(get("/api/v1/stats/orders-per-mode?from=yesterday"), 400);
    assertTrue(
        p.get("detail").asText().startsWith("from must be an ISO-8601 instant"), p::toString);
    assertEquals("from", p.get("invalidParams").get(0).asText());

    problem(
        get("/api/v1/stats/orders-per-mode?from=2030-06-02T00:00:00Z&to=2030-06-01T00:00:00Z"),
        400);
    problem(
        get("/api/v1/stats/orders-per-mode?from=2030-06-01T00:00:00Z&to=2030-06-03T00:00:00Z"),
        400);
    JsonNode typo = problem(get("/api/v1/stats/orders-per-mode?tradeMod=1210"), 400);
    assertTrue(typo.get("detail").asText().contains("tradeMod"), typo::toString);
  }

  @Test
  void statisticsNeedAToken() {
    problem(api.get("/api/v1/stats/orders-per-mode", null), 401);
  }

  @Test
  void servesTheDashboardsAndHealthWithoutAToken() {
    HttpResponse<String> page = api.get("/", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("三流合一"));
    assertEquals(200, api.get("/orders-per-mode.js", null).statusCode());
    assertEquals("UP", json(api.get("/health", null)).get("status").asText());
  }
}
