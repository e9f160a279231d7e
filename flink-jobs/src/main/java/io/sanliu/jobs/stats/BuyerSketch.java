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
 * help, and sketches of two windows merge. The array is the sketch's updatable image, updated in
 * place: decoding and re-encoding a compact image for every buyer cost ten times the update itself,
 * and every order updates some twenty sketches. HLL_8 (a byte per bucket, 4 KB) needs no exception
 * table, so the sketch never outgrows its array.
 */
public final class BuyerSketch {
  static final int LG_K = 12;
  static final TgtHllType TYPE = TgtHllType.HLL_8;
  static final int IMAGE_BYTES = HllSketch.getMaxUpdatableSerializationBytes(LG_K, TYPE);

  private BuyerSketch() {}

  /** {@code image} (null: empty) with {@code buyer} added; the array itself when it can be. */
  public static byte[] add(byte[] image, String buyer) {
    byte[] target = updatable(image);
    HllSketch.writableWrap(WritableMemory.writableWrap(target)).update(buyer);
    return target;
  }

  /** The union of two sketches (either may be null), as a new image. */
  public static byte[] merge(byte[] a, byte[] b) {
    if (a == null) return b;
    if (b == null) return a;
    byte[] out = empty();
    // A union kept in an HLL_8 image is that image's sketch: it reads and updates as one.
    Union union = new Union(LG_K, WritableMemory.writableWrap(out));
    union.update(HllSketch.wrap(Memory.wrap(a)));
    union.update(HllSketch.wrap(Memory.wrap(b)));
    return out;
  }

  /** The estimated number of distinct buyers. */
  public static long estimate(byte[] image) {
    return image == null ? 0 : Math.round(HllSketch.wrap(Memory.wrap(image)).getEstimate());
  }

  private static byte[] empty() {
    byte[] image = new byte[IMAGE_BYTES];
    new HllSketch(LG_K, TYPE, WritableMemory.writableWrap(image));
    return image;
  }

  /** An updatable image of full size: new, the same array, or one converted from another form. */
  private static byte[] updatable(byte[] image) {
    if (image == null) return empty();
    if (image.length == IMAGE_BYTES) return image;
    // A compact image (as earlier versions stored): rebuilt once into the updatable form.
    byte[] out = empty();
    new Union(LG_K, WritableMemory.writableWrap(out)).update(HllSketch.heapify(image));
    return out;
  }
}
