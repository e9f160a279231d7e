package io.sanliu.simulator;

import io.sanliu.model.events.EventType;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.model.simulation.GroundTruth;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.Emission;
import io.sanliu.simulator.traffic.Label;
import io.sanliu.simulator.traffic.TrafficEngine;
import io.sanliu.simulator.traffic.TrafficSettings;
import io.sanliu.simulator.zone.Zone;
import io.sanliu.simulator.zone.ZoneShape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A whole run generated without a clock: the stream the simulator would send, for the tests. */
public record Generated(
    TrafficEngine engine,
    List<Doc> filings,
    List<NegativeListEntry> negativeList,
    List<Emission> emissions,
    List<Doc> docs,
    List<GroundTruth> truths) {

  public static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
  public static final ZoneShape SMALL = new ZoneShape(80, 3000);

  /** Arrivals for {@code eventTime}, then every parcel and episode to its end. */
  public static Generated run(
      long seed, Instant start, AnomalyRates rates, Duration eventTime, double rate) {
    return run(seed, start, rates, eventTime, rate, SMALL, 60);
  }

  /** Spikes from the start: short runs show every kind. */
  public static Generated run(
      long seed,
      Instant start,
      AnomalyRates rates,
      Duration eventTime,
      double rate,
      ZoneShape shape,
      double compression) {
    return run(seed, start, rates, eventTime, rate, shape, compression, Duration.ZERO);
  }

  public static Generated run(
      long seed,
      Instant start,
      AnomalyRates rates,
      Duration eventTime,
      double rate,
      ZoneShape shape,
      double compression,
      Duration spikeBaseline) {
    Zone zone = Zone.build(seed, shape);
    TrafficEngine engine =
        new TrafficEngine(
            zone,
            new TrafficSettings(
                seed,
                start,
                compression,
                rate,
                rates,
                0.3,
                0.3,
                Duration.ofHours(1),
                shape,
                spikeBaseline));
    engine.stopArrivalsAfter(start.plus(eventTime));
    List<Doc> filings = engine.filings();
    List<NegativeListEntry> negative = engine.negativeList();
    List<Emission> emissions = new ArrayList<>();
    Emission e;
    while ((e = engine.next()) != null) emissions.add(e);
    List<Doc> docs = emissions.stream().filter(x -> x instanceof Doc).map(x -> (Doc) x).toList();
    List<GroundTruth> truths =
        emissions.stream().filter(x -> x instanceof Label).map(x -> ((Label) x).truth()).toList();
    return new Generated(engine, filings, negative, emissions, docs, truths);
  }

  public List<Doc> of(EventType type) {
    return docs.stream().filter(d -> d.type() == type).toList();
  }

  public List<GroundTruth> truths(AnomalyKind kind) {
    return truths.stream().filter(t -> t.kind() == kind).toList();
  }

  public Map<AnomalyKind, Long> labelCounts() {
    return truths.stream().collect(Collectors.groupingBy(GroundTruth::kind, Collectors.counting()));
  }
}
