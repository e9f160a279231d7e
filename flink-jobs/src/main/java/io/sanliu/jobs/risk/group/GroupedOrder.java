package io.sanliu.jobs.risk.group;

import io.sanliu.model.events.TradeMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A retail import order as one of its groups sees it: the facts the group rules add up, under the
 * group's key ({@code BUYER:<hash>} or {@code ADDRESS:<hash>}).
 *
 * @param taxableValue goods plus freight
 * @param acturalPaid what the buyer paid (CEB spelling); may be null
 * @param ingestTime when the gateway took the order in; may be null
 */
public record GroupedOrder(
    String groupKey,
    GroupKind kind,
    String orderKey,
    String ebcCode,
    TradeMode tradeMode,
    Instant eventTime,
    Instant ingestTime,
    BigDecimal taxableValue,
    BigDecimal acturalPaid,
    String buyerHash,
    String addressHash) {

  public static String groupKey(GroupKind kind, String hash) {
    return kind.name() + ":" + hash;
  }

  /** The hash the group is about: the buyer's or the address's. */
  public String subjectHash() {
    return kind == GroupKind.BUYER ? buyerHash : addressHash;
  }

  /** Whether {@code other} is this order sent again unchanged (its ingest time aside). */
  public boolean sameFacts(GroupedOrder other) {
    return other != null
        && orderKey.equals(other.orderKey)
        && Objects.equals(eventTime, other.eventTime)
        && sameAmount(taxableValue, other.taxableValue)
        && sameAmount(acturalPaid, other.acturalPaid);
  }

  static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
