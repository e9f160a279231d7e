package io.sanliu.model.ceb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CebTimeTest {
  private static final Instant HALF_PAST_EIGHT_CHINA = Instant.parse("2026-11-22T00:30:00Z");

  @Test
  void cebTimeIsChinaStandardTime() {
    assertEquals(HALF_PAST_EIGHT_CHINA, CebTime.parse("20261122083000"));
  }

  @Test
  void cebTimeBeforeEightInTheMorningFallsOnThePreviousUtcDay() {
    assertEquals(Instant.parse("2026-12-31T16:05:09Z"), CebTime.parse("20270101000509"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-22T08:30:00+08:00",
        "2026-11-22T00:30:00Z",
        "2026-11-22T00:30:00+00:00",
        "2026-11-21T19:30:00-05:00",
        " 20261122083000 "
      })
  void isoTimesWithOffsetOrZAreAccepted(String text) {
    assertEquals(HALF_PAST_EIGHT_CHINA, CebTime.parse(text));
  }

  @Test
  void isoTimesKeepFractionsOfASecond() {
    assertEquals(
        Instant.parse("2026-11-22T00:30:00.125Z"), CebTime.parse("2026-11-22T08:30:00.125+08:00"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "",
        "2026112208300", // 13 digits
        "202611220830001", // 15 digits
        "20261322083000", // month 13
        "20261122253000", // hour 25
        "2026-11-22 08:30:00",
        "2026-11-22T08:30:00", // no offset: ambiguous
        "2026/11/22 08:30"
      })
  void garbageIsRefusedNamingTheAcceptedForms(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CebTime.parse(text));
    assertTrue(e.getMessage().contains("yyyyMMddHHmmss"), e.getMessage());
    assertTrue(e.getMessage().contains("ISO-8601"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"20260231083000", "20261131083000", "20250229120000"})
  void impossibleCalendarDatesAreRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> CebTime.parse(text));
  }

  @Test
  void formatWritesChinaTime() {
    assertEquals("20261122083000", CebTime.format(HALF_PAST_EIGHT_CHINA));
    assertEquals("20261123003000", CebTime.format(Instant.parse("2026-11-22T16:30:00Z")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"20261122083000", "20270101000509", "20240229235959", "19991231160000"})
  void formatAndParseRoundTrip(String ceb) {
    assertEquals(ceb, CebTime.format(CebTime.parse(ceb)));
  }

  @Test
  void parseOfFormatGivesTheInstantToTheSecond() {
    Instant withMillis = Instant.parse("2026-11-22T07:45:12.987Z");

    assertEquals(
        withMillis.truncatedTo(ChronoUnit.SECONDS), CebTime.parse(CebTime.format(withMillis)));
  }
}
