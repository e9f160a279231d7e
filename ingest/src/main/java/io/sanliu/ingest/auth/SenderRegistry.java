package io.sanliu.ingest.auth;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The senders allowed to push, from the file named by {@code SANLIU_INGEST_SENDERS_FILE}: one line
 * {@code CODE = ROLE,API_KEY} per sender. Keys are kept only as SHA-256 digests.
 */
public final class SenderRegistry {
  private final Map<String, Sender> byKeyDigest;

  public SenderRegistry(Map<String, Sender> byApiKey) {
    Map<String, Sender> digests = new HashMap<>();
    byApiKey.forEach((key, sender) -> digests.put(digest(key), sender));
    this.byKeyDigest = Map.copyOf(digests);
  }

  public static SenderRegistry from(Config config) {
    String file = config.get(ConfigKey.INGEST_SENDERS_FILE);
    if (file.isBlank()) {
      throw new IllegalStateException(
          ConfigKey.INGEST_SENDERS_FILE.env()
              + " is not set: the gateway needs to know its senders (CODE = ROLE,API_KEY per line)");
    }
    return load(Path.of(file));
  }

  public static SenderRegistry load(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the senders file " + file, e);
    }
    Map<String, Sender> byKey = new HashMap<>();
    for (String code : props.stringPropertyNames()) {
      String[] parts = props.getProperty(code).split(",", 2);
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new IllegalArgumentException(
            file
                + ": sender "
                + code
                + " must be 'ROLE,API_KEY', not '"
                + props.getProperty(code)
                + "'");
      }
      SenderRole role;
      try {
        role = SenderRole.valueOf(parts[0].trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + ": sender " + code + " has unknown role '" + parts[0].trim() + "'", e);
      }
      if (byKey.put(parts[1].trim(), new Sender(code.trim(), role)) != null) {
        throw new IllegalArgumentException(file + ": two senders share one API key");
      }
    }
    return new SenderRegistry(byKey);
  }

  /** The sender holding {@code apiKey}, if any. */
  public Optional<Sender> authenticate(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) return Optional.empty();
    return Optional.ofNullable(byKeyDigest.get(digest(apiKey.trim())));
  }

  public int size() {
    return byKeyDigest.size();
  }

  private static String digest(String key) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
