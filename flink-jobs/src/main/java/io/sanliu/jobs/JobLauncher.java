package io.sanliu.jobs;

import io.sanliu.model.config.Config;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the job jar on a Flink cluster: {@code flink run -c io.sanliu.jobs.JobLauncher
 * flink-jobs-job.jar NAME}. Outside a cluster it runs the job in a local MiniCluster.
 */
public final class JobLauncher {
  private JobLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println(
          "usage: JobLauncher JOB_NAME   (jobs: "
              + JobCatalog.all().stream().map(SanliuJob::name).toList()
              + ")");
      System.exit(2);
    }
    SanliuJob job = JobCatalog.byName(args[0]);
    Config config = Config.fromEnvironment();
    StreamExecutionEnvironment env =
        FlinkEnvironments.configure(StreamExecutionEnvironment.getExecutionEnvironment(), config);
    job.build(env, config);
    env.execute(job.name());
  }
}
