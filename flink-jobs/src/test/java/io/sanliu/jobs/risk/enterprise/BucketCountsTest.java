package io.sanliu.jobs.risk.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BucketCountsTest {
  static final long H = 3_600_000;
  static final long T0 = 1_795_000_000_000L / H * H;

  @Test
  void countsPerAlignedBucketKeepingOnlyBucketsWithOrders() {
    BucketCounts c = BucketCounts.empty(H);
    c = c.add(T0 + 5).add(T0 + H - 1).add(T0 + 3 * H);
    assertEquals(2, c.count(T0));
    assertEquals(0, c.count(T0 + H), "an empty bucket");
    assertEquals(1, c.count(T0 + 3 * H));
    assertEquals(2, c.size(), "nothing stored for the empty ones");
    assertEquals(T0, c.firstStart());
  }

  @Test
  void anOrderFarAheadKeepsTheHistory() {
    // Kept by event time, not by the newest order: a partition running a day ahead (or a sender's
    // clock) must not push out the hours a window still closing needs.
    BucketCounts c = BucketCounts.empty(H).add(T0).add(T0 + 30 * H);
    assertTrue(c.holds(T0));
    assertEquals(1, c.count(T0));
  }

  @Test
  void forgottenBucketsAreGoneAndLateOrdersForThemDropped() {
    BucketCounts c = BucketCounts.empty(H).add(T0).add(T0 + H).add(T0 + 2 * H + 10);
    BucketCounts kept = c.forgetBefore(T0 + H + 30);
    assertFalse(kept.holds(T0));
    assertTrue(kept.holds(T0 + H));
    assertEquals(0, kept.count(T0));
    assertEquals(1, kept.count(T0 + H));
    assertEquals(2, kept.size());
    assertEquals(T0, kept.firstStart(), "the history still starts at the first order");
    assertEquals(kept, kept.add(T0 + 20), "older than what is kept: dropped");
    assertEquals(2, kept.add(T0 + H + 1).count(T0 + H), "a late order still kept counts");
    assertSame(kept, kept.forgetBefore(T0), "forgetting less changes nothing");
  }

  @Test
  void aLateOrderCountsInItsBucketAndMovesTheHistoryBack() {
    BucketCounts c = BucketCounts.empty(H).add(T0 + 2 * H).add(T0 + H + 10);
    assertEquals(1, c.count(T0 + H));
    assertEquals(T0 + H, c.firstStart(), "an earlier first order");
    assertEquals(T0 - 5 * H, c.since(T0 - 5 * H + 1).firstStart(), "watched since then");
    assertSame(c, c.since(Long.MAX_VALUE));
  }

  @Test
  void raisedWindowsAreRememberedWithTheCountsAndForgottenWithThem() {
    BucketCounts c = BucketCounts.empty(H).add(T0).withRaised(T0 + H).add(T0 + 2 * H);
    assertTrue(c.raised(T0 + H), "kept through later orders");
    assertFalse(c.raised(T0));
    assertTrue(c.raisedOverlapping(T0 + 2 * H, 2 * H), "an hour apart, windows of two");
    assertFalse(c.raisedOverlapping(T0 + 3 * H, 2 * H), "two hours apart: no overlap");
    assertSame(c, c.withRaised(T0 + H), "recorded once");
    assertFalse(c.forgetBefore(T0 + 2 * H).raised(T0 + H), "forgotten with its hour");
  }
}
