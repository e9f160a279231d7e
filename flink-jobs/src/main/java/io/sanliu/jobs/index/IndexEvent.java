package io.sanliu.jobs.index;

import io.sanliu.model.events.Severity;

/**
 * One thing the composite index counts, at its event time (epoch millis): an order with its CNY
 * value, a customs release with its clearance time, a delivery with its door-to-door time, or a
 * live alert with its severity weight.
 */
public record IndexEvent(
    Kind kind, long time, long cents, String ebcCode, long millis, int weight) {
  public enum Kind {
    ORDER,
    RELEASE,
    DELIVERY,
    ALERT
  }

  public static IndexEvent order(long time, long cents, String ebcCode) {
    return new IndexEvent(Kind.ORDER, time, cents, ebcCode, 0, 0);
  }

  public static IndexEvent release(long time, long clearanceMillis) {
    return new IndexEvent(Kind.RELEASE, time, 0, null, clearanceMillis, 0);
  }

  public static IndexEvent delivery(long time, long transitMillis) {
    return new IndexEvent(Kind.DELIVERY, time, 0, null, transitMillis, 0);
  }

  public static IndexEvent alert(long time, Severity severity) {
    return new IndexEvent(Kind.ALERT, time, 0, null, 0, severity.weight());
  }

  /** Adds itself to its minute's measures. */
  void addTo(MinuteMeasures m) {
    switch (kind) {
      case ORDER -> m.order(cents, ebcCode);
      case RELEASE -> m.release(millis);
      case DELIVERY -> m.delivery(millis);
      case ALERT -> m.alert(weight);
    }
  }
}
