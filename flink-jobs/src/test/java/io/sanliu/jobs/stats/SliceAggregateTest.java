package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SliceAggregateTest {
  static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");
  final SliceAggregate aggregate = new SliceAggregate();

  static SlicePartial entry(long parcels, long cents, String buyer) {
    return SlicePartial.of(
        new SliceEntry("PLATFORM|TOTAL|-|ALL", 1, parcels, cents, buyer, "K", "G", AT));
  }

  SliceMeasures addAll(SlicePartial... parts) {
    SliceMeasures m = aggregate.createAccumulator();
    for (SlicePartial p : parts) m = aggregate.add(p, m);
    return aggregate.getResult(m);
  }

  @Test
  void sumsOrdersParcelsAndCentsExactly() {
    SliceMeasures m =
        addAll(entry(1, 10, null), entry(3, 1_999_999_999_999L, null), entry(1, 1, null));

    assertEquals(3, m.orders);
    assertEquals(5, m.parcels);
    assertEquals(2_000_000_000_010L, m.valueCents);
    assertNull(m.buyers, "no sketch until a buyer is seen");
    assertEquals(0, m.buyerEstimate());
  }

  @Test
  void countsEachBuyerOnce() {
    SliceMeasures m =
        addAll(entry(1, 1, "a"), entry(1, 1, "b"), entry(1, 1, "a"), entry(1, 1, null));

    assertEquals(4, m.orders);
    assertEquals(2, m.buyerEstimate());
  }

  @Test
  void estimatesManyDistinctBuyersWithinAFewPercent() {
    SliceMeasures m = aggregate.createAccumulator();
    for (int i = 0; i < 20_000; i++) m = aggregate.add(entry(1, 1, "buyer-" + (i % 10_000)), m);

    long estimate = m.buyerEstimate();
    assertTrue(Math.abs(estimate - 10_000) <= 500, "estimate " + estimate + " of 10000");
    // Bounded state: at most one 4 KB image per slice and window, however many buyers.
    assertTrue(m.buyers.length <= BuyerSketch.IMAGE_BYTES, m.buyers.length + " bytes");
    assertTrue(BuyerSketch.IMAGE_BYTES < 4_200, BuyerSketch.IMAGE_BYTES + " bytes");
  }

  @Test
  void mergesTwoWindowsMeasuresAndTheirBuyers() {
    SliceMeasures a = addAll(entry(1, 100, "a"), entry(1, 200, "b"));
    SliceMeasures b = addAll(entry(2, 300, "b"), entry(1, 400, "c"));

    SliceMeasures m = aggregate.merge(a, b);

    assertEquals(4, m.orders);
    assertEquals(5, m.parcels);
    assertEquals(1000, m.valueCents);
    assertEquals(3, m.buyerEstimate());
    assertEquals(
        3, aggregate.merge(a, addAll(entry(1, 1, null), entry(1, 1, "c"))).buyerEstimate());
  }
}
