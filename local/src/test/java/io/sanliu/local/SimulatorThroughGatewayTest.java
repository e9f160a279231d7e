package io.sanliu.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.ingest.IngestServer;
import io.sanliu.ingest.auth.SenderRegistry;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.model.simulation.GroundTruth;
import io.sanliu.simulator.Simulator;
import io.sanliu.simulator.SimulatorCounters;
import io.sanliu.simulator.SimulatorOptions;
import io.sanliu.simulator.SimulatorTarget;
import io.sanliu.simulator.ZoneParticipants;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated zone pushing through the real gateway into the real Kafka broker, at a configured
 * rate: its valid documents are accepted, only its deliberately invalid ones refused, and its
 * labels name orders that really are on Kafka.
 */
@ExtendWith(SanliuStackExtension.class)
class SimulatorThroughGatewayTest {

  @Test
  void theZoneRunsAtItsRateAndItsLabelsNamePublishedOrders(SanliuStack stack, @TempDir Path dir)
      throws Exception {
    Map<String, String> keys = ZoneParticipants.newApiKeys();
    Path senders = dir.resolve("senders.properties");
    Files.writeString(senders, ZoneParticipants.sendersFile(keys));
    Vertx vertx = Vertx.vertx();
    IngestServer gateway =
        new IngestServer(vertx, stack.kafkaConfig(), SenderRegistry.load(senders));
    gateway.start().await();
    Path truthFile = dir.resolve("truth.jsonl");
    double rate = 150;
    Duration duration = Duration.ofSeconds(20);
    SimulatorCounters counters;
    try (Simulator simulator =
        new Simulator(
            SimulatorOptions.defaults()
                .withRate(rate)
                .withDuration(duration)
                .withSeed(7)
                .withZoneTimeOfDay(LocalTime.of(10, 0)) // a daytime volume at any hour
                // Zone hours in seconds: lifecycles and anomalies of every kind within the run.
                .withCompression(3600)
                .withAnomalyOverrides(List.of("OVER_SINGLE_LIMIT=0.03", "PAYER_NOT_BUYER=0.03"))
                .withTarget(SimulatorTarget.gateway("http://127.0.0.1:" + gateway.port(), keys))
                .withTruthFile(truthFile)
                .withTruthBootstrap(stack.kafkaBootstrap()),
            line -> {})) {
      simulator.start();
      assertTrue(simulator.awaitFinished(duration.plusSeconds(90)), "run finished");
      counters = simulator.counters();
    } finally {
      gateway.close();
      vertx.close().await();
    }

    assertEquals(0, counters.unexpected(), counters.summary());
    assertEquals(0, counters.failed(), counters.summary());
    // At the configured rate, give or take the day/night rhythm and the start.
    assertTrue(counters.documents() >= rate * duration.toSeconds() * 0.5, counters.summary());
    assertTrue(counters.accepted() > 0 && counters.labelled() > 0, counters.summary());

    List<String> truthLines = Files.readAllLines(truthFile);
    assertEquals(counters.labelled(), truthLines.size(), "every label is in the truth file");
    try (TopicProbe<GroundTruth> truth =
            new TopicProbe<>(stack.kafkaBootstrap(), Topics.SIMULATOR_TRUTH);
        TopicProbe<Envelope<Order>> orders =
            new TopicProbe<>(stack.kafkaBootstrap(), Topics.ORDERS)) {
      String run = counters.run();
      List<GroundTruth> labels =
          truth
              .await(
                  r -> r.value().run().equals(run),
                  (int) counters.labelled(),
                  Duration.ofSeconds(30))
              .stream()
              .map(TopicProbe.Keyed::value)
              .toList();
      Set<AnomalyKind> kinds = labels.stream().map(GroundTruth::kind).collect(Collectors.toSet());
      assertTrue(
          kinds.containsAll(Set.of(AnomalyKind.OVER_SINGLE_LIMIT, AnomalyKind.PAYER_NOT_BUYER)),
          "the kinds asked for are labelled: " + kinds);
      // Labels of order anomalies name orders the gateway published.
      Set<String> labelledOrders =
          labels.stream()
              .filter(
                  l ->
                      l.kind() == AnomalyKind.OVER_SINGLE_LIMIT
                          || l.kind() == AnomalyKind.PAYER_NOT_BUYER)
              .flatMap(l -> l.orderKeys().stream())
              .collect(Collectors.toSet());
      Set<String> published =
          orders.drain(r -> labelledOrders.contains(r.key()), Duration.ofSeconds(5)).stream()
              .map(TopicProbe.Keyed::key)
              .collect(Collectors.toSet());
      assertEquals(labelledOrders, published);
    }
  }
}
