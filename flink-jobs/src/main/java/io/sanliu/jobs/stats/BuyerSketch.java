package io.sanliu.jobs.stats;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.memory.WritableMemory;

/**
 * Distinct buyers, approximately: an Apache DataSketches HyperLogLog sketch of the buyers' keyed
 * hashes (log2 k = 12: about 1.6 % relative standard error; below a few hundred buyers the sketch's
 * list and set modes are practically exact). It is kept as a byte array Flink serialises without
 * help, and sketches of two windows merge.
 *
 * <p>Two forms, for state size and speed. While a sketch holds few buyers (list and set modes) it
 * is the small compact image, rebuilt on each update (cheap at that size): most slices of a minute
 * see a handful of buyers. Once it holds enough to be a real HyperLogLog it becomes the updatable
 * HLL_8 image (4 KB, a byte per bucket, no exception table, so it never outgrows its array),
 * updated in place: decoding and re-encoding a 4 KB image for every buyer cost ten times the update
 * itself.
 */
public final class BuyerSketch {
  static final int LG_K = 12;
  static final TgtHllType TYPE = TgtHllType.HLL_8;
  static final int IMAGE_BYTES = HllSketch.getMaxUpdatableSerializationBytes(LG_K, TYPE);

  private BuyerSketch() {}

  /** {@code image} (null: empty) with {@code buyer} added; the same array once it is large. */
  public static byte[] add(byte[] image, String buyer) {
    if (image == null) {
      HllSketch sketch = new HllSketch(LG_K, TYPE);
      sketch.update(buyer);
      return sketch.toCompactByteArray();
    }
    if (inPlace(image)) {
      HllSketch.writableWrap(WritableMemory.writableWrap(image)).update(buyer);
      return image;
    }
    HllSketch sketch = HllSketch.heapify(image);
    sketch.update(buyer);
    return imageOf(sketch);
  }

  /**
   * {@code image} (null: empty) with the buyers of {@code more} added; the same array once it is
   * large (the union is taken in place), as {@link #add} does for one buyer. {@code more} is never
   * adopted: with object reuse the windows of every size are handed the same sum, and an adopted
   * array updated in place by one would count in all.
   */
  public static byte[] addAll(byte[] image, byte[] more) {
    if (more == null) return image;
    if (image == null) return more.clone();
    if (image != null && inPlace(image)) {
      Union union = Union.writableWrap(WritableMemory.writableWrap(image));
      union.update(HllSketch.wrap(Memory.wrap(more)));
      // A union of two HLL arrays leaves the image flagged for a rebuild of its estimator, which a
      // read-only wrap refuses to do: the estimate rebuilds it here, while it is writable.
      union.getEstimate();
      return image;
    }
    return merge(image, more);
  }

  /** The union of two sketches (either may be null), as a new image. */
  public static byte[] merge(byte[] a, byte[] b) {
    if (a == null) return b;
    if (b == null) return a;
    Union union = new Union(LG_K);
    union.update(HllSketch.wrap(Memory.wrap(a)));
    union.update(HllSketch.wrap(Memory.wrap(b)));
    return imageOf(union.getResult(TYPE));
  }

  /** The estimated number of distinct buyers. */
  public static long estimate(byte[] image) {
    return image == null ? 0 : Math.round(HllSketch.wrap(Memory.wrap(image)).getEstimate());
  }

  /** Whether {@code image} is the large form, updated in place. */
  static boolean inPlace(byte[] image) {
    return image.length == IMAGE_BYTES && !HllSketch.wrap(Memory.wrap(image)).isCompact();
  }

  /** An empty sketch on the heap, to update many times before taking its image. */
  static HllSketch empty() {
    return new HllSketch(LG_K, TYPE);
  }

  /** The compact image while small, the updatable HLL_8 image once in HLL mode. */
  static byte[] imageOf(HllSketch sketch) {
    HllSketch hll8 = sketch.getTgtHllType() == TYPE ? sketch : sketch.copyAs(TYPE);
    // Only in HLL mode does the updatable image take its full size.
    if (hll8.getUpdatableSerializationBytes() < IMAGE_BYTES) return hll8.toCompactByteArray();
    return hll8.toUpdatableByteArray();
  }
}
