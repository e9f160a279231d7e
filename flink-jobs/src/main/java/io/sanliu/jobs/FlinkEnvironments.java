package io.sanliu.jobs;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The settings every job shares: parallelism and exactly-once checkpoints. */
public final class FlinkEnvironments {
  private FlinkEnvironments() {}

  public static StreamExecutionEnvironment configure(
      StreamExecutionEnvironment env, Config config) {
    env.setParallelism(config.getInt(ConfigKey.FLINK_PARALLELISM));
    env.enableCheckpointing(
        config.getLong(ConfigKey.FLINK_CHECKPOINT_INTERVAL_MS), CheckpointingMode.EXACTLY_ONCE);
    return env;
  }
}
