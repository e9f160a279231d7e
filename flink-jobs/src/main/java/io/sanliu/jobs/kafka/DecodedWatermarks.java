package io.sanliu.jobs.kafka;

import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * A job's event-time policy for its values, applied to the source's decoded records so that the
 * Kafka source runs it per partition: a partition read ahead (a backlog after a restart) cannot
 * move event time past another partition's unread records. Dead letters take their Kafka timestamp
 * and never move the clock: an unreadable record has no trustworthy time. Records passed over
 * undecoded move it with their envelope's event time, as they would decoded.
 */
public final class DecodedWatermarks<T> implements WatermarkStrategy<Decoded<T>> {
  private static final long serialVersionUID = 1L;

  private final WatermarkStrategy<T> values;

  public DecodedWatermarks(WatermarkStrategy<T> values) {
    this.values = values;
  }

  @Override
  public WatermarkGenerator<Decoded<T>> createWatermarkGenerator(
      WatermarkGeneratorSupplier.Context context) {
    WatermarkGenerator<T> generator = values.createWatermarkGenerator(context);
    return new WatermarkGenerator<>() {
      @Override
      public void onEvent(Decoded<T> record, long timestamp, WatermarkOutput output) {
        // A record passed over has no value: the generator gets its time only (the platform's
        // generators are bounded out-of-orderness, which read nothing else).
        if (record.ok() || record.passedOver())
          generator.onEvent(record.value(), timestamp, output);
      }

      @Override
      public void onPeriodicEmit(WatermarkOutput output) {
        generator.onPeriodicEmit(output);
      }
    };
  }

  @Override
  public TimestampAssigner<Decoded<T>> createTimestampAssigner(
      TimestampAssignerSupplier.Context context) {
    TimestampAssigner<T> assigner = values.createTimestampAssigner(context);
    return (record, kafkaTimestamp) -> {
      if (record.ok()) return assigner.extractTimestamp(record.value(), kafkaTimestamp);
      return record.passedOver() ? record.passedOverAt() : kafkaTimestamp;
    };
  }
}
