package io.sanliu.jobs.elastic;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Writes to Elasticsearch with bulk requests. No Elasticsearch connector is released for Flink 2,
 * so this is built on Flink's Async Sink: batching, in-flight limits, retries and buffered entries
 * in checkpoints come from the framework; documents carry deterministic ids, so replays after a
 * failure overwrite rather than duplicate.
 */
public final class ElasticsearchSink<T> extends AsyncSinkBase<T, IndexRequestEntry> {
  private final ElasticsearchSinkSettings settings;

  public ElasticsearchSink(DocumentConverter<T> converter, ElasticsearchSinkSettings settings) {
    super(
        converter,
        settings.maxBatchSize(),
        settings.maxInFlightRequests(),
        settings.maxBufferedRequests(),
        settings.maxBatchSizeInBytes(),
        settings.maxTimeInBufferMs(),
        settings.maxRecordSizeInBytes());
    this.settings = settings;
  }

  @Override
  public StatefulSinkWriter<T, BufferedRequestState<IndexRequestEntry>> createWriter(
      WriterInitContext context) throws IOException {
    return restoreWriter(context, List.of());
  }

  @Override
  public StatefulSinkWriter<T, BufferedRequestState<IndexRequestEntry>> restoreWriter(
      WriterInitContext context, Collection<BufferedRequestState<IndexRequestEntry>> state) {
    return new ElasticsearchSinkWriter<>(getElementConverter(), context, settings, state);
  }

  @Override
  public SimpleVersionedSerializer<BufferedRequestState<IndexRequestEntry>>
      getWriterStateSerializer() {
    return new IndexRequestEntryStateSerializer();
  }
}
