package io.sanliu.simulator.traffic;

import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.codes.CurrencyCode;
import io.sanliu.model.fx.DefaultFxRates;
import io.sanliu.model.fx.FxRate;
import io.sanliu.simulator.zone.Rand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The zone's exchange-rate feed, as it relays the central parity: at the start of a run the
 * platform's default table ({@link DefaultFxRates}), then for every zone day a new rate of each
 * foreign currency within half a percent of its default, valid from the zone's midnight (China
 * time) and published a zone hour before it. A day's rates depend only on the seed and the day, so
 * runs repeat; the traffic's own draws are untouched by them.
 */
public final class FxFeed {
  /** Largest move of a daily rate away from the default table, either way. */
  static final double MAX_DRIFT = 0.005;

  /** How long before its day a rate is published (zone time). */
  static final Duration AHEAD = Duration.ofHours(1);

  private final long seed;
  private final ZoneClock clock;

  public FxFeed(long seed, ZoneClock clock) {
    this.seed = seed;
    this.clock = clock;
  }

  /**
   * Rates due (event time) at {@code dueAt}.
   *
   * @param rates every rate of the publication, all valid from the same moment
   */
  public record Publication(Instant dueAt, List<FxRate> rates) {}

  /** The opening rates: the default table, valid from the start, published at the start. */
  public Publication opening() {
    return new Publication(clock.start(), DefaultFxRates.asRates(clock.start()));
  }

  /** The rates of the {@code day}-th zone day after the start's (1 for the next zone midnight). */
  public Publication day(int day) {
    if (day < 1) throw new IllegalArgumentException("days count from 1, not " + day);
    Instant start = clock.start();
    LocalDate first = clock.zoneTime(start).toLocalDate();
    Instant zoneMidnight = first.plusDays(day).atStartOfDay(CebTime.CHINA).toInstant();
    Instant validFrom = clock.after(start, Duration.between(start, zoneMidnight));
    Instant published = clock.after(start, Duration.between(start, zoneMidnight.minus(AHEAD)));
    Rand r = new Rand(seed ^ (day * 0x9E3779B97F4A7C15L) ^ 0xF0F0_F0F0L);
    List<FxRate> rates = new ArrayList<>();
    for (CurrencyCode c : CurrencyCode.values()) {
      double drift = (r.unit() * 2 - 1) * MAX_DRIFT;
      if (c == CurrencyCode.CNY) continue;
      BigDecimal rate =
          DefaultFxRates.cnyPerUnit(c)
              .multiply(BigDecimal.valueOf(1 + drift))
              .setScale(6, RoundingMode.HALF_UP);
      rates.add(new FxRate(c.code(), rate, validFrom));
    }
    return new Publication(published.isBefore(start) ? start : published, List.copyOf(rates));
  }
}
