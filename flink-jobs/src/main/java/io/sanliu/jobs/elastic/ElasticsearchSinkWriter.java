package io.sanliu.jobs.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.sanliu.elastic.ElasticClients;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches as bulk requests. Items refused for a passing reason (429 too many requests, 5xx)
 * are retried; any other refusal (a mapping conflict, say) fails the job, since retrying cannot fix
 * it and dropping it would lose data.
 */
final class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, IndexRequestEntry> {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

  private final ElasticClients clients;
  private final ElasticsearchAsyncClient client;

  ElasticsearchSinkWriter(
      ElementConverter<T, IndexRequestEntry> converter,
      WriterInitContext context,
      ElasticsearchSinkSettings settings,
      Collection<BufferedRequestState<IndexRequestEntry>> state) {
    super(
        converter,
        context,
        AsyncSinkWriterConfiguration.builder()
            .setMaxBatchSize(settings.maxBatchSize())
            .setMaxBatchSizeInBytes(settings.maxBatchSizeInBytes())
            .setMaxInFlightRequests(settings.maxInFlightRequests())
            .setMaxBufferedRequests(settings.maxBufferedRequests())
            .setMaxTimeInBufferMS(settings.maxTimeInBufferMs())
            .setMaxRecordSizeInBytes(settings.maxRecordSizeInBytes())
            .build(),
        state);
    this.clients = ElasticClients.connect(settings.url(), settings.username(), settings.password());
    this.client = clients.async();
  }

  @Override
  protected void submitRequestEntries(
      List<IndexRequestEntry> entries, ResultHandler<IndexRequestEntry> result) {
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (IndexRequestEntry e : entries) {
      bulk.operations(
          op ->
              op.index(
                  i ->
                      i.index(e.index())
                          .id(e.id())
                          .document(BinaryData.of(e.source(), ContentType.APPLICATION_JSON))));
    }
    client
        .bulk(bulk.build())
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                // The cluster is unreachable or restarting: the whole batch is tried again.
                LOG.warn(
                    "bulk request failed, retrying {} documents: {}",
                    entries.size(),
                    failure.toString());
                result.retryForEntries(entries);
              } else {
                handle(entries, response, result);
              }
            });
  }

  private static void handle(
      List<IndexRequestEntry> entries,
      BulkResponse response,
      ResultHandler<IndexRequestEntry> result) {
    if (!response.errors()) {
      result.complete();
      return;
    }
    List<IndexRequestEntry> retry = new ArrayList<>();
    List<BulkResponseItem> items = response.items();
    for (int i = 0; i < items.size(); i++) {
      BulkResponseItem item = items.get(i);
      if (item.error() == null) continue;
      if (item.status() == 429 || item.status() >= 500) {
        retry.add(entries.get(i));
      } else {
        result.completeExceptionally(
            new ElasticsearchSinkException(
                "document "
                    + item.index()
                    + "/"
                    + item.id()
                    + " refused with status "
                    + item.status()
                    + ": "
                    + item.error().type()
                    + ": "
                    + item.error().reason()));
        return;
      }
    }
    if (retry.isEmpty()) result.complete();
    else result.retryForEntries(retry);
  }

  @Override
  protected long getSizeInBytes(IndexRequestEntry entry) {
    return entry.sizeInBytes();
  }

  @Override
  public void close() {
    super.close();
    clients.close();
  }
}
