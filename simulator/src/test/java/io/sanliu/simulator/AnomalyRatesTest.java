package io.sanliu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.model.simulation.GroundTruth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalyRatesTest {

  @Test
  void everyKindHasADefaultAndTogetherTheyAreAFewPercent() {
    AnomalyRates d = AnomalyRates.defaults();
    for (AnomalyKind k : AnomalyKind.values()) assertTrue(d.rate(k) > 0, k.name());
    assertTrue(d.total() > 0.02 && d.total() < 0.06, "total " + d.total());
  }

  @Test
  void overridesNameAKindInAnyCaseOrAll() {
    AnomalyRates r =
        AnomalyRates.defaults()
            .withOverrides(List.of("ALL=0", "payer-not-buyer=0.05", " SPLIT_ORDERS = 0.01 "));

    assertEquals(0.05, r.rate(AnomalyKind.PAYER_NOT_BUYER));
    assertEquals(0.01, r.rate(AnomalyKind.SPLIT_ORDERS));
    assertEquals(0, r.rate(AnomalyKind.WEIGHT_MISMATCH));
    assertEquals(0.06, r.total(), 1e-12);
  }

  @Test
  void badOverridesSayWhatIsWrong() {
    AnomalyRates d = AnomalyRates.defaults();
    var unknown =
        assertThrows(IllegalArgumentException.class, () -> d.withOverrides(List.of("FRAUD=0.1")));
    assertTrue(unknown.getMessage().contains("PAYER_NOT_BUYER"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> d.withOverrides(List.of("SPLIT_ORDERS")));
    assertThrows(IllegalArgumentException.class, () -> d.withOverrides(List.of("SPLIT_ORDERS=x")));
    assertThrows(IllegalArgumentException.class, () -> d.with(AnomalyKind.SPLIT_ORDERS, -0.1));
    assertThrows(IllegalArgumentException.class, () -> d.withAll(0.1));
  }

  @Test
  void drawsFallOnKindsByTheirRatesAndOnNormalOrdersAbove() {
    AnomalyRates r = AnomalyRates.none().with(AnomalyKind.MISMATCHED_DOCUMENTS, 0.1);
    assertEquals(AnomalyKind.MISMATCHED_DOCUMENTS, r.draw(0.05));
    assertNull(r.draw(0.1));
    assertNull(AnomalyRates.none().draw(0));
  }

  @Test
  void eachKindIsInjectedAtItsRate() {
    double rate = 0.02;
    Generated g =
        Generated.run(
            21, Generated.START, AnomalyRates.defaults().withAll(rate), Duration.ofMinutes(10), 40);
    long arrivals = g.engine().arrivals();
    double expected = arrivals * rate;
    Map<AnomalyKind, Long> counts = g.labelCounts();
    for (AnomalyKind k : AnomalyKind.values()) {
      long n = counts.getOrDefault(k, 0L);
      assertTrue(
          n >= expected * 0.4 && n <= expected * 1.8,
          k + ": " + n + " labels for " + arrivals + " arrivals (expected " + expected + ")");
    }
  }

  /** Ten zone hours at 60 (spikes only) with the given baseline before the first spike. */
  static Generated spikesAfter(Duration spikeBaseline) {
    AnomalyRates spikes = AnomalyRates.none().with(AnomalyKind.ENTERPRISE_VOLUME_SPIKE, 0.05);
    return Generated.run(
        21,
        Generated.START,
        spikes,
        Duration.ofMinutes(10),
        40,
        Generated.SMALL,
        60,
        spikeBaseline);
  }

  @Test
  void noSpikeStartsBeforeItsBaselineWasWatched() {
    // Within a zone day of baseline, every spike arrival is an ordinary order.
    Generated quiet = spikesAfter(Duration.ofDays(1));
    assertEquals(0, quiet.labelCounts().getOrDefault(AnomalyKind.ENTERPRISE_VOLUME_SPIKE, 0L));
    List<GroundTruth> labels =
        spikesAfter(Duration.ofHours(5)).truths(AnomalyKind.ENTERPRISE_VOLUME_SPIKE);
    assertTrue(!labels.isEmpty(), "spikes after five zone hours");
    for (GroundTruth l : labels) {
      assertTrue(
          !l.eventTime().isBefore(Generated.START.plus(Duration.ofMinutes(5))),
          "a spike began at " + l.eventTime());
    }
  }

  @Test
  void oneKindAloneAtItsRateAndNoneWithoutAnomalies() {
    Generated g =
        Generated.run(
            22,
            Generated.START,
            AnomalyRates.none().with(AnomalyKind.WEIGHT_MISMATCH, 0.05),
            Duration.ofMinutes(6),
            40);
    long n = g.truths().size();
    double expected = g.engine().arrivals() * 0.05;
    assertEquals(Map.of(AnomalyKind.WEIGHT_MISMATCH, n), g.labelCounts());
    assertTrue(n >= expected * 0.65 && n <= expected * 1.35, n + " vs " + expected);

    Generated none =
        Generated.run(22, Generated.START, AnomalyRates.none(), Duration.ofMinutes(2), 40);
    assertTrue(none.truths().isEmpty());
    assertTrue(none.docs().stream().noneMatch(d -> d.invalid() || d.replay()));
  }
}
