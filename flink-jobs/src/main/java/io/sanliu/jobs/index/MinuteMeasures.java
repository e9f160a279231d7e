package io.sanliu.jobs.index;

import java.util.HashSet;
import java.util.Set;

/**
 * What the zone did in one minute of event time, as the composite index reads it. Mutable: the
 * minute's aggregate adds events to it; {@link TrailingHour} merges sixty of them.
 */
public final class MinuteMeasures {
  long orders;
  long valueCents;
  final Set<String> enterprises = new HashSet<>();
  long releases;
  long releaseMillis;
  long deliveries;
  long deliveryMillis;
  long alertWeight;

  /** An order (not a deletion) worth {@code cents} CNY of enterprise {@code ebcCode}. */
  public MinuteMeasures order(long cents, String ebcCode) {
    orders++;
    valueCents += cents;
    if (ebcCode != null) enterprises.add(ebcCode);
    return this;
  }

  /** A customs list released {@code millis} after it was declared. */
  public MinuteMeasures release(long millis) {
    releases++;
    releaseMillis += Math.max(0, millis);
    return this;
  }

  /** A parcel delivered {@code millis} after it was picked up. */
  public MinuteMeasures delivery(long millis) {
    deliveries++;
    deliveryMillis += Math.max(0, millis);
    return this;
  }

  /** A live alert of this severity weight. */
  public MinuteMeasures alert(int weight) {
    alertWeight += weight;
    return this;
  }

  public MinuteMeasures merge(MinuteMeasures o) {
    orders += o.orders;
    valueCents += o.valueCents;
    enterprises.addAll(o.enterprises);
    releases += o.releases;
    releaseMillis += o.releaseMillis;
    deliveries += o.deliveries;
    deliveryMillis += o.deliveryMillis;
    alertWeight += o.alertWeight;
    return this;
  }

  public long orders() {
    return orders;
  }

  public long valueCents() {
    return valueCents;
  }

  public Set<String> enterprises() {
    return enterprises;
  }

  public long releases() {
    return releases;
  }

  public long deliveries() {
    return deliveries;
  }

  public long alertWeight() {
    return alertWeight;
  }

  /** The level of one component over these minutes, and the sample it rests on. */
  public Level level(SubIndex s) {
    return switch (s) {
      case TRADE_VALUE -> new Level(valueCents / 100.0, orders);
      case VOLUME -> new Level(orders, orders);
      case ACTIVE_ENTERPRISES -> new Level(enterprises.size(), orders);
      case CLEARANCE -> mean(releaseMillis, releases);
      case LOGISTICS -> mean(deliveryMillis, deliveries);
      // Severity-weighted alerts per 10,000 orders.
      case RISK -> new Level(orders == 0 ? 0 : alertWeight * 10_000.0 / orders, orders);
    };
  }

  private static Level mean(long millis, long n) {
    // Hours: the unit the docs and screens show.
    return new Level(n == 0 ? 0 : millis / 3_600_000.0 / n, n);
  }

  /**
   * @param value the component's measure (CNY, orders, enterprises, hours, weight per 10k)
   * @param sample the events it rests on
   */
  public record Level(double value, long sample) {}
}
