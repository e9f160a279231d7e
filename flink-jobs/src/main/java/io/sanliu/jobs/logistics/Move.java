package io.sanliu.jobs.logistics;

/** What a report on the timeline does to the parcel's state (see {@link ShipmentTransitions}). */
public enum Move {
  /** The first report known: the journey starts there, whatever it is. */
  FIRST,
  /** A legal transition to another state. */
  ADVANCE,
  /** The same state reported again (another pick-up scan, a second arrival scan): no change. */
  REPEAT,
  /**
   * A customs status of a state the parcel already went through (399 after 120, 899 after 800,
   * arriving after the parcel moved on): it confirms, it does not move the parcel back.
   */
  CONFIRM,
  /** Back from an exception to the state the parcel was in before it. */
  RESUME,
  /**
   * A transition the table does not allow: recorded as an anomaly, and the state still follows the
   * latest report (the timeline shows what was reported; it does not guess).
   */
  ILLEGAL;

  /** Whether the state after the report differs from before it (a new stage begins). */
  public boolean changesState() {
    return this == FIRST || this == ADVANCE || this == RESUME || this == ILLEGAL;
  }
}
