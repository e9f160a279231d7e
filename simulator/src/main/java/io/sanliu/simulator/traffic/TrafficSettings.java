package io.sanliu.simulator.traffic;

import io.sanliu.simulator.AnomalyRates;
import io.sanliu.simulator.zone.ZoneShape;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What drives a run's traffic.
 *
 * @param seed the zone and the traffic's choices; with the same start, the same documents
 * @param start the run's first event time (and the zone clock's origin)
 * @param compression zone time per event time
 * @param documentsPerSecond mean rate of documents over a zone day (order arrivals follow the
 *     day/night rhythm around it)
 * @param xmlShare share of the CEB documents sent as CEB XML
 * @param gbkShare share of those XML documents encoded in GBK
 * @param splitWindow the event-time window of the split-order rule the simulator assumes: split
 *     anomalies fit in a quarter of it; a quota sequence's orders are 1.1 to 1.5 times it apart
 * @param spikeBaseline zone time from the start during which no volume spike starts: a spike stands
 *     out against a baseline, which a detector has to have watched first
 * @param zoneStart what the zone's clock reads at {@code start} (its time of day drives the day and
 *     night of traffic)
 */
public record TrafficSettings(
    long seed,
    Instant start,
    double compression,
    double documentsPerSecond,
    AnomalyRates anomalies,
    double xmlShare,
    double gbkShare,
    Duration splitWindow,
    ZoneShape shape,
    Duration spikeBaseline,
    Instant zoneStart) {

  /**
   * What {@code sanliu simulate} uses: two zone days of baseline before any spike. The shipped rule
   * needs 6¼ hours of history and the compressed zone's rule 26 (two 12-hour windows and a step)
   * from when the engine first saw the traffic; one day left spikes in the first hour after it
   * unjudgeable, and the detection test missed one now and then.
   */
  public static final Duration SPIKE_BASELINE = Duration.ofDays(2);

  /** With the zone's clock starting at {@code start} itself. */
  public TrafficSettings(
      long seed,
      Instant start,
      double compression,
      double documentsPerSecond,
      AnomalyRates anomalies,
      double xmlShare,
      double gbkShare,
      Duration splitWindow,
      ZoneShape shape,
      Duration spikeBaseline) {
    this(
        seed,
        start,
        compression,
        documentsPerSecond,
        anomalies,
        xmlShare,
        gbkShare,
        splitWindow,
        shape,
        spikeBaseline,
        start);
  }

  public TrafficSettings {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(zoneStart, "zoneStart");
    Objects.requireNonNull(anomalies, "anomalies");
    Objects.requireNonNull(splitWindow, "splitWindow");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(spikeBaseline, "spikeBaseline");
    if (!(documentsPerSecond > 0)) throw new IllegalArgumentException("rate must be positive");
    if (!(compression >= 1)) throw new IllegalArgumentException("compression must be at least 1");
    if (xmlShare < 0 || xmlShare > 1 || gbkShare < 0 || gbkShare > 1) {
      throw new IllegalArgumentException("shares must be between 0 and 1");
    }
    if (splitWindow.isNegative() || splitWindow.isZero()) {
      throw new IllegalArgumentException("split window must be positive");
    }
  }
}
