package io.sanliu.jobs.risk.technical;

import io.sanliu.model.risk.RuleDefinition;
import java.util.Map;

/**
 * What the technical rules see: the signal just in, and what its key remembers: for a record, the
 * sighting of its guid before this copy; for a refusal, its sender's current burst per rule
 * definition (the refusal counted in).
 *
 * @param earlier the guid's sighting before this copy; null for a first copy and for dead letters
 * @param bursts by rule id; empty unless the signal is a refusal
 */
public record TechnicalContext(
    TechnicalSignal signal, Sighting earlier, Map<String, Burst> bursts) {

  public TechnicalContext {
    bursts = bursts == null ? Map.of() : Map.copyOf(bursts);
  }

  static TechnicalContext of(TechnicalSignal signal) {
    return new TechnicalContext(signal, null, Map.of());
  }

  /** The burst as cut by {@code rule}'s window; null when the rule has none. */
  public Burst burst(RuleDefinition rule) {
    return bursts.get(rule.ruleId());
  }
}
