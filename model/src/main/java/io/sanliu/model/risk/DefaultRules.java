package io.sanliu.model.risk;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sanliu.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The rule definitions the platform ships ({@code risk/default-rules.json}): every rule type at
 * least once, live, with the policy numbers of DOMAIN.md §4. Definitions on the control topic
 * replace them by rule id.
 */
public final class DefaultRules {
  public static final String RESOURCE = "risk/default-rules.json";
  private static final List<RuleDefinition> ALL = load();

  private DefaultRules() {}

  public static List<RuleDefinition> all() {
    return ALL;
  }

  private static List<RuleDefinition> load() {
    try (InputStream in = DefaultRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      List<RuleDefinition> rules =
          Json.mapper().readValue(in, new TypeReference<List<RuleDefinition>>() {});
      for (RuleDefinition r : rules) {
        if (!r.problems().isEmpty()) {
          throw new IllegalStateException("default rule " + r.ruleId() + ": " + r.problems());
        }
      }
      return List.copyOf(rules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
