package io.sanliu.api.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.sanliu.api.ElasticCalls;
import io.sanliu.model.elastic.Indices;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/** The append-only record of review changes ({@code sanliu-alert-audit}). */
public final class AuditTrail {
  /** More changes than any alert sees; the detail view shows them all. */
  static final int MAX_ENTRIES = 1_000;

  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;

  public AuditTrail(ElasticsearchAsyncClient client, ElasticCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  /**
   * Records a change. The id is {@code alertId:revision}, so writing the same change twice (a
   * retry) keeps one entry.
   */
  Future<Void> record(AuditEntry entry) {
    return calls
        .call(
            "alert-audit.index",
            () ->
                client.index(
                    i ->
                        i.index(Indices.ALERT_AUDIT)
                            .id(entry.documentId())
                            .document(entry)
                            .refresh(Refresh.WaitFor)))
        .mapEmpty();
  }

  /** Every change of an alert, oldest first. */
  public Future<List<AuditEntry>> of(String alertId) {
    return calls
        .call(
            "alert-audit.search",
            () ->
                client.search(
                    s ->
                        s.index(Indices.ALERT_AUDIT)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(MAX_ENTRIES)
                            .query(q -> q.term(t -> t.field("alertId").value(alertId)))
                            .sort(o -> o.field(f -> f.field("revision").order(SortOrder.Asc))),
                    AuditEntry.class))
        .map(r -> r.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList());
  }
}
