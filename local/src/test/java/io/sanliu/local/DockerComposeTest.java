package io.sanliu.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The cluster deployment file ({@code docker-compose.yml} at the repository root), read as data:
 * its settings must be ones the platform knows, its addresses must name its own services, and
 * everything it references (Dockerfiles, services, volumes) must exist. No Docker engine needed.
 */
class DockerComposeTest {
  /** Surefire runs with the module directory as working directory. */
  private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");

  private static final Set<String> EXPECTED_SERVICES =
      Set.of(
          "kafka",
          "elasticsearch",
          "flink-jobmanager",
          "flink-taskmanager",
          "flink-jobs-submit",
          "ingest",
          "query-api");

  /**
   * Services that run the streaming jobs' code: the submitter runs main(), TaskManagers the rest.
   */
  private static final List<String> JOB_SERVICES =
      List.of("flink-jobs-submit", "flink-taskmanager");

  private static final String EMBEDDED_ONLY_PREFIX = "SANLIU_LOCAL_";
  private static final Pattern SANLIU_NAME = Pattern.compile("\\bSANLIU_[A-Z0-9_]+");
  private static final Pattern REQUIRED_SECRET =
      Pattern.compile("\\$\\{" + ConfigKey.PII_HMAC_KEY.env() + ":\\?[^}]+}");

  /** Every variable the platform reads: the registry plus the name of the optional file. */
  private static final Set<String> KNOWN_SETTINGS =
      Stream.concat(
              Stream.of(ConfigKey.values()).map(ConfigKey::env), Stream.of(Config.CONFIG_FILE_ENV))
          .collect(Collectors.toUnmodifiableSet());

  private static String composeText;
  private static Map<String, Map<String, Object>> services;
  private static Map<String, Object> declaredVolumes;

  @BeforeAll
  static void readComposeFile() throws IOException {
    assertTrue(
        Files.isRegularFile(COMPOSE_FILE),
        "no " + COMPOSE_FILE.toAbsolutePath().normalize() + " (tests run from the module dir)");
    composeText = Files.readString(COMPOSE_FILE);
    Map<String, Object> root = map(new Yaml().load(composeText), "the compose file");
    services = new LinkedHashMap<>();
    map(root.get("services"), "services")
        .forEach((name, body) -> services.put(name, map(body, name)));
    declaredVolumes = root.get("volumes") == null ? Map.of() : map(root.get("volumes"), "volumes");
  }

  @Test
  void definesEveryServiceOfTheCluster() {
    Set<String> missing = new TreeSet<>(EXPECTED_SERVICES);
    missing.removeAll(services.keySet());
    assertTrue(missing.isEmpty(), "services missing from the compose file: " + missing);
  }

  @Test
  void everyServiceVariableIsAKnownSetting() {
    List<String> unknown = new ArrayList<>();
    services.forEach(
        (service, body) ->
            environment(body).keySet().stream()
                .filter(name -> name.startsWith("SANLIU_"))
                .filter(name -> !KNOWN_SETTINGS.contains(name))
                .forEach(name -> unknown.add(service + ": " + name)));
    assertTrue(unknown.isEmpty(), "not settings of ConfigKey: " + unknown);
  }

  @Test
  void everySanliuNameAnywhereInTheFileIsAKnownSetting() {
    // Also catches typos in ${...} substitutions, healthchecks and comments.
    Set<String> unknown = new TreeSet<>();
    Matcher matcher = SANLIU_NAME.matcher(composeText);
    while (matcher.find()) {
      if (!KNOWN_SETTINGS.contains(matcher.group())) unknown.add(matcher.group());
    }
    assertTrue(unknown.isEmpty(), "not settings of ConfigKey: " + unknown);
  }

  @Test
  void noServiceNeedsAnEmbeddedOnlySetting() {
    List<String> embeddedOnly = new ArrayList<>();
    services.forEach(
        (service, body) ->
            environment(body).keySet().stream()
                .filter(name -> name.startsWith(EMBEDDED_ONLY_PREFIX))
                .forEach(name -> embeddedOnly.add(service + ": " + name)));
    assertTrue(embeddedOnly.isEmpty(), "settings of `sanliu local` only: " + embeddedOnly);
  }

  @Test
  void ingestFindsKafkaByServiceName() {
    assertPointsAtServices("ingest", ConfigKey.KAFKA_BOOTSTRAP);
  }

  @Test
  void queryApiFindsElasticsearchByServiceName() {
    assertPointsAtServices("query-api", ConfigKey.ES_URL);
  }

