package io.sanliu.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sanliu.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CebCodesTest {
  private final ObjectMapper json = Json.mapper();

  @ParameterizedTest
  @CsvSource({"NEW,1", "CHANGE,2", "DELETE,3"})
  void appTypeIsWrittenAndReadAsItsCebCode(AppType type, String code) throws Exception {
    assertEquals("\"" + code + "\"", json.writeValueAsString(type));
    assertEquals(type, json.readValue("\"" + code + "\"", AppType.class));
    assertEquals(type, AppType.fromCode(code));
  }

  @ParameterizedTest
  @CsvSource({
    "DIRECT_9610,9610",
    "BONDED_1210,1210",
    "B2B_EXPORT_9710,9710",
    "OVERSEAS_WAREHOUSE_9810,9810"
  })
  void tradeModeIsWrittenAndReadAsItsCustomsCode(TradeMode mode, String code) throws Exception {
    assertEquals("\"" + code + "\"", json.writeValueAsString(mode));
    assertEquals(mode, json.readValue("\"" + code + "\"", TradeMode.class));
    assertEquals(mode, TradeMode.fromCode(code));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "4", "I", ""})
  void unknownAppTypeIsRefusedNamingTheAllowedCodes(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AppType.fromCode(code));
    assertTrue(e.getMessage().contains("1, 2 or 3"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + code + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"9611", "0110", "DIRECT_9610", ""})
  void unknownTradeModeIsRefusedNamingTheAllowedCodes(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TradeMode.fromCode(code));
    assertTrue(e.getMessage().contains("9610, 1210, 9710, 9810"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + code + "'"), e.getMessage());
  }

  @Test
  void unknownCodesInJsonAreRefusedWithTheSameMessage() {
    JsonMappingException mode =
        assertThrows(JsonMappingException.class, () -> json.readValue("\"9999\"", TradeMode.class));
    assertTrue(mode.getMessage().contains("9610, 1210, 9710, 9810"), mode.getMessage());

    JsonMappingException app =
        assertThrows(JsonMappingException.class, () -> json.readValue("\"7\"", AppType.class));
    assertTrue(app.getMessage().contains("1, 2 or 3"), app.getMessage());
  }

  @Test
  void directionFromCodeReadsTheIeFlag() {
    assertEquals(Direction.I, Direction.fromCode("I"));
    assertEquals(Direction.E, Direction.fromCode("E"));
    assertEquals(Direction.I, Direction.fromCode(" i "));
    assertEquals(Direction.E, Direction.fromCode("e"));
    assertNull(Direction.fromCode(null));
  }

  @Test
  void directionFromCodeRefusesOtherFlags() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Direction.fromCode("X"));
    assertTrue(e.getMessage().contains("I or E"), e.getMessage());
    assertTrue(e.getMessage().contains("'X'"), e.getMessage());
  }
}
