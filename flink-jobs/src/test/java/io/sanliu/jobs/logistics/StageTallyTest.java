package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.logistics.ShipmentState;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StageTallyTest {
  static final StageKey KEY = StageKey.of(ShipmentState.DEPARTED, "116>ZONE", "AIR", "SF");

  @Test
  void countMeanAndExtremesAreExact() {
    StageTally t = StageTally.empty();
    for (double m : new double[] {60, 120, 90, 30}) {
      t = t.add(m, ShipmentState.ARRIVED, T0);
    }
    assertEquals(4, t.count());
    assertEquals(75, t.meanMinutes(), 1e-9);
    assertEquals(30, t.minMinutes(), 1e-9);
    assertEquals(120, t.maxMinutes(), 1e-9);
  }

  @Test
  void percentilesOfAKnownDistributionAreWithinTheBucketWidth() {
    // Uniform durations of 4 to 16 hours, as the zone's flights: median 10 h, p90 14.8 h.
    Random random = new Random(7);
    StageTally t = StageTally.empty();
    double[] samples = new double[10_000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = 240 + random.nextDouble() * 720;
      t = t.add(samples[i], ShipmentState.ARRIVED, T0);
    }
    Arrays.sort(samples);
    double p50 = samples[samples.length / 2];
    double p90 = samples[samples.length * 9 / 10];
    assertEquals(p50, t.percentileMinutes(0.5), p50 * 0.05);
    assertEquals(p90, t.percentileMinutes(0.9), p90 * 0.05);
  }

  @Test
  void percentilesStayWithinTheSamples() {
    StageTally one = StageTally.empty().add(42, ShipmentState.ARRIVED, T0);
    assertEquals(42, one.percentileMinutes(0.5), 1e-9, "a single sample is every percentile");
    assertEquals(42, one.percentileMinutes(0.9), 1e-9);
    StageTally seconds = StageTally.empty().add(0.1, null, T0).add(0.2, null, T0);
    assertTrue(seconds.percentileMinutes(0.5) >= 0.1 && seconds.percentileMinutes(0.5) <= 0.2);
  }

  @Test
  void aNegativeDurationCountsAsZero() {
    StageTally t = StageTally.empty().add(-5, ShipmentState.ARRIVED, T0);
    assertEquals(0, t.minMinutes(), 1e-9);
    assertEquals(0, t.meanMinutes(), 1e-9);
  }

  @Test
  void itRemembersWhereParcelsWentNext() {
    StageTally t = StageTally.empty();
    assertNull(t.usualNext());
    t = t.add(60, ShipmentState.DEPARTED, T0);
    t = t.add(60, ShipmentState.DEPARTED, T0);
    t = t.add(60, ShipmentState.OUT_FOR_DELIVERY, T0.plusSeconds(60));
    assertEquals(ShipmentState.DEPARTED, t.usualNext());
    assertEquals(Map.of("DEPARTED", 2L, "OUT_FOR_DELIVERY", 1L), t.nextCounts());
    assertEquals(T0.plusSeconds(60), t.updatedAt());
  }

  @Test
  void itsSizeIsFixedWhateverTheTraffic() {
    StageTally t = StageTally.empty();
    for (int i = 0; i < 5_000; i++) t = t.add(i * 7.3, ShipmentState.ARRIVED, T0);
    assertEquals(StageTally.BUCKETS, t.buckets().length);
    assertEquals(ShipmentState.values().length, t.next().length);
    assertEquals(5_000, Arrays.stream(t.buckets()).sum());
  }

  @Test
  void bucketsCoverSecondsToMonths() {
    assertEquals(0, StageTally.bucketOf(0.5));
    assertEquals(1, StageTally.bucketOf(1));
    double year = 365 * 86_400.0;
    assertTrue(StageTally.bucketOf(year) < StageTally.BUCKETS - 1, "a year is still resolved");
    assertEquals(StageTally.BUCKETS - 1, StageTally.bucketOf(1e12));
  }

  @Test
  void theSummaryCarriesTheKeyAndTheFigures() {
    StageTally t = StageTally.empty();
    for (int i = 1; i <= 10; i++) t = t.add(i * 60, ShipmentState.ARRIVED, T0.plusSeconds(i));
    StageSummary s = t.summary(KEY);
    assertEquals(KEY.id(), s.key());
    assertEquals("DEPARTED|116>ZONE|AIR|SF", s.key());
    assertEquals(ShipmentState.DEPARTED, s.stage());
    assertEquals("已发运", s.stageZh());
    assertEquals(10, s.count());
    assertEquals(330, s.meanMinutes(), 1e-9);
    assertEquals(60, s.minMinutes(), 1e-9);
    assertEquals(600, s.maxMinutes(), 1e-9);
    assertEquals(ShipmentState.ARRIVED, s.usualNext());
    assertEquals(10L, s.wentTo(ShipmentState.ARRIVED));
    assertTrue(s.trusted());
    assertEquals(T0.plusSeconds(10), s.updatedAt());
    assertTrue(!s.overall() && StageKey.overall(ShipmentState.DEPARTED).isOverall());
  }
}
