package io.sanliu.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.vertx.ext.web.RoutingContext;

/** Reads a request's JSON body, or says precisely why it cannot. */
public final class RequestBodies {
  private RequestBodies() {}

  /**
   * The body as a JSON object; an empty body is an empty object when {@code optional}. The body
   * size was already bounded by the body handler.
   */
  public static JsonNode object(RoutingContext ctx, boolean optional) {
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      if (optional) return Json.mapper().createObjectNode();
      throw ApiProblem.badRequest("a JSON object body is required");
    }
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw ApiProblem.of(415, "the body must be application/json, not " + type);
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node == null || !node.isObject()) {
        throw ApiProblem.badRequest("the body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiProblem.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** A text field of at most {@code max} characters, or null when absent. */
  public static String text(JsonNode body, String field, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw ApiProblem.badRequest(field + " must be a string");
    String s = v.asText().trim();
    if (s.length() > max) {
      throw ApiProblem.badRequest(field + " must be at most " + max + " characters");
    }
    return s.isEmpty() ? null : s;
  }
}
