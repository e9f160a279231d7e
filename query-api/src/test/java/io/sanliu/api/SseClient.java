package io.sanliu.api;

import io.sanliu.api.auth.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A Server-Sent Events client over java.net.http: reads frames as a browser's EventSource does. */
final class SseClient implements AutoCloseable {
  /** One event: its id (may be null), name and data. */
  record Event(String id, String name, String data) {}

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final HttpResponse<Stream<String>> response;
  private final List<Event> events = new ArrayList<>();
  private final List<String> comments = new ArrayList<>();
  private String id;
  private String name;
  private final StringBuilder data = new StringBuilder();

  SseClient(ApiFixture api, String path, Role role, String lastEventId) throws Exception {
    HttpRequest.Builder b = api.request(path, role).header("Accept", "text/event-stream");
    if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
    this.response = api.http.send(b.GET().build(), HttpResponse.BodyHandlers.ofLines());
    Thread reader =
        new Thread(
            () -> {
              try {
                response.body().forEach(lines::add);
              } catch (RuntimeException closed) {
                // The test closed the stream.
              }
            },
            "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  int status() {
    return response.statusCode();
  }

  String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** Waits for an event matching {@code wanted}; every event read meanwhile is kept. */
  Event await(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Event e : events) if (wanted.test(e)) return e;
      long left = deadline - System.nanoTime();
      if (left <= 0)
        throw new AssertionError("no such event within " + timeout + "; got " + events);
      String line = lines.poll(left, TimeUnit.NANOSECONDS);
      if (line != null) read(line);
    }
  }

  /** Reads for {@code window} and returns every event so far (to show an absence). */
  List<Event> drain(Duration window) throws InterruptedException {
    long deadline = System.nanoTime() + window.toNanos();
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      String line = lines.poll(left, TimeUnit.NANOSECONDS);
      if (line != null) read(line);
    }
    return List.copyOf(events);
  }

  /** Waits for a comment line (": ...") containing {@code text}. */
  void awaitComment(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (comments.stream().noneMatch(c -> c.contains(text))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) throw new AssertionError("no comment '" + text + "' within " + timeout);
      String line = lines.poll(left, TimeUnit.NANOSECONDS);
      if (line != null) read(line);
    }
  }

  private void read(String line) {
    if (line.isEmpty()) {
      if (name != null || data.length() > 0) events.add(new Event(id, name, data.toString()));
      id = null;
      name = null;
      data.setLength(0);
    } else if (line.startsWith(":")) {
      comments.add(line);
    } else if (line.startsWith("id: ")) {
      id = line.substring(4);
    } else if (line.startsWith("event: ")) {
      name = line.substring(7);
    } else if (line.startsWith("data: ")) {
      if (data.length() > 0) data.append('\n');
      data.append(line.substring(6));
    }
  }

  @Override
  public void close() {
    response.body().close();
  }
}
