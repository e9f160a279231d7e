package io.sanliu.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ElasticsearchOptionsTest {
  private final Path runDir = Path.of("/tmp/sanliu-run");

  @Test
  void theBuildUnpackedTheDistributionItRecords() {
    Path home = ElasticsearchDistribution.defaultHome();

    assertTrue(Files.isRegularFile(home.resolve("bin/elasticsearch")), home.toString());
    assertEquals(
        "elasticsearch-" + ElasticsearchDistribution.version(), home.getFileName().toString());
  }

  @Test
  void configurationDefaultsMatchTheDocumentedOnes() {
    ElasticsearchOptions options = ElasticsearchOptions.from(Config.defaults(), runDir);

    assertEquals(ElasticsearchDistribution.defaultHome(), options.home());
    assertEquals(runDir, options.runDir());
    assertEquals(9200, options.httpPort());
    assertEquals("512m", options.heap());
    assertEquals("sanliu-es", options.runAsUser());
  }

  @Test
  void configuredValuesOverrideTheDefaults() {
    Config config =
        Config.resolve(
            Map.of(),
            Map.of(
                ConfigKey.LOCAL_ES_HOME, "/opt/elasticsearch",
                ConfigKey.LOCAL_ES_PORT, "0",
                ConfigKey.LOCAL_ES_HEAP, "1g",
                ConfigKey.LOCAL_ES_RUN_AS, "search"));

    ElasticsearchOptions options = ElasticsearchOptions.from(config, runDir);

    assertEquals(Path.of("/opt/elasticsearch"), options.home());
    assertEquals(0, options.httpPort());
    assertEquals("1g", options.heap());
    assertEquals("search", options.runAsUser());
  }

  @Test
  void malformedValuesAreRejected() {
    ElasticsearchOptions options = ElasticsearchOptions.defaults(runDir);

    assertThrows(IllegalArgumentException.class, () -> options.withHeap("512 MB"));
    assertThrows(IllegalArgumentException.class, () -> options.withHeap("-Xmx1g"));
    assertThrows(IllegalArgumentException.class, () -> options.withHttpPort(70000));
    assertThrows(IllegalArgumentException.class, () -> options.withRunAsUser(" "));
  }
}
