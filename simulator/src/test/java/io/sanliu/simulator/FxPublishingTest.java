package io.sanliu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.codes.CurrencyCode;
import io.sanliu.model.fx.DefaultFxRates;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.kafka.Topics;
import io.sanliu.simulator.sink.DeliveryCounts;
import io.sanliu.simulator.sink.DocumentSink;
import io.sanliu.simulator.sink.TruthSink;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.ZoneClock;
import io.sanliu.simulator.zone.ZoneShape;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The simulator's FX feed, live: the opening rates first, then each zone day's in its time. */
class FxPublishingTest {
  static final Instant START = Instant.parse("2026-11-22T00:00:00Z"); // 08:00 China time

  /** Keeps the documents in memory, in the order they were sent. */
  static final class Kept implements DocumentSink {
    final List<Doc> docs = new CopyOnWriteArrayList<>();
    final DeliveryCounts counts = new DeliveryCounts();

    @Override
    public void sendReferenceData(List<Doc> reference) {
      docs.addAll(reference);
    }

    @Override
    public void send(Doc doc) {
      docs.add(doc);
    }

    @Override
    public DeliveryCounts counts() {
      return counts;
    }

    @Override
    public void close() {}
  }

  @Test
  void theOpeningRatesGoOutBeforeTheTrafficAndEachZoneDaysRatesBeforeItsMidnight()
      throws Exception {
    MockProducer<byte[], byte[]> producer =
        new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    Kept docs = new Kept();
    // A zone day per event second; a clock far ahead, so nothing waits for the wall clock.
    SimulatorOptions options =
        SimulatorOptions.defaults()
            .withRate(100)
            .withCompression(86_400)
            .withDuration(Duration.ofSeconds(3))
            .withStart(START)
            .withSeed(9)
            .withZone(new ZoneShape(40, 500));
    List<String> log = new CopyOnWriteArrayList<>();
    Simulator simulator =
        new Simulator(
            options,
            docs,
            new TruthSink(null, null, producer, log::add),
            Clock.fixed(START.plus(Duration.ofDays(1)), ZoneOffset.UTC),
            log::add);
    simulator.start();
    assertTrue(simulator.awaitFinished(Duration.ofSeconds(60)), log.toString());
    simulator.close();

    List<FxRate> rates = new ArrayList<>();
    for (var r : producer.history()) {
      if (r.topic().equals(Topics.FX_RATES.name())) {
        rates.add(Topics.FX_RATES.deserialize(r.value()));
      }
    }
    int currencies = CurrencyCode.values().length;
    assertEquals(DefaultFxRates.asRates(START), rates.subList(0, currencies), "opening rates");
    // Zone midnights fall 16, 40 and 64 zone hours after 08:00: 0.667 s, 1.667 s, 2.667 s on.
    List<Instant> days =
        rates.subList(currencies, rates.size()).stream().map(FxRate::validFrom).distinct().toList();
    assertTrue(days.size() >= 2, days.toString());
    assertEquals(new ZoneClock(START, 86_400).afterHours(START, 16), days.get(0));
    assertEquals(Duration.ofSeconds(1), Duration.between(days.get(0), days.get(1)));
    assertEquals(
        currencies + (currencies - 1) * days.size(), rates.size(), "one per foreign currency");
    assertTrue(docs.docs.size() > 100, "traffic ran: " + docs.docs.size());
  }
}
