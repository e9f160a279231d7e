package io.sanliu.local;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.simulator.Simulator;
import io.sanliu.simulator.SimulatorOptions;
import io.sanliu.simulator.SimulatorTarget;
import io.sanliu.simulator.ZoneParticipants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "simulate",
    description =
        "Simulate a pilot zone's participants: push their documents, with labelled anomalies,"
            + " to the ingest gateway (as real participants) or straight to Kafka (load tests)."
            + " See docs/simulator.md.")
final class SimulateCommand implements Callable<Integer> {
  @Option(
      names = "--gateway",
      description = "Gateway base URL, e.g. http://127.0.0.1:8090 (needs --senders).")
  String gateway;

  @Option(
      names = "--senders",
      description =
          "The gateway's senders file (CODE = ROLE,API_KEY): the simulated participants' keys.")
  Path senders;

  @Option(
      names = "--kafka",
      description =
          "Send to the Kafka of SANLIU_KAFKA_BOOTSTRAP instead, hashing with SANLIU_PII_HMAC_KEY.")
  boolean kafka;

  @Option(
      names = "--rate",
      defaultValue = "50",
      description = "Documents per second (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--duration",
      description = "How long to run, e.g. PT10M (default: until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the zone and its traffic (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--compression",
      defaultValue = "60",
      description =
          "Zone time per event time (default ${DEFAULT-VALUE}: zone hours pass in minutes).")
  double compression;

  @Option(
      names = "--anomaly",
      description = "Override an anomaly rate, e.g. --anomaly OVER_SINGLE_LIMIT=0.02 (repeatable).")
  List<String> anomalies = List.of();

  @Option(names = "--truth", description = "Write the ground truth as JSON lines to this file.")
  Path truth;

  @Option(
      names = "--xml-share",
      defaultValue = "0.3",
      description = "Share of CEB documents sent as CEB XML (default ${DEFAULT-VALUE}).")
  double xmlShare;

  @Override
  public Integer call() throws Exception {
    Config config = Config.fromEnvironment();
    SimulatorTarget target;
    if (kafka == (gateway != null)) {
      throw new IllegalArgumentException("give either --gateway URL --senders FILE, or --kafka");
    }
    if (kafka) {
      target = SimulatorTarget.kafka(config);
    } else {
      if (senders == null) throw new IllegalArgumentException("--gateway needs --senders FILE");
      target =
          SimulatorTarget.gateway(
              gateway,
              ZoneParticipants.apiKeysOf(Files.readString(senders, StandardCharsets.UTF_8)));
    }
    SimulatorOptions options =
        SimulatorOptions.defaults()
            .withRate(rate)
            .withDuration(duration)
            .withSeed(seed)
            .withCompression(compression)
            .withAnomalyOverrides(anomalies)
            .withTarget(target)
            .withTruthFile(truth)
            .withTruthBootstrap(config.get(ConfigKey.KAFKA_BOOTSTRAP))
            .withXml(xmlShare, SimulatorOptions.defaults().gbkShare())
            .withProgressEvery(Duration.ofSeconds(10));
    Simulator simulator = new Simulator(options, System.out::println);
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-stop"));
    simulator.start();
    simulator.awaitFinished(duration == null ? Duration.ofDays(3650) : duration.plusMinutes(10));
    System.out.println(simulator.counters());
    simulator.close();
    return 0;
  }
}
