package io.sanliu.local;

import io.sanliu.api.ApiServer;
import io.sanliu.elastic.ElasticClients;
import io.sanliu.elastic.IndexTemplateInstaller;
import io.sanliu.model.config.Config;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

@Command(
    name = "api",
    description = "Run the query API and dashboards against the Elasticsearch of SANLIU_ES_URL.")
final class ApiCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    Config config = Config.fromEnvironment();
    try (ElasticClients clients = ElasticClients.connect(config)) {
      new IndexTemplateInstaller(clients.blocking()).installAll();
    }
    Vertx vertx = Vertx.vertx();
    ApiServer server = new ApiServer(vertx, config);
    int port = server.start().await().actualPort();
    System.out.println("Query API and dashboards on port " + port);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  vertx.close().await();
                }));
    new CountDownLatch(1).await();
    return 0;
  }
}
