package io.sanliu.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {

  @Test
  void overrideBeatsEnvironmentBeatsConfigFileBeatsDefault(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sanliu.properties");
    Files.writeString(
        file,
        String.join(
            "\n",
            "SANLIU_ES_URL=http://from-file:9200",
            "SANLIU_KAFKA_BOOTSTRAP=from-file:9092",
            "SANLIU_API_PORT=18080",
            ""),
        StandardCharsets.ISO_8859_1);
    Map<String, String> env =
        Map.of(
            Config.CONFIG_FILE_ENV,
            file.toString(),
            "SANLIU_ES_URL",
            "http://from-env:9200",
            "SANLIU_KAFKA_BOOTSTRAP",
            "from-env:9092");
    Map<ConfigKey, String> overrides = Map.of(ConfigKey.ES_URL, "http://override:9200");

    Config config = Config.resolve(env, overrides);

    assertEquals("http://override:9200", config.get(ConfigKey.ES_URL));
    assertEquals("from-env:9092", config.get(ConfigKey.KAFKA_BOOTSTRAP));
    assertEquals("18080", config.get(ConfigKey.API_PORT));
    assertEquals(18080, config.getInt(ConfigKey.API_PORT));
    assertEquals(ConfigKey.INGEST_PORT.defaultValue(), config.get(ConfigKey.INGEST_PORT));
  }

  @Test
  void withoutEnvironmentOrFileEveryKeyHasItsDefault() {
    Config config = Config.resolve(Map.of(), Map.of());

    for (ConfigKey key : ConfigKey.values()) {
      assertEquals(key.defaultValue(), config.get(key), key.env());
    }
    assertEquals(8090, config.getInt(ConfigKey.INGEST_PORT));
  }

  @Test
  void valuesAreTrimmed() {
    Config config =
        Config.resolve(
            Map.of("SANLIU_KAFKA_BOOTSTRAP", "  broker-1:9092 \n"),
            Map.of(ConfigKey.API_PORT, " 8081 "));

    assertEquals("broker-1:9092", config.get(ConfigKey.KAFKA_BOOTSTRAP));
    assertEquals(8081, config.getInt(ConfigKey.API_PORT));
  }

  @Test
  void aMissingConfigFileIsRefusedNamingSanliuConfig(@TempDir Path dir) {
    String missing = dir.resolve("absent.properties").toString();

    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class,
            () -> Config.resolve(Map.of(Config.CONFIG_FILE_ENV, missing), Map.of()));
    assertTrue(e.getMessage().contains("SANLIU_CONFIG"), e.getMessage());
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  @Test
  void configFileIsReadAsUtf8(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sanliu.properties");
    Files.writeString(
        file,
        "SANLIU_PII_HMAC_KEY=综试区-密钥-0123456789\nSANLIU_LOCAL_DATA_DIR=/数据/sanliu\n",
        StandardCharsets.UTF_8);

    Config config = Config.resolve(Map.of(Config.CONFIG_FILE_ENV, file.toString()), Map.of());

    assertEquals("综试区-密钥-0123456789", config.get(ConfigKey.PII_HMAC_KEY));
    assertEquals("/数据/sanliu", config.get(ConfigKey.LOCAL_DATA_DIR));
  }

  @Test
  void getIntOnANonNumberThrowsNamingTheVariable() {
    Config config = Config.defaults().with(ConfigKey.INGEST_PORT, "eighty");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> config.getInt(ConfigKey.INGEST_PORT));
    assertTrue(e.getMessage().contains("SANLIU_INGEST_PORT"), e.getMessage());
    assertTrue(e.getMessage().contains("eighty"), e.getMessage());
  }

  @Test
  void getLongAndGetMillisOnANonNumberThrowNamingTheVariable() {
    Config config = Config.defaults().with(ConfigKey.FLINK_CHECKPOINT_INTERVAL_MS, "10s");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> config.getMillis(ConfigKey.FLINK_CHECKPOINT_INTERVAL_MS));
    assertTrue(e.getMessage().contains("SANLIU_FLINK_CHECKPOINT_INTERVAL_MS"), e.getMessage());
  }

  @Test
  void millisecondSettingsAreReadAsDurations() {
    Config config = Config.defaults().with(ConfigKey.FLINK_CHECKPOINT_INTERVAL_MS, "2500");

    assertEquals(Duration.ofMillis(2500), config.getMillis(ConfigKey.FLINK_CHECKPOINT_INTERVAL_MS));
  }

  @Test
  void everyEnvNameStartsWithSanliuAndIsUnique() {
    Set<String> seen = new HashSet<>();
    seen.add(Config.CONFIG_FILE_ENV); // the file pointer is not a setting of its own
    for (ConfigKey key : ConfigKey.values()) {
      assertTrue(key.env().startsWith("SANLIU_"), key.env());
      assertTrue(key.env().matches("[A-Z0-9_]+"), key.env());
      assertTrue(seen.add(key.env()), "duplicate or reserved name " + key.env());
    }
    assertEquals(ConfigKey.values().length + 1, seen.size());
  }

  @Test
  void everyKeyIsDocumented() {
    Arrays.stream(ConfigKey.values())
        .forEach(
            key -> {
              assertNotNull(key.defaultValue(), key.env());
              assertFalse(key.description().isBlank(), key.env());
            });
  }

  @Test
  void withReturnsACopyAndLeavesTheOriginalUnchanged() {
    Config original = Config.defaults();

    Config changed =
        original.with(
            Map.of(ConfigKey.LOCAL_KAFKA_PORT, "39092", ConfigKey.LOCAL_ES_PORT, "39200"));
    Config one = changed.with(ConfigKey.API_PORT, " 0 ");

    assertEquals("39092", changed.get(ConfigKey.LOCAL_KAFKA_PORT));
    assertEquals("39200", changed.get(ConfigKey.LOCAL_ES_PORT));
    assertEquals("9092", original.get(ConfigKey.LOCAL_KAFKA_PORT));
    assertEquals("9200", original.get(ConfigKey.LOCAL_ES_PORT));
    assertEquals("0", one.get(ConfigKey.API_PORT));
    assertEquals("8080", changed.get(ConfigKey.API_PORT));
    assertEquals("39092", one.get(ConfigKey.LOCAL_KAFKA_PORT));
  }
}
