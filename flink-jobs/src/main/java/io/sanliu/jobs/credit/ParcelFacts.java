package io.sanliu.jobs.credit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link ParcelAttribution} remembers of one parcel: its participants, its value, what it has
 * already reported (so a result seen twice counts once), and the signals waiting for the parcel's
 * enterprise to be known.
 */
public class ParcelFacts {
  public String ebcCode;
  public String ebpCode;
  public String payCode;
  public String logisticsCode;
  public Double amountCny;

  /** 0: no match result reported yet; 1: matched; 2: failed. */
  public int matchReported;

  public boolean released;
  public boolean verifiedReported;
  public Set<String> statusesReported = new HashSet<>();
  public Set<String> alertsReported = new HashSet<>();
  public Set<String> reviewsReported = new HashSet<>();
  public Set<String> evaluationsReported = new HashSet<>();
  public List<ParcelSignal> pending = new ArrayList<>();
  public long lastTime = Long.MIN_VALUE;

  public ParcelFacts() {}
}
