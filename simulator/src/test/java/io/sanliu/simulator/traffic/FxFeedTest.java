package io.sanliu.simulator.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.codes.CurrencyCode;
import io.sanliu.model.fx.DefaultFxRates;
import io.sanliu.model.fx.FxRate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class FxFeedTest {
  static final Instant START = Instant.parse("2026-11-22T00:00:00Z"); // 08:00 China time

  @Test
  void opensWithTheDefaultTableAtTheStart() {
    FxFeed.Publication opening = new FxFeed(7, new ZoneClock(START, 60)).opening();

    assertEquals(START, opening.dueAt());
    assertEquals(DefaultFxRates.asRates(START), opening.rates());
  }

  @Test
  void eachZoneDayBringsForeignRatesValidFromTheZonesMidnightPublishedAZoneHourAhead() {
    ZoneClock clock = new ZoneClock(START, 60);
    FxFeed feed = new FxFeed(7, clock);

    FxFeed.Publication first = feed.day(1);
    FxFeed.Publication second = feed.day(2);

    // 08:00 China time at compression 60: the next zone midnight is 16 zone hours on.
    Instant midnight = clock.afterHours(START, 16);
    assertEquals(LocalTime.MIDNIGHT, clock.zoneTime(midnight).toLocalTime());
    assertEquals(CebTime.CHINA, clock.zoneTime(midnight).getZone());
    assertTrue(first.rates().stream().allMatch(r -> r.validFrom().equals(midnight)));
    assertEquals(clock.afterHours(START, 15), first.dueAt());
    assertEquals(clock.afterHours(START, 39), second.dueAt());
    assertEquals(CurrencyCode.values().length - 1, first.rates().size(), "every foreign currency");
    assertFalse(first.rates().stream().anyMatch(r -> r.currency().equals("142")));
  }

  @Test
  void dailyRatesStayWithinHalfAPercentOfTheDefaultAndMoveFromDayToDay() {
    FxFeed feed = new FxFeed(7, new ZoneClock(START, 60));
    for (int day = 1; day <= 30; day++) {
      for (FxRate r : feed.day(day).rates()) {
        BigDecimal base = DefaultFxRates.find(r.currency()).orElseThrow();
        double move = r.cnyPerUnit().divide(base, MathContext.DECIMAL64).doubleValue() - 1;
        assertTrue(Math.abs(move) <= FxFeed.MAX_DRIFT + 1e-4, r + " moved " + move);
      }
    }
    assertNotEquals(usd(feed.day(1)), usd(feed.day(2)));
  }

  @Test
  void theSameSeedGivesTheSameRatesAndAnotherSeedOthers() {
    ZoneClock clock = new ZoneClock(START, 60);

    assertEquals(new FxFeed(7, clock).day(3), new FxFeed(7, clock).day(3));
    assertNotEquals(usd(new FxFeed(7, clock).day(3)), usd(new FxFeed(8, clock).day(3)));
  }

  @Test
  void aDayWhoseMidnightIsWithinTheHourAfterTheStartIsPublishedAtTheStart() {
    Instant lateEvening = Instant.parse("2026-11-22T15:30:00Z"); // 23:30 China time
    FxFeed feed = new FxFeed(7, new ZoneClock(lateEvening, 1));

    assertEquals(lateEvening, feed.day(1).dueAt());
    assertEquals(Instant.parse("2026-11-22T16:00:00Z"), feed.day(1).rates().get(0).validFrom());
  }

  static BigDecimal usd(FxFeed.Publication p) {
    return p.rates().stream()
        .filter(r -> r.currency().equals("502"))
        .findFirst()
        .orElseThrow()
        .cnyPerUnit();
  }
}
