package io.sanliu.local;

import io.sanliu.model.config.Config;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "local",
    description =
        "Run the whole platform on this machine: embedded Kafka, Elasticsearch, Flink,"
            + " ingest, query API, dashboards and simulated traffic.")
final class LocalCommand implements Callable<Integer> {
  @Option(
      names = "--rate",
      defaultValue = "50",
      description =
          "Simulated documents per second, all types (0: no simulator). Default: ${DEFAULT-VALUE}.")
  double rate;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Simulator seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Override
  public Integer call() throws Exception {
    LocalPlatform platform =
        LocalPlatform.start(
            Config.fromEnvironment(), new LocalPlatform.Options(rate, seed), System.out);
    // The shutdown hook stops the platform on Ctrl-C or SIGTERM; this thread just waits.
    new CountDownLatch(1).await();
    platform.close();
    return 0;
  }
}
