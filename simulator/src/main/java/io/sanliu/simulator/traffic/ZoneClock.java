package io.sanliu.simulator.traffic;

import io.sanliu.model.ceb.CebTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Time in the simulated zone. Every duration of the zone's life (a payment minutes after its order,
 * a flight of ten hours, an evaluation days after delivery) is divided by the compression factor
 * before it becomes a gap between event times, so that a demo shows whole parcel lifecycles: with
 * the default 60, zone hours pass in event-time minutes. Event times are wall-clock times: a
 * document is sent when its time has come. Network lags (under two seconds) are not compressed.
 *
 * <p>The zone's own clock ({@link #zoneTime}), which drives the day/night rhythm, runs {@code
 * compression} times faster than the wall clock from the start of the run, from the start's own
 * reading or a given one.
 */
public final class ZoneClock {
  private final Instant start;
  private final double compression;
  private final Instant zoneStart;

  public ZoneClock(Instant start, double compression) {
    this(start, compression, start);
  }

  /** A clock whose zone time reads {@code zoneStart} at event time {@code start}. */
  public ZoneClock(Instant start, double compression, Instant zoneStart) {
    if (!(compression >= 1)) throw new IllegalArgumentException("compression must be at least 1");
    this.start = start;
    this.compression = compression;
    this.zoneStart = zoneStart;
  }

  public Instant start() {
    return start;
  }

  public double compression() {
    return compression;
  }

  /** {@code t} plus a zone duration, compressed. */
  public Instant after(Instant t, Duration zone) {
    return t.plusNanos((long) (zone.toNanos() / compression));
  }

  /** {@code t} plus some zone hours, compressed. */
  public Instant afterHours(Instant t, double zoneHours) {
    return t.plusNanos((long) (zoneHours * 3_600e9 / compression));
  }

  /** {@code t} plus some zone minutes, compressed. */
  public Instant afterMinutes(Instant t, double zoneMinutes) {
    return afterHours(t, zoneMinutes / 60);
  }

  /** The event-time length of a zone duration. */
  public Duration eventDuration(Duration zone) {
    return Duration.ofNanos((long) (zone.toNanos() / compression));
  }

  /** {@code t} plus real (uncompressed) seconds: network and processing lags. */
  public static Instant afterSeconds(Instant t, double seconds) {
    return t.plusNanos((long) (seconds * 1e9));
  }

  /** The zone's clock at event time {@code t}, in China time. */
  public ZonedDateTime zoneTime(Instant t) {
    long nanos = Duration.between(start, t).toNanos();
    return zoneStart.plusNanos((long) (nanos * compression)).atZone(CebTime.CHINA);
  }
}
