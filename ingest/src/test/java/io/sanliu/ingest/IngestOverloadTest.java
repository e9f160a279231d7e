package io.sanliu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.embedded.EmbeddedKafka;
import io.sanliu.embedded.TopicProvisioner;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gateway under load and when Kafka is gone: 429 with {@code Retry-After} when too many records
 * wait for Kafka (and nothing of a refused message stored), 503 with {@code Retry-After} when Kafka
 * does not acknowledge (and the gateway still answering, health included), and a gateway that keeps
 * serving after a storm of invalid messages.
 */
@ExtendWith(SanliuStackExtension.class)
class IngestOverloadTest {
  static final String PLATFORM = "4403960007";
  static final String PAYMENT = "4403960008";
  static final String KEY = "overload-platform-" + UUID.randomUUID();
  static final String PAYMENT_KEY = "overload-payment-" + UUID.randomUUID();
  static final int MAX_IN_FLIGHT = 3;
  static final int BATCH = 3;
  static final int BODY_LIMIT = 64 * 1024;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final SenderRegistry SENDERS =
      new SenderRegistry(
          Map.of(
              KEY, new Sender(PLATFORM, SenderRole.PLATFORM),
              PAYMENT_KEY, new Sender(PAYMENT, SenderRole.PAYMENT)));

  static SanliuStack stack;
  static Vertx vertx;

  /** A gateway that lets at most {@link #MAX_IN_FLIGHT} records wait for Kafka. */
  static IngestServer busy;

  @BeforeAll
  static void start(SanliuStack s) {
    stack = s;
    vertx = Vertx.vertx();
    busy =
        new IngestServer(
            vertx,
            s.kafkaConfig()
                .with(
                    Map.of(
                        ConfigKey.INGEST_MAX_IN_FLIGHT_RECORDS, String.valueOf(MAX_IN_FLIGHT),
                        ConfigKey.INGEST_MAX_BODY_BYTES, String.valueOf(BODY_LIMIT))),
            SENDERS);
    busy.start().await();
  }

  @AfterAll
  static void stop() {
    busy.close();
    vertx.close().await();
  }

  // ---------------------------------------------------------------------------------------------
  // 429

  @Test
  void tooManyRecordsWaitingForKafkaAre429WithRetryAfterAndNothingOfThoseMessagesIsStored()
      throws Exception {
    String run = "OV" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Integer> statusOf = new ConcurrentHashMap<>();
    Map<String, byte[]> bodyOf = new ConcurrentHashMap<>();
    Map<String, String> typeOf = new ConcurrentHashMap<>();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());

    // Rounds of concurrent batches until the gateway has both accepted and refused some.
    for (int round = 0; round < 5; round++) {
      int threads = 24;
      int perThread = 4;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String prefix = run + "-" + round + "-" + t;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int m = 0; m < perThread; m++) {
                    String guid = prefix + "-" + m;
                    byte[] body = batch(guid, m % 2 == 0);
                    String type = m % 2 == 0 ? "application/json" : "application/x-ndjson";
                    bodyOf.put(guid, body);
                    typeOf.put(guid, type);
                    HttpResponse<String> r = post(busy, "/ingest/v1/orders", KEY, type, body, guid);
                    statusOf.put(guid, r.statusCode());
                    check(r, guid, problems);
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
      pool.shutdown();
      if (statusOf.containsValue(429) && statusOf.containsValue(202)) break;
    }
    assertEquals(List.of(), problems);
    Map<Integer, Long> counts =
        statusOf.values().stream()
            .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
    assertEquals(Set.of(202, 429), counts.keySet(), "answers: " + counts);

