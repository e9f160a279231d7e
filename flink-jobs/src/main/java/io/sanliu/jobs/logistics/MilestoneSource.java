package io.sanliu.jobs.logistics;

/** Who reported a step of a parcel's timeline. */
public enum MilestoneSource {
  /** A carrier's tracking event. */
  TRACKING,
  /** The customs list itself: its declaration. */
  CUSTOMS_LIST,
  /** A customs receipt of the list (its status: accepted, released...). */
  CUSTOMS_RECEIPT
}
