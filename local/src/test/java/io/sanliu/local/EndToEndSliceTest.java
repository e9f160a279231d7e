package io.sanliu.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.testkit.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The foundation slice through the whole platform as {@code sanliu local} runs it: JSON orders
 * posted over HTTP to the gateway, Kafka, the Flink job, Elasticsearch, and the query API.
 */
class EndToEndSliceTest {
  static final String PLATFORM = "4403960002";
  static LocalPlatform platform;
  static final HttpClient http = HttpClient.newHttpClient();
  static int sequence;

  @BeforeAll
  static void start() throws Exception {
    Config config =
        Config.defaults()
            .with(
                Map.of(
                    ConfigKey.LOCAL_KAFKA_PORT, "0",
                    ConfigKey.LOCAL_ES_PORT, "0",
                    ConfigKey.INGEST_PORT, "0",
                    ConfigKey.API_PORT, "0",
                    ConfigKey.FLINK_IDLE_SOURCE_MS, "1000"));
    platform =
        LocalPlatform.start(
            config,
            new LocalPlatform.Options(0, 1),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    platform.close();
  }

  static String order(String orderNo, String appType, String mode, Instant at) {
    return """
        {"guid":"G-%s","appType":"%s","appTime":"%s","orderType":"I","tradeMode":"%s",
         "orderNo":"%s","ebpCode":"%s","goodsValue":"50.00","currency":"142",
         "buyerIdNumber":"110101199001011234",
         "items":[{"itemName":"面霜","qty":1,"price":"50.00","totalPrice":"50.00"}]}
        """
        .formatted(orderNo, appType, CebTime.format(at), mode, orderNo, PLATFORM);
  }

  static int post(String json) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(platform.ingestUrl() + "/ingest/v1/orders"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", platform.apiKeyOf(PLATFORM))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  static void postNew(String mode, Instant at) throws Exception {
    assertEquals(202, post(order("E2E" + (++sequence), "1", mode, at)));
  }

  /**
   * Later orders on every partition, so that every partition's event time passes the minute under
   * test (the key decides the partition, as Kafka's default partitioner does).
   */
  static void advanceEveryPartitionTo(Instant at) throws Exception {
    int partitions = Config.defaults().getInt(ConfigKey.KAFKA_TOPIC_PARTITIONS);
    Set<Integer> covered = new HashSet<>();
    while (covered.size() < partitions) {
      String orderNo = "E2E" + (++sequence);
      byte[] key = DocumentKeys.order(PLATFORM, orderNo).getBytes(StandardCharsets.UTF_8);
      int partition = Utils.toPositive(Utils.murmur2(key)) % partitions;
      if (covered.add(partition)) assertEquals(202, post(order(orderNo, "1", "9810", at)));
    }
  }

  static Map<String, Long> countsAt(Instant minute) {
    try {
      String url =
          platform.apiUrl()
              + "/api/v1/stats/orders-per-mode?from="
              + minute
              + "&to="
              + minute.plusSeconds(60);
      String body =
          http.send(
                  HttpRequest.newBuilder(URI.create(url))
                      .header("Authorization", "Bearer " + viewerToken())
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Map<String, Long> counts = new TreeMap<>();
      for (JsonNode w : Json.mapper().readTree(body).get("windows")) {
        counts.put(w.get("tradeMode").asText(), w.get("orders").asLong());
      }
      return counts;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A wall screen's token, from the development token endpoint that `local` turns on. */
  static String viewerToken() throws Exception {
    if (viewerToken == null) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/auth/token"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"role\":\"viewer\",\"subject\":\"e2e-screen\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, r.statusCode(), r.body());
      viewerToken = Json.mapper().readTree(r.body()).get("token").asText();
    }
    return viewerToken;
  }

  static String viewerToken;

  @Test
  void ordersPostedToTheGatewayAreCountedPerModeAndMinuteByTheApi() throws Exception {
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);
    for (int i = 0; i < 4; i++) postNew("9610", minute.plusSeconds(5 + i));
    for (int i = 0; i < 3; i++) postNew("1210", minute.plusSeconds(15 + i));
    for (int i = 0; i < 2; i++) postNew("9710", minute.plusSeconds(25 + i));
    // Neither a refused order nor a change of an order counts as a new order.
    assertEquals(400, post(order("E2E-bad", "1", "1234", minute.plusSeconds(30))));
    assertEquals(202, post(order("E2E1", "2", "9610", minute.plusSeconds(35))));
    advanceEveryPartitionTo(minute.plus(3, ChronoUnit.MINUTES));

    Map<String, Long> expected = Map.of("1210", 3L, "9610", 4L, "9710", 2L);
    Eventually.await(
        () -> countsAt(minute),
        expected::equals,
        Duration.ofSeconds(90),
        "API counts of " + minute);
  }
}
