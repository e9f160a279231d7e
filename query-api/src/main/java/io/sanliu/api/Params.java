package io.sanliu.api;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's query parameters, read strictly: an unknown name or a bad value is a 400 naming the
 * parameter, so that a typo ({@code servity=HIGH}) is not silently ignored.
 */
public final class Params {
  private final MultiMap params;

  private Params(MultiMap params) {
    this.params = params;
  }

  /** The parameters of {@code ctx}; any name outside {@code known} is refused. */
  public static Params of(RoutingContext ctx, Set<String> known) {
    MultiMap params = ctx.queryParams();
    Set<String> unknown = new TreeSet<>(params.names());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw ApiProblem.badRequest(
              "unknown query parameter(s) " + unknown + "; known: " + new TreeSet<>(known))
          .with("invalidParams", List.copyOf(unknown));
    }
    return new Params(params);
  }

  /** A single value, or null when absent or blank. */
  public String text(String name) {
    List<String> all = params.getAll(name);
    if (all.isEmpty()) return null;
    if (all.size() > 1) throw invalid(name, "is given " + all.size() + " times; give it once");
    String v = all.get(0).trim();
    return v.isEmpty() ? null : v;
  }

  /** Comma-separated and/or repeated values, e.g. {@code severity=HIGH,CRITICAL}. */
  public List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (String v : params.getAll(name)) {
      Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }

  public <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
    List<E> out = new ArrayList<>();
    for (String v : list(name)) out.add(enumValue(name, type, v));
    return out;
  }

  public static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(
          name,
          "must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'");
    }
  }

  /** An ISO-8601 instant, or null when absent. */
  public Instant instant(String name) {
    String v = text(name);
    if (v == null) return null;
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an ISO-8601 instant like 2026-11-22T08:00:00Z, not '" + v + "'");
    }
  }

  public int integer(String name, int fallback, int min, int max) {
    String v = text(name);
    if (v == null) return fallback;
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) throw invalid(name, "must be between " + min + " and " + max);
      return n;
    } catch (NumberFormatException e) {
      throw invalid(name, "must be a whole number, not '" + v + "'");
    }
  }

  /** A true/false parameter; anything else is a 400 naming it. */
  public boolean bool(String name, boolean fallback) {
    String v = text(name);
    if (v == null) return fallback;
    if (v.equalsIgnoreCase("true")) return true;
    if (v.equalsIgnoreCase("false")) return false;
    throw invalid(name, "must be true or false, not '" + v + "'");
  }

  public static ApiProblem invalid(String name, String why) {
    return ApiProblem.badRequest(name + " " + why).with("invalidParams", List.of(name));
  }
}
