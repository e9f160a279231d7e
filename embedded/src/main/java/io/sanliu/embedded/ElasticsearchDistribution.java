package io.sanliu.embedded;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The Elasticsearch distribution the build unpacked from Maven Central (see the module's pom), as
 * recorded in {@code io/sanliu/embedded/embedded.properties}.
 */
public final class ElasticsearchDistribution {
  private static final String RESOURCE = "/io/sanliu/embedded/embedded.properties";

  private ElasticsearchDistribution() {}

  /** Where the build unpacked the distribution. */
  public static Path defaultHome() {
    return Path.of(buildProperties().getProperty("es.home"));
  }

  /** Version of the unpacked distribution. */
  public static String version() {
    return buildProperties().getProperty("es.version");
  }

  /** {@code SANLIU_LOCAL_ES_HOME} when set, else the distribution the build unpacked. */
  public static Path home(Config config) {
    String configured = config.get(ConfigKey.LOCAL_ES_HOME);
    return configured.isEmpty() ? defaultHome() : Path.of(configured);
  }

  static void requireValid(Path home) {
    if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
      throw new IllegalStateException(
          "no Elasticsearch distribution at "
              + home
              + ": build the embedded module (mvn -pl embedded package) or set "
              + ConfigKey.LOCAL_ES_HOME.env());
    }
  }

  /**
   * Mirrors the distribution into {@code target} with hard links (copies across file systems), so
   * that a user who cannot reach the original (say under /root) can run it. Directories get mode
   * 0755; linked files keep the distribution's modes, which are world-readable.
   */
  static void stage(Path home, Path target) {
    try {
      deleteTree(target);
      Files.walkFileTree(
          home,
          new SimpleFileVisitor<>() {
            private boolean canLink = true;

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Path copy = target.resolve(home.relativize(dir).toString());
              Files.createDirectories(copy);
              Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Path copy = target.resolve(home.relativize(file).toString());
              if (canLink) {
                try {
                  Files.createLink(copy, file);
                  return FileVisitResult.CONTINUE;
                } catch (FileSystemException | UnsupportedOperationException e) {
                  canLink = false; // other file system, or links not allowed: copy the rest
                }
              }
              Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot stage Elasticsearch from " + home + " to " + target, e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static Properties buildProperties() {
    Properties props = new Properties();
    try (InputStream in = ElasticsearchDistribution.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      props.load(in);
      return props;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
