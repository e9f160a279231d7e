package io.sanliu.sql;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.time.Duration;

/**
 * The bounds of one query: rows returned, running time, and documents one table scan may read when
 * work cannot be pushed down to Elasticsearch.
 */
public record SqlLimits(int maxRows, Duration timeout, long maxScanRows) {
  public static SqlLimits from(Config config) {
    return new SqlLimits(
        config.getInt(ConfigKey.SQL_MAX_ROWS),
        config.getDuration(ConfigKey.SQL_TIMEOUT),
        config.getLong(ConfigKey.SQL_MAX_SCAN_ROWS));
  }
}
