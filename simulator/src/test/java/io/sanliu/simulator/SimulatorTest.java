package io.sanliu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.events.EventType;
import io.sanliu.model.simulation.GroundTruth;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.simulator.zone.ZoneShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator live against a stub gateway that validates with the gateway's own readers. */
class SimulatorTest {
  static final Map<String, String> KEYS = ZoneParticipants.newApiKeys();

  @Test
  void aShortRunFilesTheZoneThenSendsLabelledTrafficThatTheGatewayAccepts(@TempDir Path dir)
      throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    Path truthFile = dir.resolve("truth.jsonl");
    try (ReadingGateway gateway = new ReadingGateway(KEYS)) {
      SimulatorOptions options =
          SimulatorOptions.defaults()
              .withRate(400)
              .withCompression(3600)
              .withDuration(Duration.ofSeconds(5))
              .withSeed(9)
              // Mid-morning in the zone whatever the hour the test runs at: a steady volume.
              .withZoneTimeOfDay(LocalTime.of(10, 0))
              .withZone(new ZoneShape(40, 500))
              .withAnomalyOverrides(List.of("ALL=0.02"))
              .withTarget(SimulatorTarget.gateway(gateway.url(), KEYS))
              .withTruthFile(truthFile);
      Simulator simulator = new Simulator(options, log::add).start();
      assertTrue(simulator.awaitFinished(Duration.ofSeconds(60)));
      simulator.close();
      SimulatorCounters c = simulator.counters();

      assertTrue(c.finished());
      assertTrue(c.orders() > 50, c.summary());
      assertEquals(0, c.unexpected(), c.summary() + " " + gateway.refusals + log);
      assertEquals(0, c.failed(), c.summary() + log);
      assertEquals(c.documents(), c.accepted() + c.expectedRefusals(), c.summary());
      assertTrue(
          c.byType()
              .keySet()
              .containsAll(
                  List.of(
                      EventType.ORDER,
                      EventType.PAYMENT,
                      EventType.CUSTOMS_LIST,
                      EventType.WAYBILL,
                      EventType.LOGISTICS_EVENT,
                      EventType.CUSTOMS_RECEIPT,
                      EventType.ENTERPRISE_FILING,
                      EventType.GOODS_FILING)),
          c.byType().toString());

      // The zone is filed before anything else arrives.
      List<StubRequestPath> paths =
          gateway.stub.requests().stream().map(r -> new StubRequestPath(r.path(), r.at())).toList();
      int firstTraffic = 0;
      while (paths.get(firstTraffic).path().endsWith("-filings")) firstTraffic++;
      assertTrue(firstTraffic > 0);
      assertTrue(
          paths.subList(firstTraffic, paths.size()).stream()
              .noneMatch(p -> p.path().endsWith("-filings")));

      // Nothing carries an event time ahead of the moment it reached the gateway.
      for (ReadingGateway.Accepted a : gateway.accepted) {
        Instant t = eventTime(a.type(), a.record());
        assertFalse(t.isAfter(a.at()), a.type() + " at " + t + " received " + a.at());
      }

      // The ground truth: one line per label, the negative list next to it.
      List<GroundTruth> truths =
          Files.readAllLines(truthFile).stream().map(SimulatorTest::truth).toList();
      assertEquals(c.labelled(), truths.size());
      assertTrue(truths.size() > 0);
      assertTrue(truths.stream().allMatch(t -> t.run().equals(c.run())));
      List<String> entries = Files.readAllLines(dir.resolve("negative-list.jsonl"));
      assertEquals(c.negativeListEntries(), entries.size());
      assertEquals(
          NegativeListEntry.class,
          Json.mapper().readValue(entries.get(0), NegativeListEntry.class).getClass());
    }
  }

  static long orders(GatewayTraffic traffic) {
    var counts = traffic.simulator().counters().byType().get(EventType.ORDER);
    return counts == null ? 0 : counts.accepted();
  }

  record StubRequestPath(String path, Instant at) {}

  static GroundTruth truth(String line) {
    try {
      return Json.mapper().readValue(line, GroundTruth.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Instant eventTime(EventType type, JsonNode r) {
    String field =
        switch (type) {
          case ORDER -> "appTime";
          case PAYMENT -> "payTime";
          case WAYBILL, CUSTOMS_LIST -> "appTime";
          case LOGISTICS_EVENT -> "occurredAt";
          case CUSTOMS_RECEIPT -> "returnTime";
          case EVALUATION -> "evaluatedAt";
          default -> "filedAt";
        };
    String t = r.get(field).asText();
    if (t.length() == 17) {
      return LocalDateTime.parse(t, DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"))
          .atZone(CebTime.CHINA)
          .toInstant();
    }
    return CebTime.parse(t);
  }

  @Test
  void gatewayTrafficKeepsItsConstructorForTheLocalPlatform() throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    try (ReadingGateway gateway = new ReadingGateway(KEYS);
        GatewayTraffic traffic =
            new GatewayTraffic(gateway.url(), KEYS, 100, 42, log::add).start()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (orders(traffic) < 20 && System.nanoTime() < deadline) Thread.sleep(100);
      assertTrue(orders(traffic) >= 20, "accepted " + traffic.accepted() + " " + log);
      assertTrue(traffic.accepted() > 3000, "the zone's filings and the traffic");
      traffic.close();
      SimulatorCounters c = traffic.simulator().counters();
      assertEquals(0, c.unexpected() + c.failed(), c.summary() + log);
      assertTrue(
          gateway.accepted.stream().anyMatch(a -> a.type() == EventType.ORDER), "orders sent");
    }
  }
}
