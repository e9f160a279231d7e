package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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
  void countsSmallSetsExactlyAndRepeatsOnceInASmallImage() {
    assertEquals(0, BuyerSketch.estimate(null));
    byte[] image = buyers("b", 250);
    for (int i = 0; i < 250; i++) image = BuyerSketch.add(image, "b" + i);
    assertEquals(250, BuyerSketch.estimate(image));
    assertFalse(BuyerSketch.inPlace(image));
    assertTrue(buyers("few", 5).length < 64, "a handful of buyers costs a few bytes of state");
  }

  @Test
  void becomesTheLargeImageAndIsUpdatedInPlaceFromThen() {
    byte[] image = buyers("b", 2_000);
    assertTrue(BuyerSketch.inPlace(image));
    assertEquals(BuyerSketch.IMAGE_BYTES, image.length);
    for (int i = 2_000; i < 50_000; i++) assertSame(image, BuyerSketch.add(image, "b" + i));
    long estimate = BuyerSketch.estimate(image);
    // log2 k = 12: 1.6 % standard error; 5 % is three of them.
    assertTrue(Math.abs(estimate - 50_000) < 50_000 * 0.05, "estimate " + estimate);
  }

  @Test
  void mergesWithoutCountingSharedBuyersTwiceAndTheResultKeepsCounting() {
    byte[] a = buyers("x", 300);
    byte[] b = buyers("x", 200);
    for (int i = 0; i < 100; i++) b = BuyerSketch.add(b, "y" + i);
    byte[] merged = BuyerSketch.merge(a, b);
    // A union may leave the exact modes: within 1 % then.
    long estimate400 = BuyerSketch.estimate(merged);
    assertTrue(Math.abs(estimate400 - 400) <= 4, "estimate " + estimate400);
    merged = BuyerSketch.add(merged, "z");
    assertTrue(BuyerSketch.estimate(merged) >= estimate400, "one more buyer never counts less");
    assertSame(a, BuyerSketch.merge(a, null));
    assertEquals(300, BuyerSketch.estimate(a), "the inputs are left as they were");

    byte[] large = BuyerSketch.merge(buyers("p", 20_000), buyers("q", 20_000));
    assertTrue(BuyerSketch.inPlace(large));
    long estimate = BuyerSketch.estimate(large);
    assertTrue(Math.abs(estimate - 40_000) < 40_000 * 0.05, "estimate " + estimate);
  }

  @Test
  void addsAWholeSketchInPlaceOnceLargeAndAsANewImageWhileSmall() {
    byte[] large = buyers("x", 3_000);
    byte[] more = buyers("y", 50);
    long expected = BuyerSketch.estimate(BuyerSketch.merge(large, more));

    byte[] grown = BuyerSketch.addAll(large, more);

    assertSame(large, grown, "the large image takes the union in place");
    assertEquals(expected, BuyerSketch.estimate(grown));
    // Another large one: an HLL array into an HLL array, readable afterwards and still growing.
    byte[] other = buyers("z", 5_000);
    long union = BuyerSketch.estimate(BuyerSketch.merge(grown, other));
    assertSame(large, BuyerSketch.addAll(grown, other));
    assertTrue(
        Math.abs(BuyerSketch.estimate(large) - union) <= union / 100, "the union's estimate");
    assertSame(large, BuyerSketch.add(large, "w"), "still updated in place");
    assertTrue(Math.abs(BuyerSketch.estimate(large) - 8_050) < 400, "about 8,050 buyers");
    byte[] small = buyers("x", 10);
    byte[] both = BuyerSketch.addAll(small, buyers("x", 20));
    assertEquals(20, BuyerSketch.estimate(both), "shared buyers once");
    assertEquals(10, BuyerSketch.estimate(small), "a small image is not changed");
    assertSame(small, BuyerSketch.addAll(small, null));
    assertEquals(20, BuyerSketch.estimate(BuyerSketch.addAll(null, buyers("x", 20))));
  }

  @Test
  void readsAndGrowsTheHll4ImagesEarlierVersionsStored() {
    HllSketch old = new HllSketch(12, TgtHllType.HLL_4);
    for (int i = 0; i < 120; i++) old.update("o" + i);
    assertEquals(121, BuyerSketch.estimate(BuyerSketch.add(old.toCompactByteArray(), "new")));
    for (int i = 120; i < 10_000; i++) old.update("o" + i);
    byte[] grown = BuyerSketch.add(old.toCompactByteArray(), "new");
    assertTrue(BuyerSketch.inPlace(grown));
    assertTrue(Math.abs(BuyerSketch.estimate(grown) - 10_001) < 500);
  }

  @Test
  void aSketchAddedToNothingIsCopiedSoThatTwoWindowsGivenTheSameSumCountApart() {
    byte[] shared = buyers("s", 3_000); // a sum handed to the 1m, 1h and 1d windows alike
    byte[] minute = BuyerSketch.addAll(null, shared);
    byte[] hour = BuyerSketch.addAll(null, shared);
    long before = BuyerSketch.estimate(shared);

    for (int i = 0; i < 2_000; i++) minute = BuyerSketch.add(minute, "m" + i);

    assertNotSame(shared, minute);
    assertEquals(before, BuyerSketch.estimate(shared), "the sum is left as it was");
    assertEquals(before, BuyerSketch.estimate(hour), "the other window does not see the minute's");
  }
}
