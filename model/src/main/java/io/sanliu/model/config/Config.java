package io.sanliu.model.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Resolved configuration. Precedence: explicit overrides, then environment variables, then the
 * properties file named by {@code SANLIU_CONFIG}, then the documented defaults.
 */
public final class Config {
  public static final String CONFIG_FILE_ENV = "SANLIU_CONFIG";

  private final Map<ConfigKey, String> values;

  private Config(Map<ConfigKey, String> values) {
    this.values = values;
  }

  /** Configuration of this process: environment and optional config file. */
  public static Config fromEnvironment() {
    return resolve(System.getenv(), Map.of());
  }

  /** Defaults only, plus the given overrides; what tests use to point at the embedded stack. */
  public static Config defaults() {
    return resolve(Map.of(), Map.of());
  }

  public static Config resolve(Map<String, String> env, Map<ConfigKey, String> overrides) {
    Properties file = loadFile(env.get(CONFIG_FILE_ENV));
    Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      String value = overrides.get(key);
      if (value == null) value = env.get(key.env());
      if (value == null) value = file.getProperty(key.env());
      if (value == null) value = key.defaultValue();
      values.put(key, value.trim());
    }
    return new Config(values);
  }

  /** A copy with some values replaced (e.g. the ports the embedded stack actually bound). */
  public Config with(Map<ConfigKey, String> overrides) {
    Map<ConfigKey, String> copy = new EnumMap<>(values);
    overrides.forEach((k, v) -> copy.put(k, v.trim()));
    return new Config(copy);
  }

  public Config with(ConfigKey key, String value) {
    return with(Map.of(key, value));
  }

  public String get(ConfigKey key) {
    return values.get(key);
  }

  public int getInt(ConfigKey key) {
    String raw = get(key);
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key.env() + " must be an integer but is '" + raw + "'", e);
    }
  }

  public long getLong(ConfigKey key) {
    String raw = get(key);
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key.env() + " must be an integer but is '" + raw + "'", e);
    }
  }

  public double getDouble(ConfigKey key) {
    String raw = get(key);
    try {
      return Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key.env() + " must be a number but is '" + raw + "'", e);
    }
  }

  public Duration getMillis(ConfigKey key) {
    return Duration.ofMillis(getLong(key));
  }

  /** An ISO-8601 duration setting, e.g. {@code PT30M} or {@code P4D}. */
  public Duration getDuration(ConfigKey key) {
    String raw = get(key);
    try {
      return Duration.parse(raw.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          key.env() + " must be an ISO-8601 duration (e.g. PT30M) but is '" + raw + "'", e);
    }
  }

  private static Properties loadFile(String path) {
    Properties props = new Properties();
    if (path == null || path.isBlank()) return props;
    try (Reader in = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
      props.load(in);
      return props;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CONFIG_FILE_ENV + "=" + path, e);
    }
  }
}
