package io.sanliu.model.simulation;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One labelled anomaly of a simulator run: what the simulator did wrong on purpose, and the
 * business keys a detection must name to be counted as finding it. Keys are the platform's business
 * keys ({@code ebpCode:orderNo}, {@code logisticsCode:logisticsNo}), never personal data: the
 * simulator knows the clear ID numbers, the platform only their keyed hashes.
 *
 * @param truthId unique id of the label ({@code run:n}); the Kafka key
 * @param run the simulator run that injected it
 * @param kind which anomaly
 * @param eventTime simulated event time of the labelled fact (the crossing order, the first order
 *     of a split, the start of a spike, the last tracking event of a stalled parcel...)
 * @param orderKeys {@code ebpCode:orderNo} of the orders (and of their payments and lists) involved
 * @param waybillKeys {@code logisticsCode:logisticsNo} of the waybills involved
 * @param enterpriseCode the enterprise (or sending participant) involved, when the anomaly is one
 *     of an enterprise or a sender
 * @param messageGuids message guids involved (replays, refused documents)
 * @param details free-form facts for explanation and debugging (amounts, counts, periods...)
 */
public record GroundTruth(
    String truthId,
    String run,
    AnomalyKind kind,
    Instant eventTime,
    List<String> orderKeys,
    List<String> waybillKeys,
    String enterpriseCode,
    List<String> messageGuids,
    Map<String, String> details) {

  public GroundTruth {
    Objects.requireNonNull(truthId, "truthId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(eventTime, "eventTime");
    orderKeys = orderKeys == null ? List.of() : List.copyOf(orderKeys);
    waybillKeys = waybillKeys == null ? List.of() : List.copyOf(waybillKeys);
    messageGuids = messageGuids == null ? List.of() : List.copyOf(messageGuids);
    details =
        details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** The Kafka record key. */
  public String key() {
    return truthId;
  }
}
