package io.sanliu.jobs.risk.fx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One export's payment and the FX receipts of its proceeds, as far as they have come (keyed state
 * of {@link FxRuleFunction}). Mutable, a Flink POJO.
 */
public class FxAccount {
  /** The paid export; null until the matcher reported it. */
  public FxSignal payment;

  /** Receipts by id: one sent twice counts once. */
  public Map<String, FxSignal> receipts = new LinkedHashMap<>();

  /** What was received in {@code currency}. */
  public BigDecimal receivedIn(String currency) {
    BigDecimal sum = BigDecimal.ZERO;
    for (FxSignal r : receipts.values()) {
      if (r.currency().equals(currency)) sum = sum.add(r.amount());
    }
    return sum;
  }

  /** The latest receipt's time, or null. */
  public Instant lastReceiptAt() {
    Instant last = null;
    for (FxSignal r : receipts.values()) {
      if (last == null || r.at().isAfter(last)) last = r.at();
    }
    return last;
  }
}
