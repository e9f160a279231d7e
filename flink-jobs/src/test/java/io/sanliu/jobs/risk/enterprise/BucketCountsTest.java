package io.sanliu.jobs.risk.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BucketCountsTest {
  static final long H = 3_600_000;
  static final long T0 = 1_795_000_000_000L / H * H;

  @Test
  void countsPerAlignedBucketAndKeepsOnlyTheNewest() {
    BucketCounts c = BucketCounts.empty(H, 3);
    c = c.add(T0 + 5, 3).add(T0 + H - 1, 3).add(T0 + H, 3);
    assertEquals(2, c.count(T0));
    assertEquals(1, c.count(T0 + H));
    assertEquals(T0, c.firstStart());
    c = c.add(T0 + 3 * H, 3);
    assertEquals(0, c.count(T0), "fell out of the three kept");
    assertFalse(c.holds(T0));
    assertTrue(c.holds(T0 + H));
    assertEquals(1, c.count(T0 + H));
    assertEquals(0, c.count(T0 + 2 * H), "an empty bucket");
    assertEquals(T0, c.firstStart(), "the history still starts at the first order");
  }

  @Test
  void aLateOrderCountsInItsBucketWhileItIsKept() {
    BucketCounts c = BucketCounts.empty(H, 3).add(T0 + 2 * H, 3).add(T0 + H + 10, 3);
    assertEquals(1, c.count(T0 + H));
    assertEquals(T0 + H, c.firstStart(), "an earlier first order");
    BucketCounts tooLate = c.add(T0 - H, 3);
    assertEquals(c, tooLate, "older than what is kept: dropped");
  }
}
