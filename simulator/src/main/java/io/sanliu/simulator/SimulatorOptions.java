package io.sanliu.simulator;

import io.sanliu.simulator.zone.ZoneShape;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a simulator run takes. Start from {@link #defaults()} and change what you need with
 * the {@code with...} methods.
 *
 * @param rate documents per second, the mean over a zone day (arrivals follow the day/night rhythm
 *     around it; full rate is reached once the first parcels have lived their lives)
 * @param duration how long to run (wall clock); null: until {@link Simulator#close()}
 * @param seed the zone and the traffic's choices
 * @param compression zone time per event time: 60 makes zone hours pass in event-time minutes
 * @param anomalies the rate of each anomaly kind
 * @param target the gateway or Kafka
 * @param truthFile JSON lines of the ground truth; null: none
 * @param negativeListFile JSON lines of the zone's negative list; null: {@code negative-list.jsonl}
 *     next to the truth file (none without one)
 * @param truthBootstrap Kafka for the truth and negative-list topics; null: the Kafka target's,
 *     none for the gateway target
 * @param zone how many enterprises and buyers
 * @param xmlShare share of CEB documents sent as CEB XML (gateway target)
 * @param gbkShare share of those encoded in GBK
 * @param splitWindow the split-order window the simulator assumes (event time)
 * @param start the first event time; null: now. A fixed start makes runs repeatable
 * @param drain after {@code duration}, let the parcels under way finish (no new arrivals) instead
 *     of stopping at once
 * @param progressEvery log counters this often; null: never
 * @param zoneTimeOfDay what the zone's clock (China time), which drives the day and night of
 *     traffic, reads at the start; null: the start's own time of day. Tests fix it so that a short
 *     run's volume does not depend on the hour it runs at
 */
public record SimulatorOptions(
    double rate,
    Duration duration,
    long seed,
    double compression,
    AnomalyRates anomalies,
    SimulatorTarget target,
    Path truthFile,
    Path negativeListFile,
    String truthBootstrap,
    ZoneShape zone,
    double xmlShare,
    double gbkShare,
    Duration splitWindow,
    Instant start,
    boolean drain,
    Duration progressEvery,
    LocalTime zoneTimeOfDay) {

  public static final double DEFAULT_RATE = 50;
  public static final long DEFAULT_SEED = 42;
  public static final double DEFAULT_COMPRESSION = 60;
  public static final Duration DEFAULT_SPLIT_WINDOW = Duration.ofMinutes(10);

  public SimulatorOptions {
    if (!(rate > 0)) throw new IllegalArgumentException("rate must be positive, not " + rate);
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("duration must be positive");
    }
    if (!(compression >= 1)) throw new IllegalArgumentException("compression must be at least 1");
    Objects.requireNonNull(anomalies, "anomalies");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(splitWindow, "splitWindow");
    if (xmlShare < 0 || xmlShare > 1 || gbkShare < 0 || gbkShare > 1) {
      throw new IllegalArgumentException("XML and GBK shares must be between 0 and 1");
    }
  }

  /**
   * 50 documents/s, seed 42, compression 60, default anomaly rates, a 10-minute split window, no
   * target yet.
   */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(
        DEFAULT_RATE,
        null,
        DEFAULT_SEED,
        DEFAULT_COMPRESSION,
        AnomalyRates.defaults(),
        null,
        null,
        null,
        null,
        ZoneShape.DEFAULT,
        0.3,
        0.3,
        DEFAULT_SPLIT_WINDOW,
        null,
        false,
        null,
        null);
  }

  public SimulatorOptions withRate(double rate) {
    return edit(c -> c.rate = rate);
  }

  public SimulatorOptions withDuration(Duration duration) {
    return edit(c -> c.duration = duration);
  }

  public SimulatorOptions withSeed(long seed) {
    return edit(c -> c.seed = seed);
  }

  public SimulatorOptions withCompression(double compression) {
    return edit(c -> c.compression = compression);
  }

  public SimulatorOptions withAnomalies(AnomalyRates anomalies) {
    return edit(c -> c.anomalies = anomalies);
  }

  /** The default rates with {@code KIND=RATE} (or {@code ALL=RATE}) overrides, e.g. from a CLI. */
  public SimulatorOptions withAnomalyOverrides(List<String> overrides) {
    return withAnomalies(anomalies.withOverrides(overrides));
  }

  public SimulatorOptions withTarget(SimulatorTarget target) {
    return edit(c -> c.target = target);
  }

  public SimulatorOptions withTruthFile(Path truthFile) {
    return edit(c -> c.truthFile = truthFile);
  }

  public SimulatorOptions withNegativeListFile(Path negativeListFile) {
    return edit(c -> c.negativeListFile = negativeListFile);
  }

  public SimulatorOptions withTruthBootstrap(String truthBootstrap) {
    return edit(c -> c.truthBootstrap = truthBootstrap);
  }

  public SimulatorOptions withZone(ZoneShape zone) {
    return edit(c -> c.zone = zone);
  }

  public SimulatorOptions withXml(double xmlShare, double gbkShare) {
    return edit(
        c -> {
          c.xmlShare = xmlShare;
          c.gbkShare = gbkShare;
        });
  }

  public SimulatorOptions withSplitWindow(Duration splitWindow) {
    return edit(c -> c.splitWindow = splitWindow);
  }

  public SimulatorOptions withStart(Instant start) {
    return edit(c -> c.start = start);
  }

  public SimulatorOptions withZoneTimeOfDay(LocalTime zoneTimeOfDay) {
    return edit(c -> c.zoneTimeOfDay = zoneTimeOfDay);
  }

  public SimulatorOptions withDrain(boolean drain) {
    return edit(c -> c.drain = drain);
  }

  public SimulatorOptions withProgressEvery(Duration progressEvery) {
    return edit(c -> c.progressEvery = progressEvery);
  }

  /** A copy with some fields changed: the one place that lists every field. */
  private SimulatorOptions edit(Consumer<Fields> change) {
    Fields c = new Fields(this);
    change.accept(c);
    return new SimulatorOptions(
        c.rate,
        c.duration,
        c.seed,
        c.compression,
        c.anomalies,
        c.target,
        c.truthFile,
        c.negativeListFile,
        c.truthBootstrap,
        c.zone,
        c.xmlShare,
        c.gbkShare,
        c.splitWindow,
        c.start,
        c.drain,
        c.progressEvery,
        c.zoneTimeOfDay);
  }

  /** The fields of an options record, mutable while a copy is made. */
  private static final class Fields {
    double rate;
    Duration duration;
    long seed;
    double compression;
    AnomalyRates anomalies;
    SimulatorTarget target;
    Path truthFile;
    Path negativeListFile;
    String truthBootstrap;
    ZoneShape zone;
    double xmlShare;
    double gbkShare;
    Duration splitWindow;
    Instant start;
    boolean drain;
    Duration progressEvery;
    LocalTime zoneTimeOfDay;

    Fields(SimulatorOptions o) {
      rate = o.rate;
      duration = o.duration;
      seed = o.seed;
      compression = o.compression;
      anomalies = o.anomalies;
      target = o.target;
      truthFile = o.truthFile;
      negativeListFile = o.negativeListFile;
      truthBootstrap = o.truthBootstrap;
      zone = o.zone;
      xmlShare = o.xmlShare;
      gbkShare = o.gbkShare;
      splitWindow = o.splitWindow;
      start = o.start;
      drain = o.drain;
      progressEvery = o.progressEvery;
      zoneTimeOfDay = o.zoneTimeOfDay;
    }
  }

  /** The negative list's file: as given, else next to the truth file, else none. */
  public Path effectiveNegativeListFile() {
    if (negativeListFile != null) return negativeListFile;
    if (truthFile == null) return null;
    Path dir = truthFile.toAbsolutePath().getParent();
    return dir == null ? Path.of("negative-list.jsonl") : dir.resolve("negative-list.jsonl");
  }

  /** Kafka for the truth topics: as given, else the Kafka target's, else none. */
  public String effectiveTruthBootstrap() {
    if (truthBootstrap != null) return truthBootstrap;
    return target instanceof SimulatorTarget.Kafka k ? k.bootstrap() : null;
  }
}
