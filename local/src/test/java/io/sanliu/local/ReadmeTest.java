package io.sanliu.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.config.ConfigKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The README is the operator's reference: it must match what the code reads and runs. */
class ReadmeTest {
  static String readme() throws Exception {
    return Files.readString(Path.of("..", "README.md"));
  }

  @ParameterizedTest
  @EnumSource(ConfigKey.class)
  void configurationTableListsEverySettingWithItsDefault(ConfigKey key) throws Exception {
    String shownDefault = key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`";
    Pattern row =
        Pattern.compile(
            "^\\| `" + Pattern.quote(key.env()) + "` \\| " + Pattern.quote(shownDefault) + " \\|",
            Pattern.MULTILINE);
    assertTrue(
        row.matcher(readme()).find(), "README lacks a row for " + key.env() + " = " + shownDefault);
  }

  @Test
  void ciRunsExactlyTheReadmeTestCommand() throws Exception {
    assertTrue(readme().contains("bin/test "), "README names bin/test");
    String ci = Files.readString(Path.of("..", ".ci", "run"));
    assertTrue(ci.contains("set -euo pipefail"));
    assertTrue(ci.lines().anyMatch(l -> l.strip().equals("bin/test")), ci);
  }
}
