package io.sanliu.jobs.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.sanliu.elastic.ElasticClients;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches as bulk requests. Items refused for a passing reason (429 too many requests, 5xx)
 * are retried; any other refusal (a mapping conflict, say) cannot be fixed by retrying: the
 * document goes to the dead-letter topic with Elasticsearch's reason, so one bad document neither
 * stops the job in a restart loop nor is lost. Without a dead-letter topic it fails the job.
 */
final class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, IndexRequestEntry> {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

  private final ElasticClients clients;
  private final ElasticsearchAsyncClient client;
  private final KafkaProducer<byte[], byte[]> deadLetters;

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
    this.deadLetters =
        settings.deadLetterBootstrap() == null || settings.deadLetterBootstrap().isBlank()
            ? null
            : deadLetterProducer(settings.deadLetterBootstrap());
  }

  private static KafkaProducer<byte[], byte[]> deadLetterProducer(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
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

  private void handle(
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
      } else if (deadLetters != null) {
        deadLetter(entries.get(i), item);
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

  /** Waits for the broker: the document is only let go once the dead-letter topic holds it. */
  private void deadLetter(IndexRequestEntry entry, BulkResponseItem item) {
    String reason = item.status() + " " + item.error().type() + ": " + item.error().reason();
    LOG.error(
        "document {}/{} refused, sent to the dead-letter topic: {}",
        entry.index(),
        entry.id(),
        reason);
    DeadLetter letter =
        DeadLetter.of(
            "elasticsearch-sink",
            entry.index(),
            entry.id(),
            "application/json",
            List.of(new DeadLetter.FieldError(entry.index() + "/" + entry.id(), reason)),
            new String(entry.source(), StandardCharsets.UTF_8),
            Instant.now());
    try {
      deadLetters
          .send(
              new ProducerRecord<>(
                  Topics.DEAD_LETTER.name(),
                  letter.stage().getBytes(StandardCharsets.UTF_8),
                  Topics.DEAD_LETTER.serialize(letter)))
          .get();
    } catch (Exception e) {
      throw new ElasticsearchSinkException("cannot dead-letter refused document " + entry.id(), e);
    }
  }

  @Override
  protected long getSizeInBytes(IndexRequestEntry entry) {
    return entry.sizeInBytes();
  }

  @Override
  public void close() {
    super.close();
    clients.close();
    if (deadLetters != null) deadLetters.close();
  }
}
