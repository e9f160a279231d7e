package io.sanliu.api.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.sanliu.api.ElasticCalls;
import io.sanliu.model.elastic.Indices;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Review states in {@code sanliu-alert-status}, written with optimistic concurrency: the first
 * review creates the document ({@code op_type=create}), later ones replace it only if nobody
 * changed it since it was read ({@code if_seq_no}/{@code if_primary_term}). A lost race fails with
 * {@link ConcurrentReviewException}; the caller reads again and re-decides.
 */
final class AlertStatusStore {
  private final DocumentStore<AlertLifecycle> documents;
  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;

  AlertStatusStore(ElasticsearchAsyncClient client, ElasticCalls calls) {
    this.documents = new DocumentStore<>(client, calls, Indices.ALERT_STATUS, AlertLifecycle.class);
    this.client = client;
    this.calls = calls;
  }

  Future<Optional<DocumentStore.Versioned<AlertLifecycle>>> get(String alertId) {
    return documents.get(alertId);
  }

  Future<Map<String, AlertLifecycle>> all(List<String> alertIds) {
    return documents.all(alertIds);
  }

  /**
   * Writes {@code next} if the stored state is still {@code read} (empty: no document yet). Waits
   * for a refresh, so a list asked right after shows the change.
   */
  Future<Void> save(AlertLifecycle next, Optional<DocumentStore.Versioned<AlertLifecycle>> read) {
    return calls
        .call(
            "alert-status.index",
            () ->
                client.index(
                    i -> {
                      i.index(Indices.ALERT_STATUS)
                          .id(next.alertId())
                          .document(next)
                          .refresh(Refresh.WaitFor);
                      if (read.isEmpty()) {
                        i.opType(OpType.Create);
                      } else {
                        i.ifSeqNo(read.get().seqNo()).ifPrimaryTerm(read.get().primaryTerm());
                      }
                      return i;
                    }))
        .recover(
            e ->
                Future.failedFuture(
                    ElasticCalls.status(e) == 409
                        ? new ConcurrentReviewException(next.alertId())
                        : e))
        .mapEmpty();
  }

  /** Someone else changed the alert's review state between our read and our write. */
  static final class ConcurrentReviewException extends RuntimeException {
    ConcurrentReviewException(String alertId) {
      super("the review state of " + alertId + " changed concurrently", null, false, false);
    }
  }
}