  @Test
  void streamingJobsFindKafkaAndElasticsearchByServiceName() {
    for (String service : JOB_SERVICES) {
      assertPointsAtServices(service, ConfigKey.KAFKA_BOOTSTRAP);
      assertPointsAtServices(service, ConfigKey.ES_URL);
    }
  }

  @Test
  void everyAddressSettingNamesAServiceOfTheFile() {
    List<String> dangling = new ArrayList<>();
    services.forEach(
        (service, body) -> {
          Map<String, String> env = environment(body);
          for (ConfigKey key : List.of(ConfigKey.KAFKA_BOOTSTRAP, ConfigKey.ES_URL)) {
            String value = env.get(key.env());
            if (value == null) continue;
            for (String host : hosts(value)) {
              if (!services.containsKey(host)) {
                dangling.add(service + ": " + key.env() + "=" + value);
              }
            }
          }
        });
    assertTrue(dangling.isEmpty(), "addresses of hosts that are not services: " + dangling);
  }

  @Test
  void httpServicesListenOnEveryInterfaceOfTheirContainer() {
    // The defaults bind the loopback address, which nothing outside the container can reach.
    assertEquals(
        "0.0.0.0",
        environment(service("ingest")).get(ConfigKey.INGEST_HOST.env()),
        "ingest: " + ConfigKey.INGEST_HOST.env());
    assertEquals(
        "0.0.0.0",
        environment(service("query-api")).get(ConfigKey.API_HOST.env()),
        "query-api: " + ConfigKey.API_HOST.env());
  }

  @Test
  void publishedPortsAreThePortsTheServicesListenOn() {
    assertPublishes("ingest", ConfigKey.INGEST_PORT);
    assertPublishes("query-api", ConfigKey.API_PORT);
  }

  @Test
  void piiKeyComesFromTheEnvironmentAndIsNeverCommitted() {
    String ingestKey = environment(service("ingest")).get(ConfigKey.PII_HMAC_KEY.env());
    assertTrue(ingestKey != null, "ingest hashes personal data and needs its key");
    services.forEach(
        (service, body) -> {
          String value = environment(body).get(ConfigKey.PII_HMAC_KEY.env());
          if (value != null) {
            assertTrue(
                REQUIRED_SECRET.matcher(value).matches(),
                service + " must take the key as ${SANLIU_PII_HMAC_KEY:?...}, not " + value);
          }
        });
  }

  @Test
  void everyReferencedDockerfileExists() {
    for (String built : List.of("ingest", "query-api", "flink-jobs-submit")) {
      assertTrue(service(built).get("build") != null, built + " must be built from this project");
    }
    List<String> missing = new ArrayList<>();
    services.forEach(
        (service, body) -> {
          Object build = body.get("build");
          if (build == null) return;
          Path dockerfile = dockerfile(build, service);
          if (!Files.isRegularFile(dockerfile)) missing.add(service + ": " + dockerfile);
        });
    assertTrue(missing.isEmpty(), "Dockerfiles not found: " + missing);
  }

  @Test
  void dependenciesNameServicesOfTheFileAndConditionsTheyCanMeet() {
    List<String> problems = new ArrayList<>();
    services.forEach(
        (service, body) ->
            dependsOn(body, service)
                .forEach(
                    (dependency, condition) -> {
                      Map<String, Object> target = services.get(dependency);
                      if (target == null) {
                        problems.add(service + " depends on unknown service " + dependency);
                      } else if (condition.equals("service_healthy")
                          && target.get("healthcheck") == null) {
                        problems.add(
                            service + " waits for " + dependency + ", which has no healthcheck");
                      } else if (!Set.of(
                              "service_started",
                              "service_healthy",
                              "service_completed_successfully")
                          .contains(condition)) {
                        problems.add(service + ": unknown condition " + condition);
                      }
                    }));
    assertTrue(problems.isEmpty(), String.join("; ", problems));
  }

