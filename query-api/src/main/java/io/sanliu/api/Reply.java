package io.sanliu.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sanliu.model.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete answer, built before it is sent: what the response cache keeps and what every JSON
 * endpoint returns.
 */
public record Reply(int status, String contentType, Buffer body, Map<String, String> headers) {
  public static final String JSON = "application/json";

  public Reply {
    headers = Map.copyOf(headers);
  }

  /** {@code value} as JSON (Jackson, the platform's one JSON form) with the given status. */
  public static Reply json(int status, Object value) {
    try {
      return new Reply(
          status, JSON, Buffer.buffer(Json.mapper().writeValueAsBytes(value)), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a response as JSON", e);
    }
  }

  public static Reply ok(Object value) {
    return json(200, value);
  }

  public static Future<Reply> okFuture(Object value) {
    return Future.succeededFuture(ok(value));
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(status, contentType, body, copy);
  }

  public void send(RoutingContext ctx) {
    var response = ctx.response();
    if (response.ended()) return;
    response.setStatusCode(status).putHeader("Content-Type", contentType);
    headers.forEach(response::putHeader);
    response.end(body);
  }
}
