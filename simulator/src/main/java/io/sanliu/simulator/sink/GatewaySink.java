package io.sanliu.simulator.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.EventType;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.Doc.Intent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Pushes documents to the ingest gateway as the participants would: each with its sender's API key
 * ({@code X-Api-Key}), orders and evaluations by the platforms, payments by the payment firm,
 * waybills and tracking events by the logistics firm, lists and receipts by customs, filings by the
 * zone; as JSON with {@code X-Message-Guid}, or as CEB XML whose root carries the message guid.
 *
 * <p>Sends asynchronously with at most {@code maxInFlight} requests under way; retries 429 and 503
 * (nothing was stored) after a second, up to five times. Counts the answers per type: 202 for
 * normal documents and replays, 400 for the deliberately invalid ones.
 */
public final class GatewaySink implements DocumentSink {
  public static final String API_KEY_HEADER = "X-Api-Key";
  public static final String MESSAGE_GUID_HEADER = "X-Message-Guid";
  private static final int MAX_RETRIES = 5;
  private static final int BATCH = 500;
  private static final int LOGGED = 20;

  private final String baseUrl;
  private final Map<String, String> apiKeys;
  private final Consumer<String> log;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private final HttpClient http;
  private final DeliveryCounts counts = new DeliveryCounts();
  private final AtomicLong logged = new AtomicLong();

  public GatewaySink(String baseUrl, Map<String, String> apiKeys, Consumer<String> log) {
    this(baseUrl, apiKeys, log, 64);
  }

  public GatewaySink(
      String baseUrl, Map<String, String> apiKeys, Consumer<String> log, int maxInFlight) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKeys = Map.copyOf(apiKeys);
    this.log = log;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @Override
  public DeliveryCounts counts() {
    return counts;
  }

  @Override
  public void sendReferenceData(List<Doc> docs) throws InterruptedException {
    Map<String, List<Doc>> groups = new LinkedHashMap<>();
    for (Doc d : docs) {
      groups.computeIfAbsent(d.type() + "|" + d.sender(), k -> new ArrayList<>()).add(d);
    }
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (List<Doc> group : groups.values()) {
      for (int i = 0; i < group.size(); i += BATCH) {
        List<Doc> batch = group.subList(i, Math.min(group.size(), i + BATCH));
        ArrayNode array = Json.mapper().createArrayNode();
        batch.forEach(d -> array.add(d.record()));
        Doc first = batch.get(0);
        inFlight.acquire();
        counts.sent(first.type(), batch.size());
        all.add(
            post(first, "application/json", bytes(array), first.messageGuid(), 0)
                .whenComplete(
                    (response, error) -> {
                      countBatch(first.type(), batch.size(), response, error);
                      inFlight.release();
                    }));
      }
    }
    try {
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      log.accept("simulator: filings not all stored: " + e.getMessage());
    }
  }

  private void countBatch(
      EventType type, int size, HttpResponse<String> response, Throwable error) {
    if (error != null) {
      counts.failed(type, size);
      note("filings not sent: " + error.getMessage());
      return;
    }
    int accepted = 0;
    try {
      JsonNode receipt = Json.mapper().readTree(response.body());
      for (JsonNode r : receipt.path("records")) if (r.path("accepted").asBoolean()) accepted++;
    } catch (JsonProcessingException e) {
      // no receipt to read
    }
    counts.accepted(type, accepted);
    if (accepted < size) {
      counts.unexpected(type, size - accepted);
      note(type + " filings: " + response.statusCode() + " " + cut(response.body()));
    }
  }

  @Override
  public void send(Doc doc) throws InterruptedException {
    String key = apiKeys.get(doc.sender());
    counts.sent(doc.type(), 1);
    if (key == null) {
      counts.failed(doc.type(), 1);
      note("no API key for sender " + doc.sender() + "; " + doc.type() + " not sent");
      return;
    }
    byte[] body;
    String contentType;
    if (doc.format().xml()) {
      body = CebForms.xml(doc);
      contentType = "application/xml";
    } else {
      body = bytes(doc.record());
      contentType = "application/json";
    }
    inFlight.acquire();
    post(doc, contentType, body, doc.messageGuid(), 0)
        .whenComplete(
            (response, error) -> {
              count(doc, response, error);
              inFlight.release();
            });
  }

  private CompletableFuture<HttpResponse<String>> post(
      Doc doc, String contentType, byte[] body, String messageGuid, int attempt) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + Routes.path(doc.type())))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .header(API_KEY_HEADER, apiKeys.getOrDefault(doc.sender(), ""))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!doc.format().xml()) request.header(MESSAGE_GUID_HEADER, messageGuid);
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenCompose(
            response -> {
              int status = response.statusCode();
              if ((status == 429 || status == 503) && attempt < MAX_RETRIES) {
                return CompletableFuture.supplyAsync(
                        () -> null, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
                    .thenCompose(x -> post(doc, contentType, body, messageGuid, attempt + 1));
              }
              return CompletableFuture.completedFuture(response);
            });
  }

  private void count(Doc doc, HttpResponse<String> response, Throwable error) {
    if (error != null) {
      counts.failed(doc.type(), 1);
      note("gateway unreachable: " + error.getMessage());
      return;
    }
    int status = response.statusCode();
    boolean invalid = doc.intent() == Intent.INVALID;
    if (invalid && status == 400) {
      counts.expectedRefusal(doc.type());
    } else if (!invalid && status == 202) {
      counts.accepted(doc.type(), 1);
    } else {
      counts.unexpected(doc.type(), 1);
      note(doc.type() + " " + doc.intent() + " answered " + status + ": " + cut(response.body()));
    }
  }

  private void note(String message) {
    if (logged.incrementAndGet() <= LOGGED) log.accept("simulator: " + message);
  }

  private static String cut(String s) {
    return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "..." : s;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return Json.mapper().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (inFlight.tryAcquire(maxInFlight, 30, TimeUnit.SECONDS)) inFlight.release(maxInFlight);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
