package io.sanliu.jobs.risk;

import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleFamily;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules in force: the shipped defaults ({@link DefaultRules}) with the control topic's
 * definitions over them by rule id (the higher version wins, so a stale copy cannot undo a change).
 */
public final class RuleBook {
  private final Map<String, RuleDefinition> byId;

  private RuleBook(Map<String, RuleDefinition> byId) {
    this.byId = byId;
  }

  public static RuleBook of(Collection<RuleDefinition> published) {
    Map<String, RuleDefinition> byId = new LinkedHashMap<>();
    for (RuleDefinition d : DefaultRules.all()) byId.put(d.ruleId(), d);
    for (RuleDefinition d : published) {
      RuleDefinition current = byId.get(d.ruleId());
      if (current == null || d.version() >= current.version()) byId.put(d.ruleId(), d);
    }
    return new RuleBook(byId);
  }

  /** Whether {@code candidate} replaces what is stored under its id (a higher or equal version). */
  public static boolean supersedes(RuleDefinition candidate, RuleDefinition stored) {
    return stored == null || candidate.version() >= stored.version();
  }

  public RuleDefinition get(String ruleId) {
    return byId.get(ruleId);
  }

  public Collection<RuleDefinition> all() {
    return byId.values();
  }

  /** The enabled rules evaluated by one family's stream. */
  public List<RuleDefinition> enabled(RuleFamily family) {
    List<RuleDefinition> out = new ArrayList<>();
    for (RuleDefinition d : byId.values()) {
      if (d.enabled() && d.type().families().contains(family)) out.add(d);
    }
    return out;
  }
}
