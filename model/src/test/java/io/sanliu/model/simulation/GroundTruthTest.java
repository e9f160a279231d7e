package io.sanliu.model.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.kafka.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
  private static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");

  private static GroundTruth quota() {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("yearTotalBefore", "23761.20");
    details.put("yearTotalAfter", "28617.43");
    return new GroundTruth(
        "RUN1:17",
        "RUN1",
        AnomalyKind.OVER_ANNUAL_QUOTA,
        AT,
        List.of("4403960001:SORUN100000017"),
        List.of("4403180001:SLRUN1000000017"),
        null,
        null,
        details);
  }

  @Test
  void roundTripsThroughTheTruthTopic() {
    GroundTruth truth = quota();

    GroundTruth back = Topics.SIMULATOR_TRUTH.deserialize(Topics.SIMULATOR_TRUTH.serialize(truth));

    assertEquals(truth, back);
    assertEquals("RUN1:17", back.key());
  }

  @Test
  void jsonNamesTheKindAndKeepsTheDetailsInOrder() throws Exception {
    JsonNode json = Json.mapper().readTree(Topics.SIMULATOR_TRUTH.serialize(quota()));

    assertEquals("OVER_ANNUAL_QUOTA", json.get("kind").asText());
    assertEquals("2026-11-22T02:00:00Z", json.get("eventTime").asText());
    assertEquals("4403960001:SORUN100000017", json.get("orderKeys").get(0).asText());
    List<String> names = new ArrayList<>();
    json.get("details").fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("yearTotalBefore", "yearTotalAfter"), names);
    assertFalse(json.has("enterpriseCode"), "nulls are left out");
  }

  @Test
  void missingListsAreEmptyAndCopiesAreImmutable() {
    List<String> keys = new ArrayList<>(List.of("a:1"));
    GroundTruth t =
        new GroundTruth("R:1", "R", AnomalyKind.ORPHAN_DOCUMENT, AT, keys, null, null, null, null);
    keys.add("b:2");

    assertEquals(List.of("a:1"), t.orderKeys());
    assertTrue(t.waybillKeys().isEmpty());
    assertTrue(t.messageGuids().isEmpty());
    assertTrue(t.details().isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> t.orderKeys().add("c:3"));
  }

  @Test
  void idKindAndTimeAreRequired() {
    assertThrows(
        NullPointerException.class,
        () ->
            new GroundTruth(null, "R", AnomalyKind.SPLIT_ORDERS, AT, null, null, null, null, null));
    assertThrows(
        NullPointerException.class,
        () -> new GroundTruth("R:1", "R", null, AT, null, null, null, null, null));
    assertThrows(
        NullPointerException.class,
        () ->
            new GroundTruth(
                "R:1", "R", AnomalyKind.SPLIT_ORDERS, null, null, null, null, null, null));
  }
}
