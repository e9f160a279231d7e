package io.sanliu.api.push;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;

/**
 * One Server-Sent Events response: events ({@code id:}, {@code event:}, {@code data:}), comment
 * heartbeats so proxies keep an idle stream open, and the reconnection delay. A client too slow to
 * take what it is sent is disconnected; it reconnects with Last-Event-ID and is replayed.
 */
final class EventStream {
  static final int RETRY_MILLIS = 3_000;

  private final HttpServerResponse response;
  private final Vertx vertx;
  private long heartbeat = -1;
  private boolean closed;

  EventStream(HttpServerResponse response, Vertx vertx) {
    this.response = response;
    this.vertx = vertx;
  }

  /** Sends the headers and the reconnection delay; heartbeats every {@code interval}. */
  void open(Duration interval, Runnable onClose) {
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> close(onClose));
    response.endHandler(v -> close(onClose));
    response.write("retry: " + RETRY_MILLIS + "\n: connected\n\n");
    heartbeat = vertx.setPeriodic(interval.toMillis(), t -> write(": heartbeat\n\n"));
  }

  void event(String id, String name, String data) {
    StringBuilder frame = new StringBuilder();
    if (id != null) frame.append("id: ").append(id).append('\n');
    frame.append("event: ").append(name).append('\n');
    // A data line may not hold a newline; JSON from Jackson has none, but be safe.
    for (String line : data.split("\n", -1)) frame.append("data: ").append(line).append('\n');
    frame.append('\n');
    write(frame.toString());
  }

  private void write(String frame) {
    if (closed) return;
    if (response.writeQueueFull()) {
      response.reset();
      return;
    }
    response.write(frame);
  }

  private void close(Runnable onClose) {
    if (closed) return;
    closed = true;
    if (heartbeat >= 0) vertx.cancelTimer(heartbeat);
    onClose.run();
  }
}
