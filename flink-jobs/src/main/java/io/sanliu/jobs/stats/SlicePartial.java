package io.sanliu.jobs.stats;

import java.time.Instant;

/**
 * What one or more documents add to one cube slice within one minute: the job sums a minute's
 * entries of each slice before they are shuffled to the windows ({@link SliceCombiner}), so the
 * windows take one record per slice and minute rather than one per document. A document that comes
 * after its minute has closed travels alone and keeps its key for the dead letter.
 *
 * @param slice the slice's key text ({@link SliceKey#text()})
 * @param orders documents summed
 * @param buyers {@link BuyerSketch} image of their buyers, or null (none named)
 * @param documentKey the one document it stands for ({@code ebpCode:orderNo}), or null for a sum
 * @param sourceGuid the guid of that document's record, or null for a sum
 * @param eventTime the latest event time among its documents (all in the same minute)
 */
public record SlicePartial(
    String slice,
    long orders,
    long parcels,
    long valueCents,
    byte[] buyers,
    String documentKey,
    String sourceGuid,
    Instant eventTime) {

  /** One document's entry on its own. */
  public static SlicePartial of(SliceEntry e) {
    return new SlicePartial(
        e.slice(),
        e.orders(),
        e.parcels(),
        e.valueCents(),
        e.buyer() == null ? null : BuyerSketch.add(null, e.buyer()),
        e.documentKey(),
        e.sourceGuid(),
        e.eventTime());
  }

  public SliceKey key() {
    return SliceKey.parse(slice);
  }
}
