package io.sanliu.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.sanliu.elastic.ElasticClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw bulk-indexing figures for the platform's own documents: fresh index per repetition (one
 * shard, no replica, no refresh during the load), deterministic ids, the same {@code BinaryData}
 * bulk call as the Flink Elasticsearch sink. Each client is a thread with its own connection pool
 * and one bulk request in flight, over its own slice of the ids.
 */
public final class ElasticBaselines {
  public static final String ONE_CLIENT = "es.bulk.1client";
  public static final String TWO_CLIENTS = "es.bulk.2clients";
  static final String INDEX_PREFIX = "bench-orders-";
  static final String INDEX_RESOURCE = "bench-orders-index.json";
  private static final int MAX_ATTEMPTS = 10;

  /** A document ready to send: its id and its JSON source. */
  public record Doc(String id, byte[] source) {}

  private final String url;
  private final Trials trials;
  private final PrintStream progress;
  private final AtomicLong retriedItems = new AtomicLong();

  public ElasticBaselines(String url, Trials trials, PrintStream progress) {
    this.url = url;
    this.trials = trials;
    this.progress = progress;
  }

  public List<BenchResult> run(List<Doc> docs, int warmup, int repetitions, int bulkSize)
      throws Exception {
    List<Trials.Spec> specs = new ArrayList<>();
    for (int clients : new int[] {1, 2}) {
      String tag = clients + "c-";
      specs.add(
          new Trials.Spec(
              clients == 1 ? ONE_CLIENT : TWO_CLIENTS,
              "docs",
              rep ->
                  index(INDEX_PREFIX + tag + "warmup", docs.subList(0, warmup), clients, bulkSize),
              rep -> index(INDEX_PREFIX + tag + rep, docs, clients, bulkSize),
              String.format(
                  Locale.ROOT,
                  "flattened order docs, %d per bulk, %s; fresh index 1 shard 0 replicas"
                      + " refresh -1; _count checked after refresh",
                  bulkSize,
                  clients == 1
                      ? "1 client thread"
                      : clients + " client threads over disjoint id ranges")));
    }
    List<BenchResult> results = trials.measureInTurns(repetitions, specs);
    if (retriedItems.get() > 0) {
      progress.println(
          "  Elasticsearch refused " + retriedItems.get() + " items for a while (retried)");
    }
    return List.of(results.get(0), results.get(1).comparedWith(ONE_CLIENT));
  }

  /** Bulk items Elasticsearch refused for a while (429, 5xx) and that were sent again. */
  public long retriedItems() {
    return retriedItems.get();
  }

  /** Loads {@code docs} into a new index and checks the count; the index is deleted after. */
  Repetition index(String index, List<Doc> docs, int clients, int bulkSize) throws Exception {
    List<ElasticClients> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (ElasticClients admin = ElasticClients.connect(url, null, null)) {
      ElasticsearchClient es = admin.blocking();
      if (es.indices().exists(e -> e.index(index)).value()) {
        es.indices().delete(d -> d.index(index));
      }
      try (InputStream body =
          ElasticBaselines.class.getClassLoader().getResourceAsStream(INDEX_RESOURCE)) {
        if (body == null) throw new IllegalStateException("missing resource " + INDEX_RESOURCE);
        es.indices().create(c -> c.index(index).withJson(body));
      }
      es.cluster().health(h -> h.index(index).waitForStatus(HealthStatus.Yellow));

      List<Callable<Long>> streams = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        List<Doc> slice = docs.subList(docs.size() * c / clients, docs.size() * (c + 1) / clients);
        ElasticClients connection = ElasticClients.connect(url, null, null);
        connections.add(connection);
        ElasticsearchClient client = connection.blocking();
        streams.add(() -> load(client, index, slice, bulkSize));
      }
      long bytes = 0;
      long started = System.nanoTime();
      List<Future<Long>> running = new ArrayList<>();
      for (Callable<Long> stream : streams) running.add(pool.submit(stream));
      for (Future<Long> f : running) bytes += f.get();
      long nanos = System.nanoTime() - started;

      es.indices().refresh(r -> r.index(index));
      long count = es.count(c -> c.index(index)).count();
      if (count != docs.size()) {
        throw new IllegalStateException(
            index + " holds " + count + " documents, sent " + docs.size());
      }
      es.indices().delete(d -> d.index(index));
      return new Repetition(docs.size(), bytes, nanos);
    } finally {
      pool.shutdownNow();
      for (ElasticClients c : connections) c.close();
    }
  }

  /** One client's bulk stream; returns the source bytes sent. */
  private long load(ElasticsearchClient client, String index, List<Doc> docs, int bulkSize)
      throws IOException, InterruptedException {
    long bytes = 0;
    for (int from = 0; from < docs.size(); from += bulkSize) {
      List<Doc> batch = docs.subList(from, Math.min(docs.size(), from + bulkSize));
      for (Doc d : batch) bytes += d.source().length;
      send(client, index, batch);
    }
    return bytes;
  }

  /** Sends a batch; items refused for a passing reason (429, 5xx) are sent again. */
  private void send(ElasticsearchClient client, String index, List<Doc> batch)
      throws IOException, InterruptedException {
    List<Doc> pending = batch;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      BulkRequest.Builder bulk = new BulkRequest.Builder();
      for (Doc d : pending) {
        bulk.operations(
            op ->
                op.index(
                    i ->
                        i.index(index)
                            .id(d.id())
                            .document(BinaryData.of(d.source(), ContentType.APPLICATION_JSON))));
      }
      BulkResponse response = client.bulk(bulk.build());
      if (!response.errors()) return;
      List<Doc> retry = new ArrayList<>();
      List<BulkResponseItem> items = response.items();
      for (int i = 0; i < items.size(); i++) {
        BulkResponseItem item = items.get(i);
        if (item.error() == null) continue;
        if (item.status() == 429 || item.status() >= 500) {
          retry.add(pending.get(i));
        } else {
          throw new IllegalStateException(
              "document "
                  + item.id()
                  + " refused: "
                  + item.status()
                  + " "
                  + item.error().type()
                  + ": "
                  + item.error().reason());
        }
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new IllegalStateException(
            retry.size() + " documents still refused after " + attempt + " attempts");
      }
      retriedItems.addAndGet(retry.size());
      Thread.sleep(50L * attempt);
      pending = retry;
    }
  }
}
