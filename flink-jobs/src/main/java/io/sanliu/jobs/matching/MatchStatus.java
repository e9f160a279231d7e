package io.sanliu.jobs.matching;

/** Where a parcel's three-document comparison stands. */
public enum MatchStatus {
  /** Order, payment, waybill and list are all there and agree. */
  COMPLETE,
  /** A comparison failed, whatever else is missing. */
  MISMATCH,
  /** Nothing failed so far, but documents are missing. */
  INCOMPLETE
}
