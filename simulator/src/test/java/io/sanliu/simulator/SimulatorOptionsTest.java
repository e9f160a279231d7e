package io.sanliu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.simulation.AnomalyKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

  @Test
  void defaultsAreDocumented() {
    SimulatorOptions o = SimulatorOptions.defaults();
    assertEquals(50, o.rate());
    assertNull(o.duration());
    assertEquals(42, o.seed());
    assertEquals(60, o.compression());
    assertEquals(AnomalyRates.defaults(), o.anomalies());
    assertEquals(Duration.ofMinutes(10), o.splitWindow());
    assertNull(o.target());
    assertNull(o.effectiveNegativeListFile());
    assertNull(o.effectiveTruthBootstrap());
  }

  @Test
  void withersChangeOneThing() {
    SimulatorOptions o =
        SimulatorOptions.defaults()
            .withRate(7)
            .withSeed(3)
            .withDuration(Duration.ofMinutes(5))
            .withAnomalyOverrides(List.of("SPLIT_ORDERS=0.2"))
            .withTruthFile(Path.of("/tmp/run/truth.jsonl"));
    assertEquals(7, o.rate());
    assertEquals(3, o.seed());
    assertEquals(Duration.ofMinutes(5), o.duration());
    assertEquals(0.2, o.anomalies().rate(AnomalyKind.SPLIT_ORDERS));
    assertEquals(Path.of("/tmp/run/negative-list.jsonl"), o.effectiveNegativeListFile());
  }

  @Test
  void theKafkaTargetComesFromTheConfigurationAndCarriesTheTruthToo() {
    Config config =
        Config.defaults()
            .with(
                Map.of(
                    ConfigKey.KAFKA_BOOTSTRAP,
                    "k1:9092",
                    ConfigKey.PII_HMAC_KEY,
                    "a-key-of-sixteen-bytes"));
    SimulatorTarget.Kafka k = SimulatorTarget.kafka(config);
    assertEquals("k1:9092", k.bootstrap());
    assertEquals("a-key-of-sixteen-bytes", k.hmacKey());
    assertTrue(!k.toString().contains("sixteen"), "the key is not logged");
    assertEquals("k1:9092", SimulatorOptions.defaults().withTarget(k).effectiveTruthBootstrap());
  }

  @Test
  void nonsenseIsRefused() {
    SimulatorOptions d = SimulatorOptions.defaults();
    assertThrows(IllegalArgumentException.class, () -> d.withRate(0));
    assertThrows(IllegalArgumentException.class, () -> d.withCompression(0.5));
    assertThrows(IllegalArgumentException.class, () -> d.withDuration(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> d.withXml(1.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new Simulator(d, m -> {}));
  }
}
