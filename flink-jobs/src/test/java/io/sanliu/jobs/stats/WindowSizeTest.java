package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowSizeTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-01", "2026-06-30", "2027-03-28", "2027-10-31", "2036-02-29"})
  void aDayWindowIsTheCalendarDayInShanghai(String date) {
    LocalDate day = LocalDate.parse(date);
    long midnight = day.atStartOfDay(SHANGHAI).toInstant().toEpochMilli();
    long next = day.plusDays(1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli();

    assertEquals(midnight, WindowSize.DAY.startOf(midnight));
    assertEquals(midnight, WindowSize.DAY.startOf(next - 1));
    assertEquals(next, WindowSize.DAY.startOf(next));
    assertEquals(next - midnight, WindowSize.DAY.length().toMillis());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-22T02:07:31.250Z", "2026-11-22T15:59:59.999Z"})
  void minutesAndHoursStartOnTheirBoundaries(String at) {
    long t = Instant.parse(at).toEpochMilli();

    assertEquals(t - t % 60_000, WindowSize.MINUTE.startOf(t));
    assertEquals(t - t % 3_600_000, WindowSize.HOUR.startOf(t));
  }
}
