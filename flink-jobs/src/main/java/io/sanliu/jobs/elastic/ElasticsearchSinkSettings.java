package io.sanliu.jobs.elastic;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.io.Serializable;

/** Where and how the sink writes. */
public record ElasticsearchSinkSettings(
    String url,
    String username,
    String password,
    int maxBatchSize,
    int maxInFlightRequests,
    int maxBufferedRequests,
    long maxBatchSizeInBytes,
    long maxTimeInBufferMs,
    long maxRecordSizeInBytes)
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
        1024L * 1024);
  }
}
