package io.sanliu.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An open-loop load of HTTP requests: {@code clients} threads share a fixed schedule of {@code
 * rate} requests per second (client k sends requests k, k + clients, ...), cycling through the
 * targets. Latency is measured from the moment a request was due, not from when it was sent, so a
 * server that falls behind is charged for the wait (no coordinated omission).
 */
final class ApiLoad {
  /** One kind of request: its name in the report and how to build it for a client. */
  record Target(String name, Function<Integer, HttpRequest> request) {}

  /**
   * The latencies of one target, how many answers were not 2xx (or failed), and how many requests
   * of the whole run (all targets) were still unsent when it ended: the load was not reached.
   */
  record Outcome(LatencySummary latency, long errors, long missed, String lastError) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          // Plain HTTP/1.1 as screens and load tools use it, one connection per client thread;
          // the default asks every server for an h2c upgrade first.
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Map<String, Outcome> run(
      List<Target> targets, double rate, int clients, Duration warmup, Duration measured)
      throws InterruptedException {
    long start = System.nanoTime() + 200_000_000L;
    long warmEnd = start + warmup.toNanos();
    long end = warmEnd + measured.toNanos();
    double gapNanos = 1e9 / rate;
    Map<String, List<double[]>> samples = new ConcurrentHashMap<>();
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    Map<String, String> lastErrors = new ConcurrentHashMap<>();
    for (Target t : targets) {
      samples.put(t.name(), java.util.Collections.synchronizedList(new ArrayList<>()));
      errors.put(t.name(), new AtomicLong());
    }
    AtomicLong missed = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int k = 0; k < clients; k++) {
      int client = k;
      Thread thread =
          new Thread(
              () -> {
                List<double[]> mine = new ArrayList<>();
                for (long i = client; ; i += clients) {
                  long due = start + (long) (i * gapNanos);
                  if (due >= end) break;
                  if (System.nanoTime() > end) {
                    // Fallen behind past the run's end: the rest were never sent.
                    if (due >= warmEnd) missed.incrementAndGet();
                    continue;
                  }
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    try {
                      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                  int which = (int) (i % targets.size());
                  Target target = targets.get(which);
                  boolean ok;
                  try {
                    HttpResponse<String> r =
                        http.send(
                            target.request().apply(client), HttpResponse.BodyHandlers.ofString());
                    ok = r.statusCode() / 100 == 2;
                    if (!ok) lastErrors.put(target.name(), r.statusCode() + " " + r.body());
                  } catch (Exception e) {
                    ok = false;
                    lastErrors.put(target.name(), e.toString());
                  }
                  double millis = (System.nanoTime() - due) / 1e6;
                  if (due < warmEnd) continue;
                  if (ok) mine.add(new double[] {which, millis});
                  else errors.get(target.name()).incrementAndGet();
                }
                samples.get(targets.get(0).name()).addAll(mine);
              },
              "api-load-" + k);
      threads.add(thread);
      thread.start();
    }
    for (Thread t : threads) t.join();
    List<double[]> all = samples.get(targets.get(0).name());
    Map<String, Outcome> out = new LinkedHashMap<>();
    for (int w = 0; w < targets.size(); w++) {
      int which = w;
      double[] millis = all.stream().filter(s -> s[0] == which).mapToDouble(s -> s[1]).toArray();
      String name = targets.get(w).name();
      out.put(
          name,
          new Outcome(
              LatencySummary.ofMillis(millis),
              errors.get(name).get(),
              missed.get(),
              lastErrors.get(name)));
    }
    return out;
  }
}
