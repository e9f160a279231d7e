package io.sanliu.model.risk;

/** An alert's place in its review lifecycle; the risk engine creates alerts {@link #OPEN}. */
public enum AlertStatus {
  OPEN,
  ACKNOWLEDGED,
  CLOSED_TRUE_POSITIVE,
  CLOSED_FALSE_POSITIVE
}
