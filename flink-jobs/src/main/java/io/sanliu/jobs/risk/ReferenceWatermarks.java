package io.sanliu.jobs.risk;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of the reference stream (rules, negative list, filings): none, so it stands at the end
 * of time and every rule stream it is connected to keeps its own event time (an operator takes the
 * smaller of its inputs' watermarks). Not idleness instead: in this Flink version a broadcast input
 * marked idle while its records still flow stopped the rule streams for good (measured in
 * RiskDetectionTest). The business inputs of those streams must then never go idle ({@code
 * EventTimes.forEnvelopesNeverIdle}). The trade statistics read their exchange rates the same way.
 */
public final class ReferenceWatermarks {
  private ReferenceWatermarks() {}

  public static <T> WatermarkStrategy<T> none() {
    return WatermarkStrategy.<T>forGenerator(
            ctx ->
                new WatermarkGenerator<T>() {
                  @Override
                  public void onEvent(T event, long timestamp, WatermarkOutput output) {}

                  @Override
                  public void onPeriodicEmit(WatermarkOutput output) {
                    output.emitWatermark(
                        new org.apache.flink.api.common.eventtime.Watermark(Long.MAX_VALUE));
                  }
                })
        .withTimestampAssigner((event, previous) -> Long.MIN_VALUE);
  }
}
