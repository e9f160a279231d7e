package io.sanliu.jobs.elastic;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.io.Serializable;

/**
 * Where and how the sink writes.
 *
 * @param deadLetterBootstrap Kafka for documents Elasticsearch refuses for good (they go to the
 *     dead-letter topic with the reason); empty: such a refusal fails the job
 */
public record ElasticsearchSinkSettings(
    String url,
    String username,
    String password,
    int maxBatchSize,
    int maxInFlightRequests,
    int maxBufferedRequests,
    long maxBatchSizeInBytes,
    long maxTimeInBufferMs,
    long maxRecordSizeInBytes,
    String deadLetterBootstrap)
    implements Serializable {

  /** Defaults sized for dashboards: small batches flushed within a second. */
  public static ElasticsearchSinkSettings from(Config config) {
    return new ElasticsearchSinkSettings(
        config.get(ConfigKey.ES_URL),
        config.get(ConfigKey.ES_USERNAME),
        config.get(ConfigKey.ES_PASSWORD),
        500,
        4,
        10_000,
        5L * 1024 * 1024,
        1_000,
        1024L * 1024,
        config.get(ConfigKey.KAFKA_BOOTSTRAP));
  }

  /**
   * The same with at most {@code requests} bulk requests under way at once. One keeps the writes of
   * a subtask in order: two versions of a document (a window and its late update) then reach
   * Elasticsearch in the order they were made, and the newer one stays.
   */
  public ElasticsearchSinkSettings withMaxInFlightRequests(int requests) {
    return new ElasticsearchSinkSettings(
        url,
        username,
        password,
        maxBatchSize,
        requests,
        maxBufferedRequests,
        maxBatchSizeInBytes,
        maxTimeInBufferMs,
        maxRecordSizeInBytes,
        deadLetterBootstrap);
  }

  /** The same with documents flushed after at most {@code millis} in the buffer. */
  public ElasticsearchSinkSettings withMaxTimeInBuffer(long millis) {
    return new ElasticsearchSinkSettings(
        url,
        username,
        password,
        maxBatchSize,
        maxInFlightRequests,
        maxBufferedRequests,
        maxBatchSizeInBytes,
        millis,
        maxRecordSizeInBytes,
        deadLetterBootstrap);
  }
}
