package io.sanliu.jobs.matching;

import java.time.Instant;
import java.util.List;

/**
 * A parcel's match result as stored in Elasticsearch (one document per parcel, the latest wins).
 *
 * @param failedFields the fields that disagreed, for filtering without reading every check
 */
public record MatchDocument(
    String parcelKey,
    String ebpCode,
    String orderNo,
    String status,
    List<String> missing,
    List<String> failedFields,
    List<FieldCheck> checks,
    Instant decidedAt) {

  public static MatchDocument of(String parcelKey, MatchResult r, Instant at) {
    return new MatchDocument(
        parcelKey,
        r.ebpCode(),
        r.orderNo(),
        r.status().name(),
        r.missing(),
        r.failures().stream().map(c -> c.documents() + ":" + c.field()).toList(),
        r.checks(),
        at);
  }
}
