package io.sanliu.simulator.traffic;

import java.time.Instant;

/** What the traffic engine hands out, in order of due time: a document to send, or a label. */
public sealed interface Emission permits Doc, Label {
  /** When it is due (wall clock, when sending live). */
  Instant dueAt();
}
