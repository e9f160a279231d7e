package io.sanliu.simulator.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.ceb.CebTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ZoneClockTest {
  static final Instant START = Instant.parse("2026-11-22T00:00:00Z"); // 08:00 China time

  @Test
  void zoneDurationsAreCompressedIntoEventTime() {
    ZoneClock clock = new ZoneClock(START, 60);
    assertEquals(START.plusSeconds(60), clock.afterHours(START, 1));
    assertEquals(START.plusSeconds(1), clock.afterMinutes(START, 1));
    assertEquals(Duration.ofMinutes(72), clock.eventDuration(Duration.ofHours(72)));
    assertEquals(START.plusMillis(1500), ZoneClock.afterSeconds(START, 1.5), "lags are real time");
  }

  @Test
  void theZonesClockRunsFasterFromTheStart() {
    ZoneClock clock = new ZoneClock(START, 60);
    assertEquals(8, clock.zoneTime(START).getHour());
    assertEquals(9, clock.zoneTime(START.plusSeconds(60)).getHour());
    assertEquals(
        8, clock.zoneTime(START.plus(Duration.ofMinutes(24))).getHour(), "a day in 24 min");
    assertThrows(IllegalArgumentException.class, () -> new ZoneClock(START, 0.5));
  }

  @Test
  void theZonesClockMayStartAtAnotherTimeOfDay() {
    Instant evening = Instant.parse("2026-11-22T13:00:00Z"); // 21:00 China time
    ZoneClock clock = new ZoneClock(START, 60, evening);
    assertEquals(21, clock.zoneTime(START).getHour());
    assertEquals(22, clock.zoneTime(START.plusSeconds(60)).getHour());
    assertEquals(START.plusSeconds(60), clock.afterHours(START, 1), "event time is unchanged");
  }

  @Test
  void theDayRhythmAveragesOneWithAnEveningPeakAndAQuietNight() {
    ZonedDateTime day = LocalDate.of(2026, 11, 22).atStartOfDay(CebTime.CHINA);
    double sum = 0;
    int n = 24 * 60;
    for (int m = 0; m < n; m++) sum += DayRhythm.factor(day.plusMinutes(m));
    assertEquals(1.0, sum / n, 0.01);
    assertTrue(DayRhythm.factor(day.plusHours(21)) > 1.6, "evening peak");
    assertTrue(DayRhythm.factor(day.plusHours(4)) < 0.25, "night");
  }
}
