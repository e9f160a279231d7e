package io.sanliu.api.credit;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.sanliu.api.ElasticCalls;
import io.sanliu.model.elastic.Indices;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/** The append-only record of negative-list changes ({@code sanliu-negative-list-audit}). */
final class NegativeListAudit {
  static final int MAX_ENTRIES = 100;

  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;

  NegativeListAudit(ElasticsearchAsyncClient client, ElasticCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  /** Records a change; written again (a retry), it stays one entry. */
  Future<Void> record(NegativeListAuditEntry entry) {
    return calls
        .call(
            "negative-list-audit.index",
            () ->
                client.index(
                    i ->
                        i.index(Indices.NEGATIVE_LIST_AUDIT)
                            .id(entry.documentId())
                            .document(entry)
                            .refresh(Refresh.WaitFor)))
        .mapEmpty();
  }

  /** Every change of an entry, oldest first. */
  Future<List<NegativeListAuditEntry>> of(String entryId) {
    return calls
        .call(
            "negative-list-audit.search",
            () ->
                client.search(
                    s ->
                        s.index(Indices.NEGATIVE_LIST_AUDIT)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(MAX_ENTRIES)
                            .query(q -> q.term(t -> t.field("entryId").value(entryId)))
                            .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc))),
                    NegativeListAuditEntry.class))
        .map(r -> r.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList());
  }
}
