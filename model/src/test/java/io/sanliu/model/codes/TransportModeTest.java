package io.sanliu.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TransportModeTest {

  @ParameterizedTest
  @CsvSource({"air,AIR", "Rail,RAIL", " SEA ,SEA", "road,ROAD"})
  void namesAreReadInAnyCase(String name, TransportMode mode) {
    assertEquals(mode, TransportMode.fromName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"truck", "5", "", "公路"})
  void otherNamesAreRefusedNamingTheFourModes(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TransportMode.fromName(name));
    assertTrue(e.getMessage().contains("AIR, RAIL, SEA or ROAD"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
  }
}
