package io.sanliu.jobs.stats;

import java.time.Instant;

/**
 * One rank of one ranking, as stored in {@code sanliu-trade-top}: the {@code rank}-th country,
 * enterprise or goods of a caliber, window and direction by value (then orders, then key).
 *
 * @param key the country code, enterprise code, or goods (HS code on the customs caliber, {@code
 *     ebcCode:itemNo} on the platform caliber)
 * @param name the country's Chinese name; absent for enterprises and goods
 */
public record TopEntryDocument(
    String caliber,
    String windowSize,
    Instant windowStart,
    Instant windowEnd,
    String dimension,
    String direction,
    int rank,
    String key,
    String name,
    long orders,
    long parcels,
    long valueCents,
    double valueCny,
    Instant updatedAt) {

  /**
   * Deterministic: the ranking and the rank, e.g. {@code
   * PLATFORM:1d:2026-11-21T16:00:00Z:COUNTRY:I:1}. A late document re-ranks the window and every
   * rank's document is overwritten; a ranking only grows (late documents add), so no rank of an
   * older version is left behind.
   */
  public String documentId() {
    return caliber
        + ":"
        + windowSize
        + ":"
        + windowStart
        + ":"
        + dimension
        + ":"
        + direction
        + ":"
        + rank;
  }
}
