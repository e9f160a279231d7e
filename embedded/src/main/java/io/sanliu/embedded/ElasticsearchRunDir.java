package io.sanliu.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Layout of an embedded Elasticsearch run directory; everything the server writes goes here. Its
 * config is a writable copy of the distribution's, with the settings of the run.
 */
record ElasticsearchRunDir(Path root) {
  static ElasticsearchRunDir create(Path root) {
    ElasticsearchRunDir dirs = new ElasticsearchRunDir(root);
    try {
      for (Path dir : List.of(root, dirs.config(), dirs.data(), dirs.logs(), dirs.tmp())) {
        Files.createDirectories(dir);
      }
      // Files.createTempDirectory makes 0700 directories; an unprivileged server must enter.
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Elasticsearch run directory " + root, e);
    }
    return dirs;
  }

  Path config() {
    return root.resolve("config");
  }

  Path data() {
    return root.resolve("data");
  }

  Path logs() {
    return root.resolve("logs");
  }

  Path tmp() {
    return root.resolve("tmp");
  }

  Path distribution() {
    return root.resolve("distribution");
  }

  Path consoleLog() {
    return root.resolve("console.log");
  }

  /** A writable copy of the distribution's config (ES writes its keystore there). */
  void writeConfig(Path home, Map<String, String> settings) {
    Path source = home.resolve("config");
    StringBuilder yml = new StringBuilder("# Written by Sanliu EmbeddedElasticsearch\n");
    settings.forEach((k, v) -> yml.append(k).append(": ").append(quoted(v)).append('\n'));
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = config().resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) Files.createDirectories(copy);
        else Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.writeString(config().resolve("elasticsearch.yml"), yml);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Elasticsearch config to " + config(), e);
    }
  }

  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
