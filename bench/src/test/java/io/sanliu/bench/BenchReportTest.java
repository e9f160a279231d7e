package io.sanliu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
  private static final long SECOND = 1_000_000_000L;

  private static BenchReport report() {
    BenchReport report =
        new BenchReport(
            "baseline", Instant.parse("2025-06-01T10:15:30Z"), Map.of("cores", 2, "cpu", "test"));
    report.parameter("events", 1000);
    report.environment("kafkaStartSeconds", 3.2);
    report.add(
        BenchResult.of(
            "kafka.produce",
            "events",
            List.of(
                new Repetition(1000, 2_000_000, 2 * SECOND),
                new Repetition(1000, 2_000_000, SECOND),
                new Repetition(1000, 2_000_000, 4 * SECOND)),
            "acks=all",
            1.5));
    report.add(
        BenchResult.of(
            "es.bulk.1client", "docs", List.of(new Repetition(500, -1, SECOND)), "", -1));
    report.add(
        BenchResult.of("es.bulk.2clients", "docs", List.of(new Repetition(800, -1, SECOND)), "", -1)
            .comparedWith("es.bulk.1client"));
    return report;
  }

  @Test
  void medianIsTheMiddleRate() {
    BenchResult produce = report().find("kafka.produce").orElseThrow();
    assertEquals(500.0, produce.perSecond(), 1e-9); // rates 500, 1000, 250
    assertEquals(2.0, produce.seconds(), 1e-9);
    assertEquals(1.0, produce.mbPerSecond(), 1e-9);
    assertEquals(250.0, produce.minPerSecond(), 1e-9);
    assertEquals(1000.0, produce.maxPerSecond(), 1e-9);
    // Even count: the lower middle.
    assertEquals(
        SECOND * 2,
        BenchResult.median(List.of(new Repetition(1, 1, SECOND), new Repetition(1, 1, 2 * SECOND)))
            .nanos());
  }

  @Test
  void ratioAgainstTheNamedBaseline() {
    BenchReport report = report();
    BenchResult two = report.find("es.bulk.2clients").orElseThrow();
    assertEquals(1.6, report.vsBaseline(two).orElseThrow(), 1e-9);
    assertTrue(report.vsBaseline(report.find("kafka.produce").orElseThrow()).isEmpty());
  }

  @Test
  void rowNamesAreUnique() {
    BenchReport report = report();
    BenchResult again = report.find("kafka.produce").orElseThrow();
    assertThrows(IllegalArgumentException.class, () -> report.add(again));
  }

  @Test
  void tableHasEveryRow() {
    String table = ResultTable.render(report());
    String[] lines = table.split("\n");
    assertEquals(2 + 3, lines.length, table);
    assertTrue(lines[0].startsWith("benchmark"), table);
    assertTrue(lines[0].contains("vs baseline"), table);
    assertTrue(lines[2].startsWith("kafka.produce"), table);
    assertTrue(lines[2].contains("1,000 events"), table);
    assertTrue(lines[2].contains("2.00"), table);
    assertTrue(lines[2].contains("500"), table);
    assertTrue(lines[2].contains("1.0"), table);
    assertTrue(lines[2].contains("250-1.00k (3)"), table);
    assertTrue(lines[2].endsWith("acks=all"), table);
    assertTrue(lines[4].startsWith("es.bulk.2clients"), table);
    assertTrue(lines[4].contains("1.60x es.bulk.1client"), table);
  }

  @Test
  void tableWithoutBaselinesHasNoRatioColumn() {
    BenchReport report = new BenchReport("x", Instant.now(), Map.of());
    report.add(BenchResult.of("a", "events", List.of(new Repetition(10, 10, SECOND)), "n", 0.5));
    String table = ResultTable.render(report);
    assertTrue(!table.contains("vs baseline"), table);
    assertTrue(table.contains("a "), table);
  }

  @Test
  void jsonHasEveryRowAndTheContext() throws Exception {
    JsonNode json = Json.mapper().readTree(report().toJson());
    assertEquals("baseline", json.get("kind").asText());
    assertEquals(2, json.get("machine").get("cores").asInt());
    assertEquals(1000, json.get("parameters").get("events").asInt());
    assertEquals(3.2, json.get("environment").get("kafkaStartSeconds").asDouble());
    JsonNode rows = json.get("results");
    assertEquals(3, rows.size());
    JsonNode produce = rows.get(0);
    assertEquals("kafka.produce", produce.get("name").asText());
    assertEquals(1000, produce.get("count").asLong());
    assertEquals(500.0, produce.get("perSecond").asDouble());
    assertEquals(1.0, produce.get("mbPerSecond").asDouble());
    assertEquals(3, produce.get("repetitions").size());
    assertEquals(1.5, produce.get("loadAverage").asDouble());
    assertTrue(!rows.get(1).has("mbPerSecond"));
    assertEquals("es.bulk.1client", rows.get(2).get("baseline").asText());
    assertEquals(1.6, rows.get(2).get("vsBaseline").asDouble());
  }

  @Test
  void writesTimestampedAndLatestFiles(@TempDir Path dir) throws Exception {
    Path file = report().write(dir.resolve("out"));
    assertEquals("baseline-20250601T101530Z.json", file.getFileName().toString());
    assertEquals(Files.readString(file), Files.readString(dir.resolve("out/baseline-latest.json")));
    assertTrue(Files.readString(file).contains("\"es.bulk.2clients\""));
  }
}