  @Test
  void namedVolumesAreDeclared() {
    List<String> undeclared = new ArrayList<>();
    services.forEach(
        (service, body) -> {
          for (String volume : namedVolumes(body, service)) {
            if (!declaredVolumes.containsKey(volume)) undeclared.add(service + ": " + volume);
          }
        });
    assertTrue(undeclared.isEmpty(), "volumes missing from the top-level volumes: " + undeclared);
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertPointsAtServices(String service, ConfigKey key) {
    String value = environment(service(service)).get(key.env());
    assertTrue(value != null && !value.isBlank(), service + " must set " + key.env());
    for (String host : hosts(value)) {
      assertTrue(
          services.containsKey(host),
          service + ": " + key.env() + "=" + value + " names host " + host + ", not a service");
    }
  }

  private static void assertPublishes(String service, ConfigKey portKey) {
    String port = environment(service(service)).getOrDefault(portKey.env(), portKey.defaultValue());
    List<String> containerPorts =
        list(service(service).get("ports"), service + " ports").stream()
            .map(DockerComposeTest::containerPort)
            .collect(Collectors.toList());
    assertTrue(
        containerPorts.contains(port),
        String.format(
            "%s listens on %s (%s) but publishes %s",
            service, port, portKey.env(), containerPorts));
  }

  private static Map<String, Object> service(String name) {
    Map<String, Object> body = services.get(name);
    if (body == null) fail("no service " + name + " in the compose file");
    return body;
  }

  /** The environment of a service, in either form: a map or a list of NAME=value. */
  private static Map<String, String> environment(Map<String, Object> service) {
    Object raw = service.get("environment");
    Map<String, String> env = new LinkedHashMap<>();
    if (raw instanceof Map<?, ?> entries) {
      entries.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else if (raw instanceof List<?> entries) {
      for (Object entry : entries) {
        String text = String.valueOf(entry);
        int eq = text.indexOf('=');
        if (eq < 0) env.put(text, null);
        else env.put(text.substring(0, eq), text.substring(eq + 1));
      }
    } else if (raw != null) {
      fail("environment must be a map or a list, not " + raw);
    }
    return env;
  }

  /** Host names in a bootstrap list (host:port,host:port) or a URL (scheme://host:port/path). */
  private static List<String> hosts(String value) {
    List<String> hosts = new ArrayList<>();
    for (String part : value.split(",")) {
      String address = part.trim();
      if (address.isEmpty()) continue;
      if (address.contains("://")) {
        hosts.add(String.valueOf(URI.create(address).getHost()));
      } else {
        int colon = address.lastIndexOf(':');
        hosts.add(colon < 0 ? address : address.substring(0, colon));
      }
    }
    return hosts;
  }

  /**
   * Container side of a port mapping: "8090", "8090:8090", "127.0.0.1:9200:9200/tcp", long form.
   */
  private static String containerPort(Object mapping) {
    if (mapping instanceof Map<?, ?> longForm) return String.valueOf(longForm.get("target"));
    String text = String.valueOf(mapping);
    int slash = text.indexOf('/');
    if (slash >= 0) text = text.substring(0, slash);
    return text.substring(text.lastIndexOf(':') + 1);
  }

  /** build: "context" or {context, dockerfile}; paths relative to the compose file's directory. */
  private static Path dockerfile(Object build, String service) {
    Path composeDir = COMPOSE_FILE.toAbsolutePath().normalize().getParent();
    if (build instanceof String context) {
      return composeDir.resolve(context).resolve("Dockerfile").normalize();
    }
    Map<String, Object> spec = map(build, service + " build");
    Path context = composeDir.resolve(String.valueOf(spec.getOrDefault("context", ".")));
    return context
        .resolve(String.valueOf(spec.getOrDefault("dockerfile", "Dockerfile")))
        .normalize();
  }

  /** depends_on as service to condition, from either the list or the map form. */
  private static Map<String, String> dependsOn(Map<String, Object> service, String name) {
    Object raw = service.get("depends_on");
    Map<String, String> dependencies = new LinkedHashMap<>();
    if (raw instanceof List<?> names) {
      names.forEach(n -> dependencies.put(String.valueOf(n), "service_started"));
    } else if (raw != null) {
      map(raw, name + " depends_on")
          .forEach(
              (dependency, spec) -> {
                Object condition = spec == null ? null : map(spec, dependency).get("condition");
                dependencies.put(
                    dependency, condition == null ? "service_started" : condition.toString());
              });
    }
    return dependencies;
  }

  /** Named volumes a service mounts (bind mounts and anonymous volumes excluded). */
  private static List<String> namedVolumes(Map<String, Object> service, String name) {
    List<String> named = new ArrayList<>();
    Object raw = service.get("volumes");
    if (raw == null) return named;
    for (Object mount : list(raw, name + " volumes")) {
      String source;
      if (mount instanceof Map<?, ?> longForm) {
        if (!"volume".equals(longForm.get("type"))) continue;
        source = longForm.get("source") == null ? null : String.valueOf(longForm.get("source"));
      } else {
        String text = String.valueOf(mount);
        source = text.contains(":") ? text.substring(0, text.indexOf(':')) : null;
      }
      if (source != null && !source.matches("[./~].*")) named.add(source);
    }
    return named;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (!(value instanceof Map)) fail(what + " must be a mapping, not " + value);
    return (Map<String, Object>) value;
  }

  private static List<?> list(Object value, String what) {
    if (!(value instanceof List)) fail(what + " must be a list, not " + value);
    return (List<?>) value;
  }
}
