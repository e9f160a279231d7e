package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.logistics.ShipmentState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StallPolicyTest {
  final StallPolicy policy = new StallPolicy(3, Duration.ofHours(2), Duration.ofDays(3));

  static Optional<StageSummary> usual(double... minutes) {
    StageTally t = StageTally.empty();
    for (double m : minutes) t = t.add(m, ShipmentState.ARRIVED, T0);
    return Optional.of(t.summary(StageKey.overall(ShipmentState.DEPARTED)));
  }

  @Test
  void theLimitIsTheFactorTimesTheMedian() {
    Optional<StageSummary> usual = usual(600, 600, 600, 600, 600, 10_000);
    double median = usual.get().p50Minutes();
    assertTrue(median >= 600 && median <= 750, "within the median's bucket: " + median);
    Duration limit = policy.limit(usual);
    assertEquals(Duration.ofMillis(Math.round(median * 3 * 60_000)), limit);
    assertTrue(
        limit.toMinutes() < 3 * usual.get().meanMinutes(),
        "a parcel that stalled once does not make stalling usual");
  }

  @Test
  void theLimitIsNeverBelowTheFloor() {
    assertEquals(Duration.ofHours(2), policy.limit(usual(5, 5, 5, 5, 5)));
  }

  @Test
  void withoutHistoryTheDefaultApplies() {
    assertEquals(Duration.ofDays(3), policy.limit(Optional.empty()));
  }

  @Test
  void itIsConfigured() {
    StallPolicy configured =
        StallPolicy.from(
            Config.defaults()
                .with(
                    Map.of(
                        ConfigKey.LOGISTICS_STALL_FACTOR, "2.5",
                        ConfigKey.LOGISTICS_STALL_FLOOR, "PT1M",
                        ConfigKey.LOGISTICS_STALL_DEFAULT, "PT10M")));
    assertEquals(new StallPolicy(2.5, Duration.ofMinutes(1), Duration.ofMinutes(10)), configured);
    assertEquals(
        new StallPolicy(3, Duration.ofHours(2), Duration.ofDays(3)),
        StallPolicy.from(Config.defaults()),
        "the documented defaults");
    assertThrows(IllegalArgumentException.class, () -> new StallPolicy(0, Duration.ZERO, null));
  }
}
