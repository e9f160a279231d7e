package io.sanliu.model.credit;

/** The kinds of market participant that get a credit profile, named as the documents name them. */
public enum Participant {
  /** The e-commerce enterprise ({@code ebcCode}). */
  ENTERPRISE,
  /** The e-commerce platform ({@code ebpCode}). */
  PLATFORM,
  /** The payment firm ({@code payCode}). */
  PAYMENT,
  /** The logistics firm ({@code logisticsCode}). */
  LOGISTICS,
  /** A sender named by an alert about its messages (replays, refused input), role not known. */
  SENDER
}
