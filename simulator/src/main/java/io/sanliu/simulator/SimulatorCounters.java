package io.sanliu.simulator;

import io.sanliu.model.events.EventType;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.simulator.sink.DeliveryCounts.TypeCounts;
import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of a run.
 *
 * @param run the run's name in the ground truth ({@code SIM-XXXXXX})
 * @param start the run's first event time
 * @param arrivals order arrivals (each a normal order or the start of an anomaly)
 * @param orders orders placed (anomaly episodes add their own)
 * @param documents documents handed to the target (filings included)
 * @param accepted documents the target stored (202 from the gateway)
 * @param expectedRefusals deliberately invalid documents refused (400), as they should be
 * @param unexpected documents answered otherwise than expected (a normal one refused...)
 * @param failed documents that never got an answer (gateway or Kafka unreachable)
 * @param byType the same per document type
 * @param labels labels written per anomaly kind
 * @param negativeListEntries entries of the zone's negative list written
 * @param finished whether the run is over (its duration passed, or closed)
 */
public record SimulatorCounters(
    String run,
    Instant start,
    long arrivals,
    long orders,
    long documents,
    long accepted,
    long expectedRefusals,
    long unexpected,
    long failed,
    Map<EventType, TypeCounts> byType,
    Map<AnomalyKind, Long> labels,
    int negativeListEntries,
    boolean finished) {

  /** Labels written, all kinds. */
  public long labelled() {
    return labels.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line for a log. */
  public String summary() {
    return String.format(
        "%s: %d orders, %d documents (%d accepted, %d invalid refused as planned, %d unexpected"
            + " answers, %d failed), %d anomalies labelled",
        run, orders, documents, accepted, expectedRefusals, unexpected, failed, labelled());
  }
}
