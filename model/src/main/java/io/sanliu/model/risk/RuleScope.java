package io.sanliu.model.risk;

import io.sanliu.model.events.TradeMode;
import java.util.List;

/**
 * Where a rule applies: trade modes and enterprises. An empty list means all; a rule scoped to some
 * trade modes skips subjects whose mode is unknown (an enterprise's volume, a sender's refusals).
 */
public record RuleScope(List<TradeMode> tradeModes, List<String> enterprises) {
  public static final RuleScope ALL = new RuleScope(List.of(), List.of());

  public RuleScope {
    tradeModes = tradeModes == null ? List.of() : List.copyOf(tradeModes);
    enterprises = enterprises == null ? List.of() : List.copyOf(enterprises);
  }

  public boolean covers(TradeMode mode, String enterpriseCode) {
    return (tradeModes.isEmpty() || (mode != null && tradeModes.contains(mode)))
        && (enterprises.isEmpty()
            || (enterpriseCode != null && enterprises.contains(enterpriseCode)));
  }
}
