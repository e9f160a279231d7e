package io.sanliu.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * An open-loop load of HTTP requests on a fixed schedule of {@code rate} requests per second,
 * cycling through the targets, over {@code clients} kept-alive connections (a hundred screens, each
 * with a connection and a token of its own). Latency is measured from the moment a request was due,
 * not from when a connection was free to send it, so a server that falls behind is charged for the
 * wait (no coordinated omission). Non-blocking (a Vert.x client on one event loop): a thread per
 * client would spend the machine's two cores on the load generator itself.
 */
final class ApiLoad implements AutoCloseable {
  /**
   * One kind of request: its name in the report, and its options (URI, method, headers) and body
   * (null for none) for client {@code k}.
   */
  record Target(String name, IntFunction<RequestOptions> request, Buffer body) {}

  /** The latencies of one target's answered requests, and how many failed or were not 2xx. */
  record Outcome(LatencySummary latency, long errors, String lastError) {}

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final HttpClientAgent http;
  private final int clients;

  ApiLoad(int clients) {
    this.clients = clients;
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setConnectTimeout(5_000),
            new PoolOptions().setHttp1MaxSize(clients));
  }

  /** A sample: which target, latency in ms, or a failure. */
  private record Sample(int target, double millis, boolean ok, int second) {}

  Map<String, Outcome> run(
      List<Target> targets, double rate, Duration warmup, Duration measured, Duration timeout)
      throws InterruptedException {
    long start = System.nanoTime() + 200_000_000L;
    long warmEnd = start + warmup.toNanos();
    long end = warmEnd + measured.toNanos();
    double gapNanos = 1e9 / rate;
    long total = (long) ((end - start) / gapNanos);
    // Touched only on the client's single event loop.
    List<Sample> samples = new ArrayList<>();
    String[] lastErrors = new String[targets.size()];
    long[] next = {0};
    long[] open = {0};
    CountDownLatch finished = new CountDownLatch(1);
    vertx.runOnContext(
        v ->
            vertx.setPeriodic(
                1,
                timer -> {
                  long now = System.nanoTime();
                  while (next[0] < total) {
                    long i = next[0];
                    long due = start + (long) (i * gapNanos);
                    if (due > now) break;
                    next[0]++;
                    open[0]++;
                    int which = (int) (i % targets.size());
                    send(targets.get(which), (int) (i % clients), timeout)
                        .onComplete(
                            status -> {
                              open[0]--;
                              boolean ok = status.succeeded() && status.result() / 100 == 2;
                              if (!ok) {
                                lastErrors[which] =
                                    status.succeeded()
                                        ? "HTTP " + status.result()
                                        : String.valueOf(status.cause());
                              }
                              if (due >= warmEnd) {
                                samples.add(
                                    new Sample(
                                        which,
                                        (System.nanoTime() - due) / 1e6,
                                        ok,
                                        (int) ((due - warmEnd) / 1_000_000_000L)));
                              }
                              if (next[0] >= total && open[0] == 0) finished.countDown();
                            });
                  }
                  if (next[0] >= total) vertx.cancelTimer(timer);
                }));
    long waitNanos = end - System.nanoTime() + timeout.toNanos() + 5_000_000_000L;
    if (!finished.await(waitNanos, TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException("requests still open " + timeout + " after the run");
    }
    slowestSeconds = slowest(samples);
    Map<String, Outcome> out = new LinkedHashMap<>();
    for (int w = 0; w < targets.size(); w++) {
      int which = w;
      double[] millis =
          samples.stream()
              .filter(s -> s.target() == which && s.ok())
              .mapToDouble(Sample::millis)
              .toArray();
      long errors = samples.stream().filter(s -> s.target() == which && !s.ok()).count();
      out.put(
          targets.get(w).name(),
          new Outcome(LatencySummary.ofMillis(millis), errors, lastErrors[w]));
    }
    return out;
  }

  private String slowestSeconds = "";

  /** The three seconds of the last run with the slowest requests: where a tail comes from. */
  String slowestSeconds() {
    return slowestSeconds;
  }

  private static String slowest(List<Sample> samples) {
    Map<Integer, Double> worst = new java.util.TreeMap<>();
    for (Sample s : samples) worst.merge(s.second(), s.millis(), Math::max);
    return worst.entrySet().stream()
        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
        .limit(3)
        .map(
            e ->
                String.format(
                    java.util.Locale.ROOT, "second %d: %.0f ms", e.getKey(), e.getValue()))
        .toList()
        .toString();
  }

  /** The status of one request, its body read to the end. */
  private Future<Integer> send(Target target, int client, Duration timeout) {
    RequestOptions options = target.request().apply(client).setTimeout(timeout.toMillis());
    return http.request(options)
        .compose(
            request ->
                (target.body() == null ? request.send() : request.send(target.body()))
                    .compose(response -> response.body().map(body -> response.statusCode())));
  }

  @Override
  public void close() {
    http.close().await();
    vertx.close().await();
  }
}
