package io.sanliu.jobs.risk;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of the reference stream (rules, negative list, filings): none. It is connected to
 * every rule stream, whose operators take the smaller of their inputs' watermarks, so it declares
 * itself idle: the rule streams keep their own event time. (Not the maximum watermark: when the
 * business input goes idle in turn, the operator would take that maximum, fire every timer and
 * forget every window.)
 */
final class ReferenceWatermarks {
  private ReferenceWatermarks() {}

  static <T> WatermarkStrategy<T> none() {
    return WatermarkStrategy.<T>forGenerator(
            ctx ->
                new WatermarkGenerator<T>() {
                  @Override
                  public void onEvent(T event, long timestamp, WatermarkOutput output) {}

                  @Override
                  public void onPeriodicEmit(WatermarkOutput output) {
                    output.markIdle();
                  }
                })
        .withTimestampAssigner((event, previous) -> Long.MIN_VALUE);
  }
}
