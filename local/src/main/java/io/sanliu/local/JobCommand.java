package io.sanliu.local;

import io.sanliu.elastic.ElasticClients;
import io.sanliu.elastic.IndexTemplateInstaller;
import io.sanliu.jobs.JobLauncher;
import io.sanliu.model.config.Config;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "job",
    description =
        "Run one Flink job (in a local MiniCluster, or on the cluster when submitted"
            + " with `flink run`) against SANLIU_KAFKA_BOOTSTRAP and SANLIU_ES_URL.")
final class JobCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "Job name, e.g. orders-per-mode.")
  String name;

  @Override
  public Integer call() throws Exception {
    try (ElasticClients clients = ElasticClients.connect(Config.fromEnvironment())) {
      new IndexTemplateInstaller(clients.blocking()).installAll();
    }
    JobLauncher.main(new String[] {name});
    return 0;
  }
}
