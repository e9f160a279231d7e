package io.sanliu.jobs.matching;

/**
 * What the matcher reports about a parcel: the comparison and the documents it was made on, so the
 * parcel's risk rules can look further (tax, weight, payer type) without keeping state of their
 * own.
 *
 * @param parcelKey {@code ebpCode:orderNo}, or {@code logisticsCode:logisticsNo} for a waybill no
 *     customs list ever named
 */
public record ParcelOutcome(String parcelKey, MatchResult result, ParcelDocuments documents) {

  public MatchStatus status() {
    return result.status();
  }
}
