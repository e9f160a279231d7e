package io.sanliu.simulator.sink;

import io.sanliu.model.events.EventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a sink did with the documents, per type: sent, stored (accepted), refused as expected
 * (deliberately invalid documents), answered otherwise than expected, and lost on the way.
 * Thread-safe.
 */
public final class DeliveryCounts {
  /** Counts of one document type. */
  public record TypeCounts(
      long sent, long accepted, long expectedRefusals, long unexpected, long failed) {
    TypeCounts plus(TypeCounts o) {
      return new TypeCounts(
          sent + o.sent,
          accepted + o.accepted,
          expectedRefusals + o.expectedRefusals,
          unexpected + o.unexpected,
          failed + o.failed);
    }
  }

  private enum Counter {
    SENT,
    ACCEPTED,
    EXPECTED_REFUSAL,
    UNEXPECTED,
    FAILED
  }

  private final Map<EventType, LongAdder[]> counts = new EnumMap<>(EventType.class);

  public DeliveryCounts() {
    for (EventType t : EventType.values()) {
      LongAdder[] a = new LongAdder[Counter.values().length];
      for (int i = 0; i < a.length; i++) a[i] = new LongAdder();
      counts.put(t, a);
    }
  }

  private void add(EventType t, Counter c, long n) {
    counts.get(t)[c.ordinal()].add(n);
  }

  public void sent(EventType t, long n) {
    add(t, Counter.SENT, n);
  }

  public void accepted(EventType t, long n) {
    add(t, Counter.ACCEPTED, n);
  }

  public void expectedRefusal(EventType t) {
    add(t, Counter.EXPECTED_REFUSAL, 1);
  }

  public void unexpected(EventType t, long n) {
    add(t, Counter.UNEXPECTED, n);
  }

  public void failed(EventType t, long n) {
    add(t, Counter.FAILED, n);
  }

  /** Per type, the types with anything sent. */
  public Map<EventType, TypeCounts> byType() {
    Map<EventType, TypeCounts> m = new EnumMap<>(EventType.class);
    counts.forEach(
        (t, a) -> {
          TypeCounts c = new TypeCounts(a[0].sum(), a[1].sum(), a[2].sum(), a[3].sum(), a[4].sum());
          if (c.sent() > 0) m.put(t, c);
        });
    return m;
  }

  public TypeCounts total() {
    return byType().values().stream().reduce(new TypeCounts(0, 0, 0, 0, 0), TypeCounts::plus);
  }
}
