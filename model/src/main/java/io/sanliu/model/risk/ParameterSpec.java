package io.sanliu.model.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One parameter a rule type takes: its name, kind, default and meaning. Values travel as text (rule
 * definitions are JSON on the control topic); {@link #problem} says what is wrong with a value.
 *
 * @param allowed for {@link Kind#CHOICE}: the values accepted
 */
public record ParameterSpec(
    String name, Kind kind, String defaultValue, String description, List<String> allowed) {

  public enum Kind {
    /** A plain decimal number, e.g. {@code 5000} or {@code 0.091}. */
    DECIMAL,
    /** A positive whole number. */
    COUNT,
    /** An ISO-8601 duration, e.g. {@code PT10M} or {@code P5D}. */
    DURATION,
    /** A time-zone id, e.g. {@code Asia/Shanghai}. */
    ZONE,
    /** One of {@link ParameterSpec#allowed}. */
    CHOICE
  }

  public ParameterSpec {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
  }

  static ParameterSpec decimal(String name, String defaultValue, String description) {
    return new ParameterSpec(name, Kind.DECIMAL, defaultValue, description, List.of());
  }

  static ParameterSpec count(String name, String defaultValue, String description) {
    return new ParameterSpec(name, Kind.COUNT, defaultValue, description, List.of());
  }

  static ParameterSpec duration(String name, String defaultValue, String description) {
    return new ParameterSpec(name, Kind.DURATION, defaultValue, description, List.of());
  }

  static ParameterSpec zone(String name, String defaultValue, String description) {
    return new ParameterSpec(name, Kind.ZONE, defaultValue, description, List.of());
  }

  static ParameterSpec choice(
      String name, String defaultValue, String description, String... allowed) {
    return new ParameterSpec(name, Kind.CHOICE, defaultValue, description, Arrays.asList(allowed));
  }

  /** Why {@code value} is not acceptable for this parameter, or empty when it is. */
  public Optional<String> problem(String value) {
    if (value == null || value.isBlank()) return Optional.of("is empty");
    try {
      switch (kind) {
        case DECIMAL -> {
          if (new BigDecimal(value.trim()).signum() < 0) return Optional.of("must not be negative");
        }
        case COUNT -> {
          if (Long.parseLong(value.trim()) < 1) return Optional.of("must be 1 or more");
        }
        case DURATION -> {
          Duration d = Duration.parse(value.trim());
          if (d.isNegative() || d.isZero()) return Optional.of("must be a positive duration");
        }
        case ZONE -> ZoneId.of(value.trim());
        case CHOICE -> {
          if (!allowed.contains(value.trim())) return Optional.of("must be one of " + allowed);
        }
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(
          switch (kind) {
            case DECIMAL -> "is not a number: " + value;
            case COUNT -> "is not a whole number: " + value;
            case DURATION -> "is not an ISO-8601 duration (e.g. PT10M, P5D): " + value;
            case ZONE -> "is not a time-zone id (e.g. Asia/Shanghai): " + value;
            case CHOICE -> "must be one of " + allowed;
          });
    }
  }
}
