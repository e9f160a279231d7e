package io.sanliu.api.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.Params;
import io.sanliu.api.RequestBodies;
import io.sanliu.model.Json;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleMode;
import io.sanliu.model.risk.RuleScope;
import io.sanliu.model.risk.RuleType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a request body into a rule definition, naming the field of every mistake: first the shape
 * (types, enum values), then {@link RuleDefinition#problems()} (ids, parameter names and values).
 */
final class RuleRequest {
  static final Set<String> FIELDS =
      Set.of("ruleId", "type", "version", "enabled", "mode", "severity", "scope", "params", "note");
  static final int MAX_NOTE = 500;

  private RuleRequest() {}

  /** A new rule: version 1. */
  static RuleDefinition create(JsonNode body, String by, Instant at) {
    checkFields(body);
    String ruleId = RequestBodies.text(body, "ruleId", 64);
    if (ruleId == null) throw invalid("ruleId", "ruleId is required");
    RuleType type = enumField(body, "type", RuleType.class, null);
    if (type == null)
      throw invalid("type", "type is required, one of " + List.of(RuleType.values()));
    return valid(
        new RuleDefinition(
            ruleId,
            type,
            1,
            bool(body, "enabled", true),
            enumField(body, "mode", RuleMode.class, RuleMode.LIVE),
            enumField(body, "severity", Severity.class, Severity.MEDIUM),
            scope(body, RuleScope.ALL),
            params(body, Map.of()),
            RequestBodies.text(body, "note", MAX_NOTE),
            by,
            at));
  }

  /**
   * The next version of {@code current}: fields in the body replace the current ones ({@code
   * params} as a whole), fields left out keep their values. A {@code version} in the body must be
   * the current one (the change was made on what is in force).
   */
  static RuleDefinition update(RuleDefinition current, JsonNode body, String by, Instant at) {
    checkFields(body);
    String ruleId = RequestBodies.text(body, "ruleId", 64);
    if (ruleId != null && !ruleId.equals(current.ruleId())) {
      throw invalid(
          "ruleId", "ruleId " + ruleId + " does not match the path's " + current.ruleId());
    }
    JsonNode version = body.get("version");
    if (version != null && !version.isNull()) {
      if (!version.canConvertToInt()) throw invalid("version", "version must be a whole number");
      if (version.asInt() != current.version()) {
        throw ApiProblem.conflict(
                "version "
                    + version.asInt()
                    + " is not the version in force ("
                    + current.version()
                    + "): someone changed the rule meanwhile; read it again")
            .with("currentVersion", current.version());
      }
    }
    JsonNode note = body.get("note");
    return valid(
        new RuleDefinition(
            current.ruleId(),
            enumField(body, "type", RuleType.class, current.type()),
            current.version() + 1,
            bool(body, "enabled", current.enabled()),
            enumField(body, "mode", RuleMode.class, current.mode()),
            enumField(body, "severity", Severity.class, current.severity()),
            scope(body, current.scope()),
            params(body, current.params()),
            note == null ? current.note() : RequestBodies.text(body, "note", MAX_NOTE),
            by,
            at));
  }

  /** The same rule, next version, with one change (enable, disable, mode). */
  static RuleDefinition next(
      RuleDefinition c, boolean enabled, RuleMode mode, String by, Instant at) {
    return valid(
        new RuleDefinition(
            c.ruleId(),
            c.type(),
            c.version() + 1,
            enabled,
            mode,
            c.severity(),
            c.scope(),
            c.params(),
            c.note(),
            by,
            at));
  }

  /** Refuses a definition the engine would ignore: 400 listing every problem. */
  static RuleDefinition valid(RuleDefinition d) {
    List<String> problems = d.problems();
    if (problems.isEmpty()) return d;
    List<String> fields = new ArrayList<>();
    for (String p : problems)
      fields.add(p.substring(0, p.indexOf(' ') < 0 ? p.length() : p.indexOf(' ')));
    throw ApiProblem.badRequest("invalid rule definition: " + String.join("; ", problems))
        .with("problems", problems)
        .with("invalidParams", fields);
  }

  private static void checkFields(JsonNode body) {
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) unknown.add(f);
            });
    if (!unknown.isEmpty()) {
      throw ApiProblem.badRequest(
              "unknown field(s) " + unknown + "; known: " + new java.util.TreeSet<>(FIELDS))
          .with("invalidParams", unknown);
    }
  }

  private static <E extends Enum<E>> E enumField(
      JsonNode body, String field, Class<E> type, E fallback) {
    String v = RequestBodies.text(body, field, 64);
    return v == null ? fallback : Params.enumValue(field, type, v);
  }

  private static boolean bool(JsonNode body, String field, boolean fallback) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) return fallback;
    if (!v.isBoolean()) throw invalid(field, field + " must be true or false");
    return v.booleanValue();
  }

  private static RuleScope scope(JsonNode body, RuleScope fallback) {
    JsonNode v = body.get("scope");
    if (v == null || v.isNull()) return fallback;
    try {
      return Json.mapper().treeToValue(v, RuleScope.class);
    } catch (JsonProcessingException e) {
      throw invalid("scope", "scope is invalid: " + e.getOriginalMessage());
    }
  }

  private static Map<String, String> params(JsonNode body, Map<String, String> fallback) {
    JsonNode v = body.get("params");
    if (v == null || v.isNull()) return fallback;
    if (!v.isObject()) throw invalid("params", "params must be an object of name: value");
    Map<String, String> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode value = e.getValue();
      if (!value.isTextual() && !value.isNumber()) {
        throw invalid(
            "params." + e.getKey(), "params." + e.getKey() + " must be a string or number");
      }
      out.put(e.getKey(), value.asText());
    }
    return out;
  }

  private static ApiProblem invalid(String field, String detail) {
    return ApiProblem.badRequest(detail).with("invalidParams", List.of(field));
  }
}
