package io.sanliu.api.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ElasticCalls;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Documents of one index by id, as JSON trees (the alerts as the engine wrote them, fields the API
 * does not know included) or as a record type. A missing index reads as "no such document": the
 * review indices only come into being with the first review.
 */
final class DocumentStore<T> {
  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;
  private final String index;
  private final Class<T> type;

  DocumentStore(ElasticsearchAsyncClient client, ElasticCalls calls, String index, Class<T> type) {
    this.client = client;
    this.calls = calls;
    this.index = index;
    this.type = type;
  }

  /** A document with the sequence number and primary term it was read at. */
  record Versioned<T>(T value, long seqNo, long primaryTerm) {}

  Future<Optional<Versioned<T>>> get(String id) {
    return calls
        .call(
            index + ".get",
            () -> missingIndexAsAbsent(client.get(g -> g.index(index).id(id), type)))
        .map(
            r ->
                r == null || !r.found()
                    ? Optional.<Versioned<T>>empty()
                    : Optional.of(new Versioned<>(r.source(), r.seqNo(), r.primaryTerm())));
  }

  Future<Map<String, T>> all(List<String> ids) {
    if (ids.isEmpty()) return Future.succeededFuture(Map.of());
    return calls
        .call(index + ".mget", () -> client.mget(m -> m.index(index).ids(ids), type))
        .map(DocumentStore::found);
  }

  private static <T> Map<String, T> found(MgetResponse<T> response) {
    Map<String, T> out = new HashMap<>();
    for (var item : response.docs()) {
      // A failed item (e.g. the index does not exist yet) is a document we do not have.
      if (item.isResult() && item.result().found()) {
        out.put(item.result().id(), item.result().source());
      }
    }
    return out;
  }

  private static <T> CompletableFuture<GetResponse<T>> missingIndexAsAbsent(
      CompletableFuture<GetResponse<T>> get) {
    return get.exceptionallyCompose(
        e -> {
          // The index does not exist yet (no review so far): no such document.
          if (ElasticCalls.status(e) == 404) return CompletableFuture.completedFuture(null);
          return CompletableFuture.failedFuture(e);
        });
  }

  ElasticsearchAsyncClient client() {
    return client;
  }

  String index() {
    return index;
  }

  static DocumentStore<ObjectNode> trees(
      ElasticsearchAsyncClient client, ElasticCalls calls, String index) {
    return new DocumentStore<>(client, calls, index, ObjectNode.class);
  }
}
