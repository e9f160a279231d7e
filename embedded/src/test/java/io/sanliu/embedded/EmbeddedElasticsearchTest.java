package io.sanliu.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Against a real Elasticsearch server, started once for the class; the last test stops it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedElasticsearchTest {
  static final List<String> status = new CopyOnWriteArrayList<>();
  static final HttpClient http = HttpClient.newHttpClient();
  static Path runDir;
  static EmbeddedElasticsearch es;

  @BeforeAll
  static void startServer() throws IOException {
    // Not @TempDir: JUnit's directories are 0700, which an unprivileged server cannot enter.
    runDir = Files.createTempDirectory("sanliu-es-test");
    long started = System.nanoTime();
    es =
        EmbeddedElasticsearch.start(
            ElasticsearchOptions.defaults(runDir)
                .withHeap("512m")
                .withStatus(
                    line -> {
                      status.add(line);
                      System.out.println(line);
                    }));
    System.out.printf(
        "Elasticsearch started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (es != null) es.close();
    ElasticsearchDistribution.deleteTree(runDir);
  }

  @Test
  @Order(1)
  void freshSingleNodeClusterIsGreen() throws Exception {
    String health = get("/_cluster/health");

    assertEquals("green", field(health, "status"));
    assertEquals("sanliu-local", field(health, "cluster_name"));
    assertTrue(health.contains("\"number_of_nodes\":1"), health);
    assertTrue(es.httpUrl().matches("http://127\\.0\\.0\\.1:\\d+"), es.httpUrl());
  }

  @Test
  @Order(2)
  void indexedDocumentIsFoundBySearch() throws Exception {
    send("PUT", "/orders-test", "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
    send("PUT", "/orders-test/_doc/SO-1?refresh=true", "{\"orderNo\":\"SO-1\",\"amount\":12.5}");

    String result =
        send(
            "POST",
            "/orders-test/_search",
            "{\"query\":{\"term\":{\"orderNo.keyword\":\"SO-1\"}}}");

    assertTrue(result.contains("\"total\":{\"value\":1,"), result);
    assertTrue(result.contains("\"_id\":\"SO-1\""), result);
  }

  @Test
  @Order(3)
  void asRootTheServerRunsAsTheUnprivilegedUser() throws Exception {
    assumeTrue(UnixAccount.currentIsRoot(), "only when the tests run as root");

    List<ProcessHandle> tree = new ArrayList<>(es.processTree());
    assertTrue(tree.size() >= 2, "launcher and server JVM: " + tree);
    for (ProcessHandle process : tree) {
      assertNotEquals(0, uidOf(process.pid()), "process " + process.pid() + " runs as root");
    }
    assertTrue(
        status.stream()
            .anyMatch(
                line ->
                    line.contains("Running as root")
                        && line.contains("unprivileged user sanliu-es")),
        status.toString());
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void closeLeavesNoProcessBehind() {
    List<ProcessHandle> tree = es.processTree();
    long pid = es.pid();

    es.close();
    es.close(); // idempotent

    assertFalse(es.isAlive());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "launcher");
    for (ProcessHandle process : tree) {
      assertFalse(process.isAlive(), "process " + process.pid() + " still alive");
    }
  }

  @Test
  @Order(10)
  void aServerThatCannotStartReportsItsOutputAndLeavesNothing() throws IOException {
    Path badRunDir = Files.createTempDirectory("sanliu-es-bad");
    try {
      // A 1 MB heap is too small for any JVM: the server dies at once.
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  EmbeddedElasticsearch.start(
                      ElasticsearchOptions.defaults(badRunDir)
                          .withHeap("1m")
                          .withStatus(line -> {})));
      assertTrue(e.getMessage().contains("exited with code"), e.getMessage());
      assertTrue(e.getMessage().toLowerCase().contains("heap"), e.getMessage());
      List<ProcessHandle> leftovers =
          ProcessHandle.allProcesses()
              .filter(p -> p.info().commandLine().orElse("").contains(badRunDir.toString()))
              .toList();
      assertTrue(leftovers.isEmpty(), "still running: " + leftovers);
    } finally {
      ElasticsearchDistribution.deleteTree(badRunDir);
    }
  }

  @Test
  @Order(11)
  void asRootARunDirTheUserCannotEnterIsRefusedBeforeStarting() throws IOException {
    assumeTrue(UnixAccount.currentIsRoot(), "only when the tests run as root");
    Path privateParent = Files.createTempDirectory("sanliu-es-private"); // mode 0700
    try {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  EmbeddedElasticsearch.start(
                      ElasticsearchOptions.defaults(privateParent.resolve("run"))
                          .withStatus(line -> {})));
      assertTrue(e.getMessage().contains("cannot enter " + privateParent), e.getMessage());
    } finally {
      ElasticsearchDistribution.deleteTree(privateParent);
    }
  }

  private static int uidOf(long pid) throws IOException {
    Matcher m =
        Pattern.compile("(?m)^Uid:\\s+(\\d+)")
            .matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
    assertTrue(m.find());
    return Integer.parseInt(m.group(1));
  }

  private static String get(String path) throws Exception {
    return send("GET", path, null);
  }

  private static String send(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(es.httpUrl() + path));
    if (json == null) request.GET();
    else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(
        response.statusCode() / 100 == 2,
        method + " " + path + " -> " + response.statusCode() + " " + response.body());
    return response.body();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    assertTrue(m.find(), name + " in " + json);
    return m.group(1);
  }
}
