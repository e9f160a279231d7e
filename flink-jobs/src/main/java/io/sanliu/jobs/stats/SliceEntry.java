package io.sanliu.jobs.stats;

import java.time.Instant;

/**
 * What one counted document adds to one cube slice.
 *
 * @param slice the slice's key text ({@link SliceKey#text()})
 * @param orders documents: always one
 * @param buyer keyed hash of the buyer, or null (none named; goods slices do not count buyers)
 * @param documentKey the counted document ({@code ebpCode:orderNo}), for dead letters
 * @param sourceGuid the guid of its record, for dead letters
 * @param eventTime when it counts
 */
public record SliceEntry(
    String slice,
    long orders,
    long parcels,
    long valueCents,
    String buyer,
    String documentKey,
    String sourceGuid,
    Instant eventTime) {

  public SliceKey key() {
    return SliceKey.parse(slice);
  }
}
