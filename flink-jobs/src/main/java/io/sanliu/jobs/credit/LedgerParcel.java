package io.sanliu.jobs.credit;

import io.sanliu.jobs.matching.ParcelDocuments;

/**
 * What {@link VerifiedTradeLedger} remembers of one parcel until it is verified: how its first
 * match ended (with the documents when matched), when customs released it, and whether its entry is
 * written.
 */
public class LedgerParcel {
  /** 0: no match result yet; 1: matched COMPLETE first; 2: its first result was a failure. */
  public int firstMatch;

  public ParcelDocuments documents;

  /** Event time (epoch ms) of the first release (800) receipt; null before one. */
  public Long releasedAt;

  public boolean written;
  public long lastTime = Long.MIN_VALUE;

  public LedgerParcel() {}
}
