package io.sanliu.simulator;

import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.ParameterSpec;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped rules fitted to a simulated zone whose time runs {@code compression} times faster:
 * every duration divided by it (a stall of 96 zone hours is 96 s of event time at 3600), the split
 * window the simulator assumes, and the matcher's deadlines to match. {@code sanliu local} and the
 * detection test publish these on the control topic, as a risk team would publish its own.
 */
public final class CompressedZoneRules {
  /** Nothing shorter: the jobs' watermarks trail event time by seconds anyway. */
  static final Duration FLOOR = Duration.ofSeconds(5);

  private CompressedZoneRules() {}

  /** A new version of every shipped rule with its durations compressed. */
  public static List<RuleDefinition> of(SimulatorOptions options) {
    double c = options.compression();
    List<RuleDefinition> out = new ArrayList<>();
    for (RuleDefinition shipped : DefaultRules.all()) {
      Map<String, String> params = new LinkedHashMap<>();
      for (ParameterSpec p : shipped.type().parameters()) {
        if (p.kind() != ParameterSpec.Kind.DURATION) continue;
        Duration zone = zoneDuration(shipped.type(), shipped.duration(p.name()));
        Duration scaled =
            shipped.type() == RuleType.SPLIT_ORDERS ? options.splitWindow() : compress(zone, c);
        params.put(p.name(), scaled.toString());
      }
      if (shipped.type() == RuleType.VOLUME_SPIKE) {
        // The zone's spikes last 4-10 zone hours and add at least 16 orders: a window of 12 zone
        // hours (not floored: a longer one dilutes them) sliding by a sixth holds a whole spike.
        // In a compressed zone a mid-sized enterprise places an order every few zone hours, so
        // the floor of 10 orders decides, above the 5-8 orders of a shared-identity episode; the
        // factor of 6 keeps the largest enterprises' evening peaks out.
        Duration window = Duration.ofMillis(Math.max(300, Math.round(12 * 3_600_000 / c)));
        params.put("bucket", window.toString());
        params.put("step", Duration.ofMillis(window.toMillis() / 6).toString());
        params.put("factor", "6");
        params.put("minOrders", "10");
        params.put("minHistoryBuckets", "2");
      }
      out.add(
          shipped.withParams(
              params, "simulated zone (compression " + (long) c + ")", Instant.now()));
    }
    return out;
  }

  /** The matcher's deadlines for the compressed zone, as configuration. */
  public static Map<ConfigKey, String> matchTimeouts(SimulatorOptions options) {
    double c = options.compression();
    return Map.of(
        ConfigKey.MATCH_PAYMENT_WAIT, compress(Duration.ofMinutes(30), c).toString(),
        ConfigKey.MATCH_DOCUMENTS_WAIT, compress(Duration.ofHours(96), c).toString());
  }

  /**
   * The logistics job's stall limits and retention for the compressed zone, as configuration: its
   * usual durations it learns from the traffic itself, already compressed.
   */
  public static Map<ConfigKey, String> logisticsDurations(SimulatorOptions options) {
    double c = options.compression();
    return Map.of(
        ConfigKey.LOGISTICS_STALL_FLOOR, compress(Duration.ofHours(2), c).toString(),
        ConfigKey.LOGISTICS_STALL_DEFAULT, compress(Duration.ofDays(3), c).toString(),
        ConfigKey.LOGISTICS_RETENTION, compress(Duration.ofDays(2), c).toString());
  }

  /**
   * The zone-time value to compress: the shipped one, except for guid memory, which must outlast
   * the simulator's replays (up to two zone hours later), so it is a zone day; and the wait for an
   * export's proceeds, which the simulator's banks report within three zone days, so four days (the
   * shipped 15 would end after a short run).
   */
  private static Duration zoneDuration(RuleType type, Duration shipped) {
    if (type == RuleType.REPLAYED_MESSAGE) return Duration.ofDays(1);
    if (type == RuleType.EXPORT_NO_FX_RECEIPT) return Duration.ofDays(4);
    return shipped;
  }

  static Duration compress(Duration zone, double compression) {
    Duration d = Duration.ofMillis(Math.round(zone.toMillis() / compression));
    return d.compareTo(FLOOR) < 0 ? FLOOR : d;
  }
}
