package io.sanliu.jobs;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.Envelope;
import java.time.Instant;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/** The event-time policy every job shares: bounded out-of-orderness and idle partitions. */
public final class EventTimes {
  private EventTimes() {}

  public static <T extends BusinessEvent> WatermarkStrategy<Envelope<T>> forEnvelopes(
      Config config) {
    return WatermarkStrategy.<Envelope<T>>forBoundedOutOfOrderness(
            config.getMillis(ConfigKey.FLINK_MAX_OUT_OF_ORDERNESS_MS))
        .withTimestampAssigner((envelope, previous) -> millis(envelope))
        // A partition with no traffic (night time, a quiet sender) must not stop the clock.
        .withIdleness(config.getMillis(ConfigKey.FLINK_IDLE_SOURCE_MS));
  }

  /** The document's time; the ingest time for the rare document that has none. */
  public static long millis(Envelope<?> envelope) {
    Instant t = envelope.eventTime() != null ? envelope.eventTime() : envelope.ingestTime();
    return t.toEpochMilli();
  }
}