    Set<String> acceptedOrders = ordersOf(statusOf, 202);
    Set<String> refusedOrders = ordersOf(statusOf, 429);
    try (TopicProbe<Envelope<Order>> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.ORDERS)) {
      probe.await(
          r -> acceptedOrders.contains(r.value().payload().orderNo()),
          acceptedOrders.size(),
          Duration.ofSeconds(30));
      Map<String, Long> copies = copies(probe, run);
      assertEquals(acceptedOrders, copies.keySet(), "exactly the orders answered 202: " + counts);
      assertEquals(Set.of(1L), Set.copyOf(copies.values()), "each once");
      assertTrue(Collections.disjoint(refusedOrders, copies.keySet()));

      // Sent again after Retry-After, each refused message is accepted, as a new message.
      for (Map.Entry<String, Integer> e : statusOf.entrySet()) {
        if (e.getValue() != 429) continue;
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 50; attempt++) {
          r =
              post(
                  busy,
                  "/ingest/v1/orders",
                  KEY,
                  typeOf.get(e.getKey()),
                  bodyOf.get(e.getKey()),
                  e.getKey());
          if (r.statusCode() != 429) break;
          Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").get()));
        }
        assertEquals(202, r.statusCode(), r.body());
        assertEquals("accepted", json(r).get("status").asText(), "not a replay: " + r.body());
      }
      Set<String> all = ordersOf(statusOf, null);
      probe.await(
          r -> refusedOrders.contains(r.value().payload().orderNo()),
          refusedOrders.size(),
          Duration.ofSeconds(30));
      Map<String, Long> after = copies(probe, run);
      assertEquals(all, after.keySet());
      assertEquals(Set.of(1L), Set.copyOf(after.values()), "each once after the retries");
    }
  }

  /** Checks one answer of the 429 storm; adds what is wrong to {@code problems}. */
  static void check(HttpResponse<String> r, String guid, List<String> problems) throws Exception {
    JsonNode receipt = json(r);
    if (r.statusCode() == 202) {
      if (!receipt.get("status").asText().equals("accepted")) problems.add(guid + ": " + r.body());
      return;
    }
    if (r.statusCode() != 429) {
      problems.add(guid + " answered " + r.statusCode() + ": " + r.body());
      return;
    }
    var retryAfter = r.headers().firstValue("Retry-After");
    if (retryAfter.isEmpty() || !retryAfter.get().matches("[1-9][0-9]*")) {
      problems.add(guid + ": 429 without a Retry-After in seconds: " + r.headers().map());
    }
    if (!receipt.get("status").asText().equals("rejected")
        || receipt.get("httpStatus").asInt() != 429
        || !guid.equals(receipt.get("messageGuid").asText())
        || receipt.get("records").size() != 1
        || receipt.at("/records/0/accepted").asBoolean()
        // "nothing of this message was stored" (records waiting for Kafka), or "... was read"
        // (too many requests at once): either way nothing of it is kept.
        || !receipt.at("/records/0/errors/0/reason").asText().contains("nothing of this message")) {
      problems.add(guid + ": 429 receipt does not say nothing was stored: " + r.body());
    }
  }

  static byte[] batch(String guid, boolean array) throws Exception {
    ArrayNode orders = Json.mapper().createArrayNode();
    for (int i = 0; i < BATCH; i++) orders.add(order(guid + "-" + i));
    if (array) return Json.mapper().writeValueAsBytes(orders);
    StringBuilder lines = new StringBuilder();
    orders.forEach(o -> lines.append(o).append('\n'));
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  static ObjectNode order(String orderNo) throws Exception {
    return OrderReaderTestData.validOrder()
        .put("orderNo", orderNo)
        .put("guid", "G-" + orderNo)
        .put("ebpCode", PLATFORM);
  }

  /** The order numbers of the messages answered {@code status} (null: all). */
  static Set<String> ordersOf(Map<String, Integer> statusOf, Integer status) {
    return statusOf.entrySet().stream()
        .filter(e -> status == null || e.getValue().equals(status))
        .flatMap(
            e -> java.util.stream.IntStream.range(0, BATCH).mapToObj(i -> e.getKey() + "-" + i))
        .collect(Collectors.toSet());
  }

  /** How many copies of each order of this run are on the topic (read for a while). */
  static Map<String, Long> copies(TopicProbe<Envelope<Order>> probe, String run) {
    return probe
        .drain(r -> r.value().payload().orderNo().startsWith(run + "-"), Duration.ofSeconds(3))
        .stream()
        .collect(Collectors.groupingBy(r -> r.value().payload().orderNo(), Collectors.counting()));
  }

  // ---------------------------------------------------------------------------------------------
  // A storm of invalid messages

  @Test
  void theGatewayKeepsServingValidMessagesAfterAStormOfInvalidOnes() throws Exception {
    String run = "ST" + UUID.randomUUID().toString().substring(0, 8);
    int rounds = 20;
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<String>> answers = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      // Each message unique: the same guid twice at once would rightly be answered 409.
      String n = run + "-" + round;
      for (Bad bad : invalidMessages(n)) {
        answers.add(
            pool.submit(
                () -> {
                  HttpResponse<String> r =
                      post(busy, bad.path(), bad.key(), bad.type(), bad.body(), null);
                  return r.statusCode() == bad.status()
                      ? null
                      : bad.what() + " answered " + r.statusCode() + ": " + r.body();
                }));
      }
    }
    List<String> wrong = new ArrayList<>();
    for (Future<String> a : answers) {
      String w = a.get(60, TimeUnit.SECONDS);
      if (w != null) wrong.add(w);
    }
    pool.shutdown();
    assertEquals(List.of(), wrong, "every invalid message answered with its status");
    assertEquals(rounds * invalidMessages(run).size(), answers.size());

    assertEquals(200, health(busy).statusCode());
    // A full batch still fits: the storm left no record counted as waiting for Kafka.
    String guid = run + "-valid";
    HttpResponse<String> ok =
        post(busy, "/ingest/v1/orders", KEY, "application/json", batch(guid, true), guid);
    assertEquals(202, ok.statusCode(), ok.body());
    // And the same guid is not stuck "being processed" (409): it is a replay now.
    HttpResponse<String> again =
        post(busy, "/ingest/v1/orders", KEY, "application/json", batch(guid, true), guid);
    assertEquals(202, again.statusCode(), again.body());
    assertEquals(json(ok), json(again));
    try (TopicProbe<Envelope<Order>> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.ORDERS)) {
      probe.await(
          r -> r.value().payload().orderNo().startsWith(guid + "-"), BATCH, Duration.ofSeconds(20));
      Map<String, Long> mine = copies(probe, run);
      assertEquals(
          Set.of(guid + "-0", guid + "-1", guid + "-2"),
          mine.keySet(),
          "only the valid batch is published, nothing of the storm");
      assertEquals(Set.of(1L), Set.copyOf(mine.values()));
    }
  }

  record Bad(String what, int status, String path, String key, String type, byte[] body) {}

  /** One message of each kind the gateway must refuse, unique by {@code n}. */
  static List<Bad> invalidMessages(String n) throws Exception {
    return List.of(
        new Bad(
            "malformed JSON",
            400,
            "/ingest/v1/orders",
            KEY,
            "application/json",
            b("{\"o\":\"" + n)),
        new Bad("no record", 400, "/ingest/v1/orders", KEY, "application/json", b("[]")),
        new Bad(
            "not an object",
            400,
            "/ingest/v1/orders",
            KEY,
            "application/json",
            b("[1,\"" + n + "\"]")),
        new Bad(
            "invalid records",
            400,
            "/ingest/v1/orders",
            KEY,
            "application/json",
            b(
                "["
                    + order(n + "-bad-1").put("goodsValue", "-1")
                    + ","
                    + order(n + "-bad-2").put("tradeMode", "1111")
                    + "]")),
        new Bad(
            "another platform's order",
            403,
            "/ingest/v1/orders",
            KEY,
            "application/json",
            b(order(n + "-foreign").put("ebpCode", "4403960002").toString())),
        new Bad(
            "a role that may not push it",
            403,
            "/ingest/v1/orders",
            PAYMENT_KEY,
            "application/json",
            b(order(n + "-role").toString())),
        new Bad(
            "unknown key",
            401,
            "/ingest/v1/orders",
            "nobody",
            "application/json",
            b(order(n + "-anon").toString())),
        new Bad(
            "no key",
            401,
            "/ingest/v1/orders",
            null,
            "application/json",
            b(order(n + "-nokey").toString())),
        new Bad("no such type", 404, "/ingest/v1/parcels", KEY, "application/json", b("{}")),
        new Bad("plain text", 415, "/ingest/v1/orders", KEY, "text/plain", b("order")),
        new Bad("JSON to /ceb", 415, "/ingest/v1/ceb", KEY, "application/json", b("{}")),
        new Bad(
            "too large",
            413,
            "/ingest/v1/orders",
            KEY,
            "application/json",
            b("{\"note\":\"" + "x".repeat(BODY_LIMIT) + "\"}")),
        new Bad(
            "external entity",
            400,
            "/ingest/v1/ceb",
            KEY,
            "application/xml",
            b(
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<CEB311Message xmlns=\"http://www.chinaport.gov.cn/ceb\">&e;</CEB311Message>")),
        new Bad(
            "not XML",
            400,
            "/ingest/v1/ceb",
            KEY,
            "application/xml",
            new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, 3, '<', '>'}),
        new Bad(
            "unknown CEB type",
            400,
            "/ingest/v1/ceb",
            KEY,
            "application/xml",
            b("<CEB999Message xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"" + n + "\"/>")));
  }

  // ---------------------------------------------------------------------------------------------
  // 503: Kafka gone

  /**
   * A gateway whose broker goes away (its port closed) answers 503 with {@code Retry-After}: at
   * once for a topic whose metadata it does not hold (within the producer's max block time, 2 s),
   * after the delivery timeout (30 s) for one it has written to; it keeps answering {@code /health}
   * meanwhile, and still answers refusals, whose dead letters it cannot store either.
   */
  @Test
  void withKafkaGoneTheGatewayAnswers503WithRetryAfterAndKeepsAnsweringHealth() throws Exception {
    Path dir = Files.createTempDirectory("sanliu-overload-kafka");
    EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
    Vertx own = Vertx.vertx();
    IngestServer gateway = null;
    try {
      TopicProvisioner.ensure(kafka.bootstrapServers(), Topics.all(), 1, (short) 1);
      Config config = stack.kafkaConfig().with(ConfigKey.KAFKA_BOOTSTRAP, kafka.bootstrapServers());
      gateway = new IngestServer(own, config, SENDERS);
      gateway.start().await();
      String run = "DK" + UUID.randomUUID().toString().substring(0, 8);
      HttpResponse<String> warm =
          post(
              gateway,
              "/ingest/v1/orders",
              KEY,
              "application/json",
              b(order(run + "-0").toString()),
              null);
      assertEquals(202, warm.statusCode(), warm.body());

      kafka.close(); // the bootstrap now points at a closed port

      // A topic the producer has never written to: the payments.
      IngestServer g = gateway;
      ArrayNode payments = Json.mapper().createArrayNode();
      for (int i = 0; i < 3; i++) payments.add(payment(run + "-p" + i));
      Timed<HttpResponse<String>> unknownTopic =
          timedWhileCheckingHealth(
              g,
              () ->
                  post(
                      g,
                      "/ingest/v1/payments",
                      PAYMENT_KEY,
                      "application/json",
                      b(payments.toString()),
                      null));
      // Every stage runs; what is wrong is reported at the end, with every timing.
      List<String> problems = new ArrayList<>();
      unavailable("payments, unknown topic", unknownTopic, problems);
      within(
          "503 for 3 payments (producer's max block time 2 s, and a margin)",
          unknownTopic.took(),
          Duration.ofSeconds(4),
          problems);
      within(
          "/health while the payments waited for Kafka",
          unknownTopic.slowestHealth(),
          Duration.ofSeconds(1),
          problems);

      // A topic it has written to: the record waits for the delivery timeout.
      Timed<HttpResponse<String>> knownTopic =
          timedWhileCheckingHealth(
              g,
              () ->
                  post(
                      g,
                      "/ingest/v1/orders",
                      KEY,
                      "application/json",
                      b(order(run + "-1").toString()),
                      null));
      unavailable("order, known topic", knownTopic, problems);
      within(
          "503 for an order (delivery timeout 30 s, and a margin)",
          knownTopic.took(),
          Duration.ofSeconds(40),
          problems);
      within(
          "/health while the order waited for Kafka",
          knownTopic.slowestHealth(),
          Duration.ofSeconds(1),
          problems);

      // Refusals still get an answer although their dead letters cannot be kept.
      Timed<HttpResponse<String>> unknownKey =
          timedWhileCheckingHealth(
              g,
              () ->
                  post(
                      g,
                      "/ingest/v1/orders",
                      "nobody",
                      "application/json",
                      b(order(run + "-2").toString()),
                      null));
      status("unknown key", unknownKey, 401, problems);
      Timed<HttpResponse<String>> malformed =
          timedWhileCheckingHealth(
              g, () -> post(g, "/ingest/v1/orders", KEY, "application/json", b("{\"x"), null));
      status("malformed JSON", malformed, 400, problems);
      // A refused record that cannot be kept on the dead-letter topic: nothing of the message
      // counts as stored, so the sender is told to send it again.
      Timed<HttpResponse<String>> invalid =
          timedWhileCheckingHealth(
              g,
              () ->
                  post(
                      g,
                      "/ingest/v1/orders",
                      KEY,
                      "application/json",
                      b(order(run + "-3").put("goodsValue", "-1").toString()),
                      null));
      unavailable("invalid record", invalid, problems);
      for (Timed<HttpResponse<String>> t : List.of(unknownKey, malformed, invalid)) {
        within("a refusal", t.took(), Duration.ofSeconds(4), problems);
        within("/health during a refusal", t.slowestHealth(), Duration.ofSeconds(1), problems);
      }
      if (health(g).statusCode() != 200) problems.add("/health not 200 at the end");
      assertEquals(List.of(), problems);
    } finally {
      if (gateway != null) gateway.close();
      own.close().await();
      kafka.close();
    }
  }

  static ObjectNode payment(String transactionId) {
    return Json.mapper()
        .createObjectNode()
        .put("guid", "PG-" + transactionId)
        .put("appType", "1")
        .put("appTime", "20261122083100")
        .put("payCode", PAYMENT)
        .put("payTransactionId", transactionId)
        .put("orderNo", "SO-" + transactionId)
        .put("ebpCode", PLATFORM)
        .put("payerIdType", "1")
        .put("payerIdNumber", "440301199001011234")
        .put("amountPaid", "228.89")
        .put("currency", "142");
  }

  /** A 503 with Retry-After whose receipt says to send the message again. */
  static void unavailable(String what, Timed<HttpResponse<String>> t, List<String> problems)
      throws Exception {
    HttpResponse<String> r = t.value();
    JsonNode receipt = json(r);
    if (r.statusCode() != 503
        || r.headers().firstValue("Retry-After").isEmpty()
        || !receipt.get("status").asText().equals("rejected")
        || receipt.get("httpStatus").asInt() != 503
        || receipt.at("/records/0/accepted").asBoolean()
        || !receipt.at("/records/0/errors/0/reason").asText().contains("send the message again")) {
      problems.add(
          what
              + ": expected 503 with Retry-After, got "
              + r.statusCode()
              + " "
              + r.headers().map()
              + " "
              + r.body());
    }
  }

  static void status(
      String what, Timed<HttpResponse<String>> t, int expected, List<String> problems) {
    if (t.value().statusCode() != expected) {
      problems.add(what + ": expected " + expected + ", got " + t.value().statusCode());
    }
  }

  static void within(String what, Duration took, Duration limit, List<String> problems) {
    if (took.compareTo(limit) >= 0) problems.add(what + " took " + took + ", limit " + limit);
  }

  record Timed<T>(T value, Duration took, Duration slowestHealth) {}

  interface Call<T> {
    T call() throws Exception;
  }

  static <T> Timed<T> timed(Call<T> call) throws Exception {
    long start = System.nanoTime();
    T value = call.call();
    return new Timed<>(value, Duration.ofNanos(System.nanoTime() - start), Duration.ZERO);
  }

  /** Runs {@code call} while asking for {@code /health} every 100 ms; the slowest answer too. */
  static <T> Timed<T> timedWhileCheckingHealth(IngestServer gateway, Call<T> call)
      throws Exception {
    long start = System.nanoTime();
    CompletableFuture<T> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return call.call();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    AtomicLong slowest = new AtomicLong();
    Thread.sleep(200); // the call is in progress
    while (!result.isDone()) {
      long asked = System.nanoTime();
      try {
        HttpResponse<String> h =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/health"))
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, h.statusCode());
      } finally {
        slowest.accumulateAndGet(System.nanoTime() - asked, Math::max);
      }
      Thread.sleep(100);
    }
    T value = result.get(60, TimeUnit.SECONDS);
    return new Timed<>(
        value, Duration.ofNanos(System.nanoTime() - start), Duration.ofNanos(slowest.get()));
  }

  // ---------------------------------------------------------------------------------------------

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  static HttpResponse<String> health(IngestServer gateway) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/health"))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(
      IngestServer gateway,
      String path,
      String key,
      String contentType,
      byte[] body,
      String messageGuid)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
            .header("Content-Type", contentType)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) b.header(IngestServer.API_KEY_HEADER, key);
    if (messageGuid != null) b.header(IngestServer.MESSAGE_GUID_HEADER, messageGuid);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
