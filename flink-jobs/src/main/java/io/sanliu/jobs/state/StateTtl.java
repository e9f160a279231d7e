package io.sanliu.jobs.state;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * The time-to-live of the jobs' keyed state: a bound on what keys no longer seen may leave behind.
 * Flink's default checks five entries of the operator's whole state on every access of any entry,
 * and for map states every element of each; in a profile of the risk engine that took half of the
 * identity rules' time and a third of several other families'. One entry per access still visits
 * every entry as often as keys are added, so state stays bounded.
 */
public final class StateTtl {
  private StateTtl() {}

  public static StateTtlConfig of(Duration ttl) {
    return StateTtlConfig.newBuilder(ttl).cleanupIncrementally(1, false).build();
  }
}
