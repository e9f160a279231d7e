package io.sanliu.jobs.logistics;

import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.logistics.ShipmentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A waybill's document in {@link Indices#SHIPMENTS} (id {@code logisticsCode:logisticsNo}): where
 * the parcel is and since when, its sorted timeline, the times of its milestones, the stage
 * durations so far, whether it is stalled, and when it is expected to be delivered. Plain typed
 * top-level fields carry what screens and SQL ask; the timeline is nested for per-step queries.
 *
 * <p>Built from the timeline by {@link ShipmentTracker}; {@link ShipmentWatch} adds the watch
 * fields ({@code stalled}, {@code stalledSince}, {@code stallLimitMinutes}, {@code eta}).
 *
 * @param route {@code 116>ZONE}, {@code ZONE>502} or {@code UNKNOWN} (see {@link Route})
 * @param ended delivered or returned
 * @param arrivedAt the latest arrival (a sea freight arrives at its ports of call on the way)
 * @param customsMinutes from declaration to release
 * @param totalMinutes from the first report to delivery or return, or to the latest report
 * @param stageMinutes minutes spent in each state, over the stages completed so far
 * @param events entries on the timeline
 * @param anomalies entries whose transition the table does not allow
 * @param stalled no progress for longer than the stall limit of its current stage
 * @param stalledSince when the limit passed
 * @param stallLimitMinutes the limit of the current stage
 * @param eta expected delivery; null when ended, or when history does not tell the way on
 * @param updatedAt event time of the latest change (a report, or the stall)
 */
public record ShipmentDocument(
    String waybillKey,
    String logisticsCode,
    String logisticsNo,
    String orderKey,
    String ebpCode,
    String orderNo,
    String tradeMode,
    Direction direction,
    String partnerCountry,
    String route,
    String transportMode,
    ShipmentState state,
    String stateZh,
    Instant stateSince,
    ShipmentState previousState,
    boolean ended,
    Instant declaredAt,
    Instant releasedAt,
    Instant pickedUpAt,
    Instant departedAt,
    Instant arrivedAt,
    Instant deliveredAt,
    Instant returnedAt,
    Instant firstEventAt,
    Instant lastEventAt,
    String lastStatus,
    String lastLocation,
    Double customsMinutes,
    Double totalMinutes,
    Map<String, Double> stageMinutes,
    int events,
    int anomalies,
    List<TimelineStep> timeline,
    boolean stalled,
    Instant stalledSince,
    Double stallLimitMinutes,
    Instant eta,
    Instant updatedAt) {

  /** The document of a timeline (not watched yet: not stalled, no ETA). */
  static ShipmentDocument of(Timeline t) {
    Journey j = t.journey();
    ShipmentFacts f = t.facts();
    Route route = t.route();
    TimelineEntry latest = t.latest();
    Instant first = t.entries().isEmpty() ? null : t.entries().get(0).at();
    Instant declared = j.first(ShipmentState.DECLARED);
    Instant released = j.first(ShipmentState.RELEASED);
    Instant end = j.ended() ? j.since() : latest == null ? null : latest.at();
    return new ShipmentDocument(
        DocumentKeys.waybill(t.logisticsCode(), t.logisticsNo()),
        t.logisticsCode(),
        t.logisticsNo(),
        f == null ? null : f.orderKey(),
        f == null ? null : f.ebpCode(),
        f == null ? null : f.orderNo(),
        f == null ? null : f.tradeMode(),
        route.direction(),
        route.partnerCountry(),
        route.label(),
        t.transportMode(),
        j.state(),
        j.state() == null ? null : j.state().nameZh(),
        j.since(),
        j.previous(),
        j.ended(),
        declared,
        released,
        j.first(ShipmentState.PICKED_UP),
        j.first(ShipmentState.DEPARTED),
        j.last(ShipmentState.ARRIVED),
        j.first(ShipmentState.DELIVERED),
        j.first(ShipmentState.RETURNED),
        first,
        latest == null ? null : latest.at(),
        latest == null ? null : latest.status(),
        lastLocation(t.entries()),
        declared != null && released != null && !released.isBefore(declared)
            ? minutes(Duration.between(declared, released))
            : null,
        first != null && end != null ? minutes(Duration.between(first, end)) : null,
        stageMinutes(j.stages()),
        t.entries().size(),
        j.anomalies(),
        new ArrayList<>(j.steps()),
        false,
        null,
        null,
        null,
        latest == null ? null : latest.at());
  }

  /** The same with what the watch found: stalled or not (since when, at which limit), the ETA. */
  ShipmentDocument watched(
      boolean stalled, Instant stalledSince, Duration stallLimit, Instant eta) {
    Instant updated =
        stalledSince != null && (updatedAt == null || stalledSince.isAfter(updatedAt))
            ? stalledSince
            : updatedAt;
    return new ShipmentDocument(
        waybillKey,
        logisticsCode,
        logisticsNo,
        orderKey,
        ebpCode,
        orderNo,
        tradeMode,
        direction,
        partnerCountry,
        route,
        transportMode,
        state,
        stateZh,
        stateSince,
        previousState,
        ended,
        declaredAt,
        releasedAt,
        pickedUpAt,
        departedAt,
        arrivedAt,
        deliveredAt,
        returnedAt,
        firstEventAt,
        lastEventAt,
        lastStatus,
        lastLocation,
        customsMinutes,
        totalMinutes,
        stageMinutes,
        events,
        anomalies,
        timeline,
        stalled,
        stalledSince,
        stallLimit == null ? null : minutes(stallLimit),
        eta,
        updated);
  }

  /** Whether this and {@code other} are in the same stage (same state entered at the same time). */
  boolean sameStage(ShipmentDocument other) {
    return other != null
        && state == other.state
        && stateSince != null
        && stateSince.equals(other.stateSince);
  }

  private static String lastLocation(List<TimelineEntry> entries) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).location() != null) return entries.get(i).location();
    }
    return null;
  }

  /** Minutes per state over the completed stages, in the order of the states. */
  private static Map<String, Double> stageMinutes(List<Stage> stages) {
    double[] sums = new double[ShipmentState.values().length];
    boolean[] seen = new boolean[sums.length];
    for (Stage s : stages) {
      sums[s.state().ordinal()] += s.minutes();
      seen[s.state().ordinal()] = true;
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (ShipmentState s : ShipmentState.values()) {
      if (seen[s.ordinal()]) out.put(s.name(), round(sums[s.ordinal()]));
    }
    return out;
  }

  static double minutes(Duration d) {
    return round(d.toMillis() / 60_000.0);
  }

  /** To the hundredth of a minute: finer than any report's clock, shorter to read. */
  static double round(double minutes) {
    return Math.round(minutes * 100) / 100.0;
  }
}
