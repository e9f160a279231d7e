package io.sanliu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.ingest.auth.Sender;
import io.sanliu.ingest.auth.SenderRegistry;
import io.sanliu.ingest.auth.SenderRole;
import io.sanliu.ingest.json.OrderReaderTestData;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.Topics;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Senders that retry until acknowledged, and a gateway restarted while they send: every
 * acknowledged order is on Kafka exactly once, and orders sent again after the restart are
 * recognised as replays.
 */
@ExtendWith(SanliuStackExtension.class)
class IngestRestartTest {
  static final String PLATFORM = "4403960003";
  static final String KEY = "restart-key-" + UUID.randomUUID();
  static final int ORDERS = 240;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void everyAcknowledgedOrderIsOnKafkaExactlyOnceAcrossARestart(SanliuStack stack)
      throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Config config = stack.kafkaConfig().with(ConfigKey.INGEST_PORT, String.valueOf(port));
    SenderRegistry senders =
        new SenderRegistry(Map.of(KEY, new Sender(PLATFORM, SenderRole.PLATFORM)));
    String run = "R" + UUID.randomUUID().toString().substring(0, 8);
    URI uri = URI.create("http://127.0.0.1:" + port + "/ingest/v1/orders");

    Vertx vertx = Vertx.vertx();
    IngestServer first = new IngestServer(vertx, config, senders);
    first.start().await();
    AtomicInteger acknowledged = new AtomicInteger();
    Map<String, JsonNode> receipts = new ConcurrentHashMap<>();
    ExecutorService senderThreads = Executors.newFixedThreadPool(4);
    List<Future<?>> sending = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      sending.add(
          senderThreads.submit(
              () -> {
                for (int i = thread; i < ORDERS; i += 4) {
                  String orderNo = run + "-" + i;
                  receipts.put(orderNo, sendUntilAcknowledged(uri, orderNo));
                  acknowledged.incrementAndGet();
                }
                return null;
              }));
    }
    while (acknowledged.get() < ORDERS / 3) Thread.sleep(10);
    first.close(); // mid-stream: the senders see refused connections and keep retrying
    IngestServer second = new IngestServer(vertx, config, senders);
    second.start().await();
    for (Future<?> f : sending) f.get();
    senderThreads.shutdown();

    // Sent again after the restart, as a sender that never saw its answers would.
    for (int i = 0; i < 20; i++) {
      String orderNo = run + "-" + i;
      assertEquals(
          receipts.get(orderNo),
          sendUntilAcknowledged(uri, orderNo),
          "same receipt for " + orderNo);
    }
    second.close();
    vertx.close().await();

    try (TopicProbe<Envelope<Order>> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.ORDERS)) {
      probe.await(
          r -> r.value().payload().orderNo().startsWith(run + "-"), ORDERS, Duration.ofSeconds(30));
      var mine =
          probe.drain(
              r -> r.value().payload().orderNo().startsWith(run + "-"), Duration.ofSeconds(3));
      Map<String, Long> copies =
          mine.stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.value().payload().orderNo(), TreeMap::new, Collectors.counting()));
      assertEquals(ORDERS, copies.size(), "every acknowledged order is on Kafka");
      assertEquals(Set.of(1L), Set.copyOf(copies.values()), "and none twice: " + copies);
    }
  }

  /** Posts until the gateway answers 202 (accepted now, or a replay of an accepted message). */
  static JsonNode sendUntilAcknowledged(URI uri, String orderNo) throws Exception {
    var order =
        OrderReaderTestData.validOrder()
            .put("orderNo", orderNo)
            .put("guid", "G-" + orderNo)
            .put("ebpCode", PLATFORM);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header(IngestServer.API_KEY_HEADER, KEY)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(order.toString()))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 202) return Json.mapper().readTree(r.body());
        if (r.statusCode() != 503 && r.statusCode() != 429 && r.statusCode() != 409) {
          throw new AssertionError("unexpected " + r.statusCode() + ": " + r.body());
        }
      } catch (java.io.IOException refusedOrReset) {
        // The gateway is restarting: try again.
      }
      Thread.sleep(50);
    }
    throw new AssertionError("order " + orderNo + " never acknowledged");
  }
}
