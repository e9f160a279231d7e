package io.sanliu.bench;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.Topics;
import java.util.List;

/**
 * What the JSON form of the order events costs on one thread, without any I/O: the share of the
 * Kafka figures that is (de)serialisation rather than Kafka.
 */
public final class JsonBaselines {
  public static final String SERIALIZE = "json.serialize";
  public static final String DESERIALIZE = "json.deserialize";

  private JsonBaselines() {}

  public static List<BenchResult> run(
      List<Envelope<Order>> events, int warmup, int repetitions, Trials trials) throws Exception {
    BenchResult serialized =
        trials.measure(
            SERIALIZE,
            "events",
            repetitions,
            rep -> serialize(events.subList(0, warmup)),
            rep -> serialize(events),
            "Topics.ORDERS.serialize of Envelope<Order>, one thread, no I/O");
    byte[][] values = new byte[events.size()][];
    for (int i = 0; i < values.length; i++) values[i] = Topics.ORDERS.serialize(events.get(i));
    BenchResult deserialized =
        trials.measure(
            DESERIALIZE,
            "events",
            repetitions,
            rep -> deserialize(values, warmup),
            rep -> deserialize(values, values.length),
            "Topics.ORDERS.deserialize of those bytes, one thread, no I/O");
    return List.of(serialized, deserialized);
  }

  private static Repetition serialize(List<Envelope<Order>> events) {
    long bytes = 0;
    long started = System.nanoTime();
    for (Envelope<Order> e : events) bytes += Topics.ORDERS.serialize(e).length;
    return new Repetition(events.size(), bytes, System.nanoTime() - started);
  }

  private static Repetition deserialize(byte[][] values, int count) {
    long bytes = 0;
    long check = 0;
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      Envelope<Order> e = Topics.ORDERS.deserialize(values[i]);
      bytes += values[i].length;
      check += e.payload().items().size();
    }
    long nanos = System.nanoTime() - started;
    if (check < count) throw new IllegalStateException("an order without items");
    return new Repetition(count, bytes, nanos);
  }
}
