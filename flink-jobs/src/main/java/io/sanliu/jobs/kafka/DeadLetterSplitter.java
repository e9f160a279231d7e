package io.sanliu.jobs.kafka;

import io.sanliu.model.kafka.DeadLetter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Passes decoded values on and sends undecodable records to a side output; records passed over
 * undecoded end here, their event time already seen by the watermarks.
 */
public final class DeadLetterSplitter<T> extends ProcessFunction<Decoded<T>, T> {
  public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

  @Override
  public void processElement(Decoded<T> decoded, Context ctx, Collector<T> out) {
    if (decoded.ok()) {
      out.collect(decoded.value());
    } else if (!decoded.passedOver()) {
      ctx.output(DEAD_LETTERS, decoded.deadLetter());
    }
  }
}
