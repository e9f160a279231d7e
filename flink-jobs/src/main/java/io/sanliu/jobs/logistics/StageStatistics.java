package io.sanliu.jobs.logistics;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Running statistics per kind of stage (keyed by {@link StageKey#id()}): every completed stage is
 * added to its key's {@link StageTally}, and the key's new {@link StageSummary} goes out at once,
 * to the stages index and to the watch. The keys are bounded (states x routes x modes x carriers),
 * so the state needs no TTL.
 *
 * <p>Input: {@link StageSample}s keyed by {@link StageSample#keyId()}.
 */
public final class StageStatistics extends KeyedProcessFunction<String, StageSample, StageSummary> {
  private transient ValueState<StageTally> tally;

  @Override
  public void open(OpenContext context) {
    tally =
        getRuntimeContext()
            .getState(
                new ValueStateDescriptor<>("stage-tally", TypeInformation.of(StageTally.class)));
  }

  @Override
  public void processElement(StageSample sample, Context ctx, Collector<StageSummary> out)
      throws Exception {
    StageTally current = tally.value() == null ? StageTally.empty() : tally.value();
    StageTally next = current.add(sample.minutes(), sample.next(), sample.leftAt());
    tally.update(next);
    out.collect(next.summary(sample.key()));
  }
}
