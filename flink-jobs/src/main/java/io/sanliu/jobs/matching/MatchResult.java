package io.sanliu.jobs.matching;

import java.util.List;

/**
 * The outcome of comparing one parcel's documents.
 *
 * @param missing the documents not there: order, payment, waybill, list
 * @param checks every comparison made, passed or failed
 */
public record MatchResult(
    String ebpCode,
    String orderNo,
    MatchStatus status,
    List<String> missing,
    List<FieldCheck> checks) {

  public List<FieldCheck> failures() {
    return checks.stream().filter(c -> !c.ok()).toList();
  }
}
