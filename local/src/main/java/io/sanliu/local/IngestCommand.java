package io.sanliu.local;

import io.sanliu.ingest.IngestServer;
import io.sanliu.model.config.Config;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

@Command(
    name = "ingest",
    description = "Run the ingest gateway against the Kafka of SANLIU_KAFKA_BOOTSTRAP.")
final class IngestCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    IngestServer server = new IngestServer(vertx, Config.fromEnvironment());
    int port = server.start().await().actualPort();
    System.out.println("Ingest gateway listening on port " + port);
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
