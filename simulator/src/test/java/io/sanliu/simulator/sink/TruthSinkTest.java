package io.sanliu.simulator.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.Json;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.model.simulation.GroundTruth;
import io.sanliu.model.simulation.NegativeListEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthSinkTest {
  static final Instant AT = Instant.parse("2026-11-22T01:00:00Z");

  @Test
  void labelsAndTheNegativeListGoToFilesAsJsonLinesAndToTheirTopics(@TempDir Path dir)
      throws Exception {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    Path truthFile = dir.resolve("out/truth.jsonl");
    Path listFile = dir.resolve("out/negative-list.jsonl");
    GroundTruth t1 =
        new GroundTruth(
            "SIM-A:1",
            "SIM-A",
            AnomalyKind.SPLIT_ORDERS,
            AT,
            List.of("4403960001:SO1", "4403960001:SO2"),
            null,
            null,
            null,
            Map.of("orders", "2"));
    GroundTruth t2 =
        new GroundTruth(
            "SIM-A:2",
            "SIM-A",
            AnomalyKind.REJECTED_BURST,
            AT,
            null,
            null,
            "4403960002",
            List.of("G1", "G2"),
            null);
    NegativeListEntry entry =
        new NegativeListEntry(
            "NL-4403910001",
            NegativeListEntry.Subject.ENTERPRISE,
            "4403910001",
            null,
            null,
            null,
            "走私违法记录",
            "ZONE4403",
            AT,
            null);

    try (TruthSink sink = new TruthSink(truthFile, listFile, producer, m -> {})) {
      sink.negativeList(List.of(entry));
      sink.write(t1);
      sink.write(t2);
      assertEquals(2, sink.written());
    }

    List<String> lines = Files.readAllLines(truthFile, StandardCharsets.UTF_8);
    assertEquals(List.of(t1, t2), lines.stream().map(TruthSinkTest::truth).toList());
    assertEquals(
        entry,
        Json.mapper().readValue(Files.readAllLines(listFile).get(0), NegativeListEntry.class));
    assertEquals(
        List.of(
            NegativeListEntry.TOPIC.name(),
            Topics.SIMULATOR_TRUTH.name(),
            Topics.SIMULATOR_TRUTH.name()),
        producer.history().stream().map(r -> r.topic()).toList());
    assertEquals("SIM-A:1", new String(producer.history().get(1).key(), StandardCharsets.UTF_8));
    assertEquals(t2, Topics.SIMULATOR_TRUTH.deserialize(producer.history().get(2).value()));
  }

  @Test
  void exchangeRatesGoToTheirTopicKeyedByCurrencyAndStart() {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    FxRate usd = new FxRate("502", new BigDecimal("7.105200"), AT);
    FxRate eur = new FxRate("300", new BigDecimal("7.7500"), AT);

    try (TruthSink sink = new TruthSink(null, null, producer, m -> {})) {
      sink.fxRates(List.of(usd, eur));
    }

    assertEquals(
        List.of(Topics.FX_RATES.name(), Topics.FX_RATES.name()),
        producer.history().stream().map(r -> r.topic()).toList());
    assertEquals(usd.key(), new String(producer.history().get(0).key(), StandardCharsets.UTF_8));
    assertEquals(eur, Topics.FX_RATES.deserialize(producer.history().get(1).value()));
  }

  static GroundTruth truth(String line) {
    try {
      return Json.mapper().readValue(line, GroundTruth.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void withoutFileOrProducerNothingIsWrittenAndNothingFails() {
    try (TruthSink sink = new TruthSink(null, null, null, m -> {})) {
      sink.negativeList(List.of());
      sink.fxRates(List.of(new FxRate("502", BigDecimal.TEN, AT)));
      sink.write(
          new GroundTruth(
              "R:1", "R", AnomalyKind.ORPHAN_DOCUMENT, AT, null, null, null, null, null));
      assertEquals(1, sink.written());
    }
  }
}
