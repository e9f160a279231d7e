package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.assertError;
import static io.sanliu.ingest.json.ReaderTestSupport.object;
import static io.sanliu.ingest.json.ReaderTestSupport.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogisticsEventReaderTest {
  private final LogisticsEventReader reader = new LogisticsEventReader();

  static ObjectNode validEvent() {
    return object(
        """
        {"eventId":"EV-SF1400123456789-0003","logisticsCode":"4403180003",
         "logisticsNo":"SF1400123456789","status":"CUSTOMS_CLEARANCE","location":"深圳前海监管仓",
         "country":"142","transportMode":"road","occurredAt":"2026-11-22T12:00:00+08:00",
         "note":"查验中"}
        """);
  }

  @Test
  void readsAValidTrackingEventFieldByField() {
    DocumentReader.Result<LogisticsEvent> r = reader.read(validEvent());
    assertTrue(r.ok(), () -> r.errors().toString());
    LogisticsEvent e = r.event();
    assertEquals("4403180003:SF1400123456789", r.key());
    assertEquals("EV-SF1400123456789-0003", e.eventId());
    assertEquals("4403180003", e.logisticsCode());
    assertEquals("SF1400123456789", e.logisticsNo());
    assertEquals(LogisticsStatus.CUSTOMS_CLEARANCE, e.status());
    assertEquals("深圳前海监管仓", e.location());
    assertEquals("142", e.country());
    assertEquals("ROAD", e.transportMode(), "kept upper-case");
    assertEquals(Instant.parse("2026-11-22T04:00:00Z"), e.occurredAt());
    assertEquals("查验中", e.note());
  }

  @Test
  void theLogisticsFirmMustBeTheSender() {
    assertEquals("4403180003", reader.participantCode(reader.read(validEvent()).event()));
  }

  @Test
  void statusAndTransportModeAreReadInAnyCase() {
    ObjectNode json = validEvent();
    json.put("status", "delivered");
    json.put("transportMode", "Air");
    DocumentReader.Result<LogisticsEvent> r = reader.read(json);
    assertEquals(LogisticsStatus.DELIVERED, r.event().status());
    assertEquals("AIR", r.event().transportMode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"999", "JP", "143"})
  void anyCountryCodeIsKeptAnUnknownOneBeingAFindingNotAnError(String country) {
    ObjectNode json = validEvent();
    json.put("country", country);
    DocumentReader.Result<LogisticsEvent> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(country, r.event().country());
  }

  @Test
  void locationCountryAndTransportModeAreOptional() {
    ObjectNode json = validEvent();
    json.remove(List.of("location", "country", "transportMode", "note"));
    DocumentReader.Result<LogisticsEvent> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertNull(r.event().transportMode());
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ObjectNode json = validEvent();
    json.remove("eventId");
    json.put("status", "LOST");
    json.put("transportMode", "truck");
    json.put("occurredAt", "2026-11-22 12:00");
    DocumentReader.Result<LogisticsEvent> r = reader.read(json);
    assertEquals(List.of("eventId", "status", "occurredAt", "transportMode"), paths(r));
    assertError(r, "status", "PICKED_UP, DEPARTED");
    assertError(r, "transportMode", "AIR, RAIL, SEA or ROAD");
    assertError(r, "occurredAt", "ISO-8601");
    assertEquals("4403180003:SF1400123456789", r.key());
  }

  @Test
  void theWaybillKeysAreRequired() {
    ObjectNode json = validEvent();
    json.remove("logisticsCode");
    DocumentReader.Result<LogisticsEvent> r = reader.read(json);
    assertEquals(List.of("logisticsCode"), paths(r));
    assertNull(r.key());
  }
}
