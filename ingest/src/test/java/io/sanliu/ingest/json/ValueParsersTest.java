package io.sanliu.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.LogisticsStatus;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueParsersTest {

  @ParameterizedTest
  @CsvSource({"3,3", "' 3 ',3", "3.0,3", "0,0", "1E+1,10"})
  void aWholeNumberIsReadFromItsText(String text, int expected) {
    assertEquals(expected, ValueParsers.integer(0, 100).apply(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "three", "0x10"})
  void aFractionOrAWordIsNotAWholeNumber(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ValueParsers.integer(0, 9).apply(text));
    assertTrue(e.getMessage().contains("whole number"), e.getMessage());
  }

  @Test
  void aWholeNumberOutOfRangeIsRefusedNamingTheRange() {
    Function<String, Integer> score = ValueParsers.integer(1, 5);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> score.apply("6"))
            .getMessage()
            .contains("between 1 and 5"));
    Function<String, Integer> count = ValueParsers.integer(0, Integer.MAX_VALUE);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> count.apply("-1"))
            .getMessage()
            .contains("at least 0"));
    assertThrows(IllegalArgumentException.class, () -> count.apply("99999999999"));
  }

  @Test
  void booleansAreTrueOrFalseInAnyCase() {
    assertEquals(true, ValueParsers.bool("TRUE"));
    assertEquals(false, ValueParsers.bool(" false "));
    assertThrows(IllegalArgumentException.class, () -> ValueParsers.bool("1"));
    assertThrows(IllegalArgumentException.class, () -> ValueParsers.bool("Y"));
  }

  @Test
  void enumNamesAreReadInAnyCaseAndTheMessageListsThem() {
    Function<String, LogisticsStatus> status = ValueParsers.enumName(LogisticsStatus.class);
    assertEquals(LogisticsStatus.OUT_FOR_DELIVERY, status.apply(" out_for_delivery "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> status.apply("gone"));
    assertTrue(e.getMessage().contains("PICKED_UP, DEPARTED, ARRIVED"), e.getMessage());
    assertTrue(e.getMessage().contains("'gone'"), e.getMessage());
  }

  @Test
  void aCebDateIsTheStartOfThatDayInChina() {
    assertEquals(Instant.parse("2026-11-21T16:00:00Z"), ValueParsers.dateOrTime("20261122"));
    assertEquals(Instant.parse("2026-11-22T02:10:00Z"), ValueParsers.dateOrTime("20261122101000"));
    assertEquals(
        Instant.parse("2026-11-22T02:10:00Z"),
        ValueParsers.dateOrTime("2026-11-22T10:10:00+08:00"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"20260231", "2026112", "2026-11-22", "22.11.2026"})
  void impossibleOrOtherDatesAreRefused(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ValueParsers.dateOrTime(text));
    assertTrue(e.getMessage().contains("yyyyMMdd or yyyyMMddHHmmss"), e.getMessage());
  }

  @Test
  void aReceiptTimeKeepsItsMilliseconds() {
    assertEquals(
        Instant.parse("2026-11-22T03:00:00.123Z"),
        ValueParsers.timeWithMillis("20261122110000123"));
    assertEquals(
        Instant.parse("2026-11-22T03:00:00Z"), ValueParsers.timeWithMillis("20261122110000"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ValueParsers.timeWithMillis("20261122250000123"));
    assertTrue(e.getMessage().contains("yyyyMMddHHmmssSSS"), e.getMessage());
  }
}
