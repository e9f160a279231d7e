package io.sanliu.jobs;

import io.sanliu.model.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * One Flink MiniCluster in this JVM that runs every job, as a session cluster would: one cluster's
 * memory, not one per job.
 */
public final class LocalFlinkCluster implements AutoCloseable {
  private final MiniCluster cluster;

  private LocalFlinkCluster(MiniCluster cluster) {
    this.cluster = cluster;
  }

  /** Starts a cluster with enough slots for {@code slots} parallel tasks. */
  public static LocalFlinkCluster start(int slots) throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestOptions.BIND_PORT, "0");
    // Small managed memory: our jobs keep heap state, not RocksDB.
    conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
    // REST metrics (the Flink UI of a local run, the benches' progress) at most a second old, not
    // ten: they are fetched only when asked for.
    conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
    cluster.start();
    return new LocalFlinkCluster(cluster);
  }

  /** Builds {@code job} with the shared settings and submits it; returns its id. */
  public JobID submit(SanliuJob job, Config config) throws Exception {
    StreamExecutionEnvironment env =
        FlinkEnvironments.configure(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    job.build(env, config);
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(job.name());
    JobID id = cluster.submitJob(graph).get(60, TimeUnit.SECONDS).getJobID();
    return id;
  }

  /** The job's latest failure (it may have restarted since), or null when it never failed. */
  public String lastFailure(JobID job) throws Exception {
    var info = cluster.getExecutionGraph(job).get(10, TimeUnit.SECONDS).getFailureInfo();
    return info == null ? null : info.getExceptionAsString();
  }

  public JobStatus status(JobID job) throws Exception {
    return cluster.getJobStatus(job).get(10, TimeUnit.SECONDS);
  }

  /** Waits until the job's tasks run (or it failed), so callers know data will flow. */
  public JobStatus awaitRunning(JobID job, long timeoutMs) throws Exception {
    return awaitStatus(job, timeoutMs, s -> s == JobStatus.RUNNING);
  }

  /** Waits until the job has finished, failed or been cancelled; returns its status then. */
  public JobStatus awaitTerminal(JobID job, long timeoutMs) throws Exception {
    return awaitStatus(job, timeoutMs, s -> false);
  }

  /** Polls the job's status until {@code reached} or a terminal state, or the time is up. */
  private JobStatus awaitStatus(JobID job, long timeoutMs, Predicate<JobStatus> reached)
      throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    JobStatus status = status(job);
    while (!reached.test(status)
        && !status.isGloballyTerminalState()
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      status = status(job);
    }
    return status;
  }

  public void cancel(JobID job) throws Exception {
    cluster.cancelJob(job).get(30, TimeUnit.SECONDS);
  }

  /**
   * Stops the job as if its input had ended ("stop --drain"): the sources send the end of event
   * time, so every pending event-time timer fires and the sinks flush, then the job finishes with a
   * savepoint in {@code savepointDir}. Only what the sources had read by then is processed.
   *
   * @return the savepoint's path
   */
  public String drain(JobID job, Path savepointDir) throws Exception {
    return cluster
        .stopWithSavepoint(
            job, savepointDir.toUri().toString(), true, SavepointFormatType.CANONICAL)
        .get(5, TimeUnit.MINUTES);
  }

  public URI webUrl() throws Exception {
    return cluster.getRestAddress().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    cluster.closeAsync().get(60, TimeUnit.SECONDS);
  }
}
