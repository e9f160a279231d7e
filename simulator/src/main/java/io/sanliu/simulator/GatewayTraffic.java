package io.sanliu.simulator;

import io.sanliu.model.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends generated orders to the ingest gateway at a steady rate, as platforms would, until stopped.
 * Counts what the gateway accepted and refused.
 */
public final class GatewayTraffic implements AutoCloseable {
  private final URI ordersEndpoint;
  private final double eventsPerSecond;
  private final OrderGenerator orders;
  private final java.util.Map<String, String> apiKeys;
  private final Consumer<String> log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private volatile boolean running = true;
  private Thread thread;

  public GatewayTraffic(
      String gatewayUrl,
      java.util.Map<String, String> apiKeys,
      double eventsPerSecond,
      long seed,
      Consumer<String> log) {
    this.apiKeys = apiKeys;
    this.ordersEndpoint = URI.create(gatewayUrl + "/ingest/v1/orders");
    this.eventsPerSecond = eventsPerSecond;
    this.orders = new OrderGenerator(seed);
    this.log = log;
  }

  public GatewayTraffic start() {
    thread = new Thread(this::run, "simulator");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void run() {
    long intervalNanos = (long) (1_000_000_000L / eventsPerSecond);
    long next = System.nanoTime();
    while (running) {
      try {
        var order = orders.next(Instant.now());
        send((String) order.get("ebpCode"), Json.mapper().writeValueAsString(order));
      } catch (Exception e) {
        refused.incrementAndGet();
        if (refused.get() % 100 == 1)
          log.accept("simulator: gateway unreachable: " + e.getMessage());
      }
      next += intervalNanos;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        try {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void send(String sender, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(ordersEndpoint)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("X-Api-Key", apiKeys.get(sender))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status == 202) accepted.incrementAndGet();
    else refused.incrementAndGet();
  }

  public long accepted() {
    return accepted.get();
  }

  public long refused() {
    return refused.get();
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) thread.interrupt();
  }
}
