package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;

class BuyerSketchTest {
  private static byte[] buyers(String prefix, int n) {
    byte[] image = null;
    for (int i = 0; i < n; i++) image = BuyerSketch.add(image, prefix + i);
    return image;
  }

  @Test
  void countsSmallSetsExactlyAndRepeatsOnce() {
    assertEquals(0, BuyerSketch.estimate(null));
    byte[] image = buyers("b", 250);
    for (int i = 0; i < 250; i++) image = BuyerSketch.add(image, "b" + i);
    assertEquals(250, BuyerSketch.estimate(image));
  }

  @Test
  void updatesItsArrayInPlaceThroughListSetAndHllModes() {
    byte[] image = BuyerSketch.add(null, "first");
    for (int i = 0; i < 50_000; i++) assertSame(image, BuyerSketch.add(image, "b" + i));
    long estimate = BuyerSketch.estimate(image);
    // log2 k = 12: 1.6 % standard error; 5 % is three of them.
    assertTrue(Math.abs(estimate - 50_001) < 50_001 * 0.05, "estimate " + estimate);
  }

  @Test
  void mergesWithoutCountingSharedBuyersTwiceAndTheResultKeepsCounting() {
    byte[] a = buyers("x", 300);
    byte[] b = buyers("x", 200);
    for (int i = 0; i < 100; i++) b = BuyerSketch.add(b, "y" + i);
    byte[] merged = BuyerSketch.merge(a, b);
    assertEquals(400, BuyerSketch.estimate(merged));
    merged = BuyerSketch.add(merged, "z");
    assertEquals(401, BuyerSketch.estimate(merged));
    assertSame(a, BuyerSketch.merge(a, null));
    assertEquals(300, BuyerSketch.estimate(a), "the inputs are left as they were");
  }

  @Test
  void readsAndGrowsACompactImageAsEarlierVersionsStoredIt() {
    HllSketch old = new HllSketch(12, TgtHllType.HLL_4);
    for (int i = 0; i < 120; i++) old.update("o" + i);
    byte[] compact = old.toCompactByteArray();
    assertEquals(120, BuyerSketch.estimate(compact));
    byte[] grown = BuyerSketch.add(compact, "new");
    assertEquals(121, BuyerSketch.estimate(grown));
  }
}
