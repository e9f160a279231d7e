package io.sanliu.bench;

import io.sanliu.jobs.SanliuJob;
import io.sanliu.model.config.Config;
import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A job whose checkpoints go to files under a directory, as on the cluster (a volume or S3),
 * instead of the MiniCluster's default, the JobManager's memory. That default refuses any task
 * state over 5 MB: once a subtask of the matcher holds more, every checkpoint fails and the job
 * restarts.
 */
final class FileCheckpointedJob implements SanliuJob {
  private final SanliuJob job;
  private final Path directory;

  FileCheckpointedJob(SanliuJob job, Path directory) {
    this.job = job;
    this.directory = directory;
  }

  @Override
  public String name() {
    return job.name();
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    Configuration storage = new Configuration();
    storage.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
    storage.set(
        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
        directory.resolve(job.name()).toAbsolutePath().toUri().toString());
    env.configure(storage);
    job.build(env, config);
  }
}
