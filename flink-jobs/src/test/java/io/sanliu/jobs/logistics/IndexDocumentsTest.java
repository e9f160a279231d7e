package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.customs;
import static io.sanliu.jobs.logistics.LogisticsFixtures.declared;
import static io.sanliu.jobs.logistics.LogisticsFixtures.hours;
import static io.sanliu.jobs.logistics.LogisticsFixtures.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.logistics.ShipmentState;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The documents the job writes fit their strict index templates: every field they can carry is
 * mapped (Elasticsearch would refuse the document otherwise), with the type it has.
 */
class IndexDocumentsTest {

  static JsonNode properties(String index) throws Exception {
    try (InputStream in =
        IndexDocumentsTest.class
            .getClassLoader()
            .getResourceAsStream(Indices.templateResource(index))) {
      assertNotNull(in, index);
      return Json.mapper().readTree(in).path("template").path("mappings").path("properties");
    }
  }

  /** Paths of {@code doc} (arrays entered) that the mapping does not know or types otherwise. */
  static List<String> unmapped(JsonNode doc, JsonNode mapping, String prefix) {
    List<String> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix + field.getKey();
      JsonNode def = mapping.get(field.getKey());
      if (def == null) {
        out.add(path);
        continue;
      }
      JsonNode value = field.getValue();
      List<JsonNode> values = new ArrayList<>();
      if (value.isArray()) value.forEach(values::add);
      else values.add(value);
      for (JsonNode v : values) {
        if (v.isObject()) {
          out.addAll(unmapped(v, def.path("properties"), path + "."));
        } else if (!fits(v, def.path("type").asText())) {
          out.add(path + " (" + v.getNodeType() + " as " + def.path("type").asText() + ")");
        }
      }
    }
    return out;
  }

  static boolean fits(JsonNode v, String type) {
    return switch (type) {
      case "keyword", "date" -> v.isTextual();
      case "boolean" -> v.isBoolean();
      case "integer", "long" -> v.isIntegralNumber();
      case "double" -> v.isNumber();
      default -> false;
    };
  }

  /** A document with every field set: a journey with customs, an anomaly, a stall and an ETA. */
  static ShipmentDocument everyField() {
    Timeline t = Timeline.start(LogisticsFixtures.CARRIER, LogisticsFixtures.WAYBILL_NO);
    for (Milestone m :
        List.of(
            step("E1", LogisticsStatus.PICKED_UP, hours(0)),
            declared(hours(1)),
            customs("R500", "500", hours(2)),
            customs("R800", "800", hours(3)),
            step("E2", LogisticsStatus.DEPARTED, hours(5)),
            step("E3", LogisticsStatus.EXCEPTION, hours(6)),
            step("E4", LogisticsStatus.ARRIVED, hours(15)),
            step("E5", LogisticsStatus.CUSTOMS_CLEARANCE, hours(16)),
            step("E6", LogisticsStatus.OUT_FOR_DELIVERY, hours(20)),
            step("E7", LogisticsStatus.ARRIVED, hours(21)),
            step("E8", LogisticsStatus.DELIVERED, hours(25)),
            step("E9", LogisticsStatus.RETURNED, hours(26)))) {
      t = t.with(m).orElseThrow();
    }
    return ShipmentDocument.of(t).watched(true, hours(30), Duration.ofHours(4), hours(40));
  }

  @Test
  void aShipmentDocumentFitsItsTemplate() throws Exception {
    ShipmentDocument d = everyField();
    JsonNode json = Json.mapper().valueToTree(d);
    assertTrue(d.anomalies() > 0 && d.stalled() && d.eta() != null, "every field is set");
    assertEquals(List.of(), unmapped(json, properties(Indices.SHIPMENTS), ""));
    assertEquals(12, json.get("timeline").size());
  }

  @Test
  void everyStateIsMappedAsAStage() throws Exception {
    // Even the ends: a report after delivery (an anomaly) completes the delivered stage.
    JsonNode stageMinutes = properties(Indices.SHIPMENTS).path("stageMinutes").path("properties");
    for (ShipmentState s : ShipmentState.values()) assertTrue(stageMinutes.has(s.name()), s.name());
    JsonNode next = properties(Indices.LOGISTICS_STAGES).path("nextCounts").path("properties");
    for (ShipmentState s : ShipmentState.values()) assertTrue(next.has(s.name()), s.name());
  }

  @Test
  void aStageSummaryFitsItsTemplate() throws Exception {
    StageTally t = StageTally.empty();
    for (ShipmentState next : ShipmentState.values()) {
      t = t.add(60, next, LogisticsFixtures.T0);
    }
    StageSummary s = t.summary(StageKey.of(ShipmentState.ARRIVED, "116>ZONE", "AIR", "SF"));
    JsonNode json = Json.mapper().valueToTree(s);
    assertEquals(List.of(), unmapped(json, properties(Indices.LOGISTICS_STAGES), ""));
    assertEquals(ShipmentState.values().length, json.get("nextCounts").size());
  }
}
