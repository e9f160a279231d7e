package io.sanliu.jobs;

import io.sanliu.model.config.Config;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** A streaming job: wires its sources, operators and sinks onto an environment. */
public interface SanliuJob {
  /** Stable name, used on the command line ({@code sanliu job NAME}) and as the Flink job name. */
  String name();

  /** Adds the job's pipeline to {@code env}; does not execute it. */
  void build(StreamExecutionEnvironment env, Config config);
}
