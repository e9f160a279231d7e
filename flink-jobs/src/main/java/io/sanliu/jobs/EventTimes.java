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

  /**
   * The same without idle partitions, for streams connected to broadcast reference data: such an
   * operator takes its other input's watermark while this one is idle, and the reference stream has
   * none (it is at the end of time), so a quiet spell would push the operator to the end of time
   * for good, firing every timer at once. The cost: a partition that never gets a document holds
   * event time back (at any real traffic every partition does).
   */
  public static <T extends BusinessEvent> WatermarkStrategy<Envelope<T>> forEnvelopesNeverIdle(
      Config config) {
    return WatermarkStrategy.<Envelope<T>>forBoundedOutOfOrderness(
            config.getMillis(ConfigKey.FLINK_MAX_OUT_OF_ORDERNESS_MS))
        .withTimestampAssigner((envelope, previous) -> millis(envelope));
  }

  /** The document's time; the ingest time for the rare document that has none. */
  public static long millis(Envelope<?> envelope) {
    Instant t = envelope.eventTime() != null ? envelope.eventTime() : envelope.ingestTime();
    return t.toEpochMilli();
  }
}
