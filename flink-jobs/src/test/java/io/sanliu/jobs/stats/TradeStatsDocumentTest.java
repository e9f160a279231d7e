package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TradeStatsDocumentTest {
  static final long HOUR = Instant.parse("2026-11-22T02:00:00Z").toEpochMilli();
  static final Instant NOW = Instant.parse("2026-11-22T03:00:05Z");

  @Test
  void aSliceDocumentNamesItsDimensionValueInItsOwnFieldAndHasAStableId() {
    TradeStatsDocument d =
        TradeStatsDocument.of(
            new SliceKey(Caliber.CUSTOMS, Dimension.COUNTRY, "I", "116"),
            WindowSize.HOUR,
            HOUR,
            new SliceMeasures(3, 4, 100_001, null),
            NOW);

    assertEquals("CUSTOMS:1h:2026-11-22T02:00:00Z:COUNTRY:I:116", d.documentId());
    assertEquals("116", d.country());
    assertEquals("日本", d.countryName());
    assertNull(d.tradeMode());
    assertEquals(Instant.parse("2026-11-22T03:00:00Z"), d.windowEnd());
    assertEquals(1000.01, d.valueCny());
    // 100,001 cents / 3 orders = 33,333.67 cents: half up
    assertEquals(33_334, d.avgOrderValueCents());
    assertEquals(333.34, d.avgOrderValueCny());
    assertEquals(0, d.buyers());
  }

  @Test
  void theTotalAndTheDirectionsHaveShortIds() {
    SliceMeasures m = new SliceMeasures(1, 1, 1, null);

    assertEquals(
        "PLATFORM:1m:2026-11-22T02:00:00Z:TOTAL",
        TradeStatsDocument.of(
                new SliceKey(Caliber.PLATFORM, Dimension.TOTAL, null, "ALL"),
                WindowSize.MINUTE,
                HOUR,
                m,
                NOW)
            .documentId());
    assertEquals(
        "PLATFORM:1d:2026-11-22T02:00:00Z:DIRECTION:E",
        TradeStatsDocument.of(
                new SliceKey(Caliber.PLATFORM, Dimension.DIRECTION, "E", "E"),
                WindowSize.DAY,
                HOUR,
                m,
                NOW)
            .documentId());
  }

  @Test
  void itsJsonHasOnlyTheFieldsTheIndexMaps() throws Exception {
    TradeStatsDocument d =
        TradeStatsDocument.of(
            new SliceKey(Caliber.PLATFORM, Dimension.MODE, "I", "1210"),
            WindowSize.MINUTE,
            HOUR,
            new SliceMeasures(2, 2, 2000, BuyerSketch.add(null, "b")),
            NOW);

    var json = Json.mapper().valueToTree(d);

    assertEquals("1210", json.get("tradeMode").asText());
    assertEquals(1, json.get("buyers").asLong());
    assertEquals("2026-11-22T02:00:00Z", json.get("windowStart").asText());
    assertNull(json.get("country"), "absent, not null");
    assertNull(json.get("documentId"));
    assertNull(json.get("slice"));
  }

  @Test
  void everyFieldOfBothDocumentsIsMappedByItsIndexTemplateAndNothingElse() throws Exception {
    assertMapped(TradeStatsDocument.class, Indices.TRADE_STATS);
    assertMapped(TopEntryDocument.class, Indices.TRADE_TOP);
  }

  static void assertMapped(Class<? extends Record> type, String index) throws Exception {
    JsonNode template;
    try (InputStream in =
        TradeStatsDocumentTest.class
            .getClassLoader()
            .getResourceAsStream(Indices.templateResource(index))) {
      template = Json.mapper().readTree(in);
    }
    Set<String> mapped = new TreeSet<>();
    template
        .path("template")
        .path("mappings")
        .path("properties")
        .fieldNames()
        .forEachRemaining(mapped::add);
    Set<String> fields =
        Arrays.stream(type.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(fields, mapped, index);
  }
}
