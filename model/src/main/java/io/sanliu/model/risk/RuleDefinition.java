package io.sanliu.model.risk;

import io.sanliu.model.Json;
import io.sanliu.model.events.Severity;
import io.sanliu.model.kafka.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A risk rule as data: which {@link RuleType}, its parameters, severity, scope, whether it is on,
 * live or shadow, and its version. Definitions travel on the control topic {@link #TOPIC} (key:
 * rule id; the highest version of an id wins) and are applied by the running jobs without a
 * restart. Parameters not set take the type's defaults.
 *
 * @param ruleId stable id, lower case letters, digits and dashes (e.g. {@code annual-quota})
 * @param version increases with every change; every alert records the version that raised it
 * @param params parameter values as text, by {@link ParameterSpec#name()}
 */
public record RuleDefinition(
    String ruleId,
    RuleType type,
    int version,
    boolean enabled,
    RuleMode mode,
    Severity severity,
    RuleScope scope,
    Map<String, String> params,
    String note,
    String updatedBy,
    Instant updatedAt) {

  /** The control topic of rule definitions: compacted, one partition, keyed by rule id. */
  public static final Topic<RuleDefinition> TOPIC =
      new Topic<>("sanliu.risk-rules", Json.mapper().constructType(RuleDefinition.class), 1, true);

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public RuleDefinition {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(type, "type");
    mode = mode == null ? RuleMode.LIVE : mode;
    severity = severity == null ? Severity.MEDIUM : severity;
    scope = scope == null ? RuleScope.ALL : scope;
    params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
  }

  public String key() {
    return ruleId;
  }

  public boolean shadow() {
    return mode == RuleMode.SHADOW;
  }

  /** The parameter's value, or its type's default; a name the type does not know is an error. */
  public String parameter(String name) {
    ParameterSpec spec =
        type.parameter(name)
            .orElseThrow(
                () -> new IllegalArgumentException(type + " has no parameter '" + name + "'"));
    String value = params.get(name);
    return value == null ? spec.defaultValue() : value.trim();
  }

  public java.math.BigDecimal decimal(String name) {
    return new java.math.BigDecimal(parameter(name));
  }

  public long count(String name) {
    return Long.parseLong(parameter(name));
  }

  public java.time.Duration duration(String name) {
    return java.time.Duration.parse(parameter(name));
  }

  public java.time.ZoneId zone(String name) {
    return java.time.ZoneId.of(parameter(name));
  }

  /**
   * Every problem of this definition, each naming its field ({@code params.limit is not a number:
   * x}); empty when the definition can be applied.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!ID.matcher(ruleId).matches()) {
      problems.add("ruleId must be 1-64 lower-case letters, digits or dashes: " + ruleId);
    }
    if (version < 1) problems.add("version must be 1 or more: " + version);
    for (Map.Entry<String, String> p : params.entrySet()) {
      var spec = type.parameter(p.getKey());
      if (spec.isEmpty()) {
        problems.add(
            "params."
                + p.getKey()
                + " is not a parameter of "
                + type
                + " (known: "
                + type.parameters().stream().map(ParameterSpec::name).toList()
                + ")");
      } else {
        spec.get()
            .problem(p.getValue())
            .ifPresent(why -> problems.add("params." + p.getKey() + " " + why));
      }
    }
    if (problems.isEmpty()
        && type == RuleType.VOLUME_SPIKE
        && duration("step").compareTo(duration("bucket")) > 0) {
      problems.add("params.step must not be longer than params.bucket");
    }
    return problems;
  }

  /** The same rule as a new version with other parameters (the rest unchanged). */
  public RuleDefinition withParams(Map<String, String> changed, String by, Instant at) {
    Map<String, String> merged = new TreeMap<>(params);
    merged.putAll(changed);
    return new RuleDefinition(
        ruleId, type, version + 1, enabled, mode, severity, scope, merged, note, by, at);
  }

  /** The same rule, another id, in shadow mode: what a change would catch, not shown as live. */
  public RuleDefinition asShadow(
      String shadowId, Map<String, String> changed, String by, Instant at) {
    Map<String, String> merged = new TreeMap<>(params);
    merged.putAll(changed);
    return new RuleDefinition(
        shadowId, type, 1, true, RuleMode.SHADOW, severity, scope, merged, note, by, at);
  }
}
