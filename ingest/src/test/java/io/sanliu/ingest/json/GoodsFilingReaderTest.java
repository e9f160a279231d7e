package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.assertError;
import static io.sanliu.ingest.json.ReaderTestSupport.object;
import static io.sanliu.ingest.json.ReaderTestSupport.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.GoodsFiling;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoodsFilingReaderTest {
  private final GoodsFilingReader reader = new GoodsFilingReader();

  static ObjectNode validFiling() {
    return object(
        """
        {"itemRecordNo":"IR440300000001","ebcCode":"440396K00A","itemNo":"SKU-0001",
         "itemName":"婴儿配方奶粉 900g","gcode":"1901101000","gmodel":"900g/罐|3段",
         "originCountry":"116","unit":"122","filedPrice":520.00,"currency":"142",
         "appType":"2","filedAt":"20260301100000"}
        """);
  }

  @Test
  void readsAValidGoodsFilingFieldByField() {
    DocumentReader.Result<GoodsFiling> r = reader.read(validFiling());
    assertTrue(r.ok(), () -> r.errors().toString());
    GoodsFiling g = r.event();
    assertEquals("440396K00A:IR440300000001", r.key());
    assertEquals("IR440300000001", g.itemRecordNo());
    assertEquals("440396K00A", g.ebcCode());
    assertEquals("SKU-0001", g.itemNo());
    assertEquals("婴儿配方奶粉 900g", g.itemName());
    assertEquals("1901101000", g.gcode());
    assertEquals("900g/罐|3段", g.gmodel());
    assertEquals("116", g.originCountry());
    assertEquals("122", g.unit());
    assertEquals(new BigDecimal("520.00"), g.filedPrice());
    assertEquals("142", g.currency());
    assertEquals(AppType.CHANGE, g.appType());
    assertEquals(Instant.parse("2026-03-01T02:00:00Z"), g.filedAt());
  }

  @Test
  void theZoneFilesGoodsSoNoParticipantMustBeTheSender() {
    assertNull(reader.participantCode(reader.read(validFiling()).event()));
  }

  @Test
  void anUnknownOriginCountryIsKept() {
    ObjectNode json = validFiling();
    json.put("originCountry", "777");
    DocumentReader.Result<GoodsFiling> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals("777", r.event().originCountry());
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ObjectNode json = validFiling();
    json.remove("itemName");
    json.put("gcode", "1901.10.10");
    json.put("filedPrice", "-520");
    json.put("currency", "999");
    json.remove("filedAt");
    DocumentReader.Result<GoodsFiling> r = reader.read(json);
    assertEquals(List.of("filedPrice", "itemName", "gcode", "currency", "filedAt"), paths(r));
    assertError(r, "gcode", "10-digit HS code");
    assertError(r, "filedPrice", "negative");
    assertError(r, "currency", "142 CNY");
    assertError(r, "filedAt", "is required");
    assertEquals("440396K00A:IR440300000001", r.key());
  }

  @Test
  void theFilingKeysAreRequired() {
    ObjectNode json = validFiling();
    json.remove("ebcCode");
    DocumentReader.Result<GoodsFiling> r = reader.read(json);
    assertEquals(List.of("ebcCode"), paths(r));
    assertNull(r.key());
  }
}
