package io.sanliu.jobs.risk.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a subject keeps of one identity linked to it: when first and last seen, and the orders that
 * linked them (the first {@link #MAX_ORDERS}: an alert names the orders of an episode, and a
 * genuine owner's long history adds nothing to it).
 */
public record LinkedIdentity(
    String linkedHash, Instant firstSeen, Instant lastSeen, List<String> orderKeys) {
  static final int MAX_ORDERS = 20;

  public LinkedIdentity {
    orderKeys = List.copyOf(orderKeys);
  }

  static LinkedIdentity of(IdentityLink link) {
    return new LinkedIdentity(
        link.linkedHash(), link.eventTime(), link.eventTime(), List.of(link.orderKey()));
  }

  /** This identity seen again through {@code link}'s order. */
  LinkedIdentity with(IdentityLink link) {
    List<String> keys = new ArrayList<>(orderKeys);
    if (!keys.contains(link.orderKey()) && keys.size() < MAX_ORDERS) keys.add(link.orderKey());
    Instant t = link.eventTime();
    return new LinkedIdentity(
        linkedHash,
        t.isBefore(firstSeen) ? t : firstSeen,
        t.isAfter(lastSeen) ? t : lastSeen,
        keys);
  }

  /** Whether {@code link} tells nothing new: its order is known and its time within the seen. */
  boolean knows(IdentityLink link) {
    return orderKeys.contains(link.orderKey())
        && !link.eventTime().isBefore(firstSeen)
        && !link.eventTime().isAfter(lastSeen);
  }
}
