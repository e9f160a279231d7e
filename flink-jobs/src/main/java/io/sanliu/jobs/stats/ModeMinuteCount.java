package io.sanliu.jobs.stats;

import java.time.Instant;

/** Orders of one trade mode in one event-time minute, as stored in Elasticsearch. */
public record ModeMinuteCount(
    String tradeMode, Instant windowStart, Instant windowEnd, long orders, Instant updatedAt) {

  /** Deterministic: a late update or a replay overwrites the same document. */
  public String documentId() {
    return tradeMode + ":" + windowStart.toEpochMilli();
  }
}
