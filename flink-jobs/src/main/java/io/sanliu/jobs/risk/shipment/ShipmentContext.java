package io.sanliu.jobs.risk.shipment;

import io.sanliu.model.risk.RuleDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the shipment rules see when a parcel's timer fires: the parcel as known, the time of the
 * timer, and the rules that already alerted about its current state (a timer of one definition must
 * not raise another definition's alert a second time).
 *
 * @param now the event time the timer was set for
 * @param alreadyRaised rule ids that alerted since the parcel last moved
 */
public record ShipmentContext(
    String waybillKey, Shipment shipment, Instant now, Set<String> alreadyRaised) {

  public ShipmentContext {
    alreadyRaised = alreadyRaised == null ? Set.of() : Set.copyOf(alreadyRaised);
  }

  public boolean alreadyRaised(RuleDefinition rule) {
    return alreadyRaised.contains(rule.ruleId());
  }

  /** How long since the latest tracking event; null before any. */
  public Duration silentFor() {
    return shipment.lastEventAt() == null ? null : Duration.between(shipment.lastEventAt(), now);
  }

  /** How long since the list was declared; null without a list. */
  public Duration sinceDeclaration() {
    return shipment.declTime() == null ? null : Duration.between(shipment.declTime(), now);
  }
}
