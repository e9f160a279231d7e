package io.sanliu.jobs.kafka;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import org.junit.jupiter.api.Test;

class StartingOffsetsTest {
  @Test
  void anInstantOrNothingAndAClearErrorOtherwise() {
    assertNotNull(KafkaStreams.startingOffsets(Config.defaults()));
    assertNotNull(
        KafkaStreams.startingOffsets(
            Config.defaults().with(ConfigKey.KAFKA_START_AT, "2026-11-22T08:00:00Z")));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                KafkaStreams.startingOffsets(
                    Config.defaults().with(ConfigKey.KAFKA_START_AT, "yesterday")));
    assertTrue(e.getMessage().contains("SANLIU_KAFKA_START_AT"), e.getMessage());
    assertTrue(e.getMessage().contains("'yesterday'"), e.getMessage());
  }
}
