package io.sanliu.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sanliu local} in its own JVM, stopped as a person (Ctrl-C) or a service manager (SIGTERM)
 * would: no Elasticsearch process and no Kafka listener may survive it.
 */
class LauncherSignalsTest {
  static final Pattern ES_PID = Pattern.compile("Elasticsearch\\s+http://\\S+ pid (\\d+)");
  static final Pattern KAFKA =
      Pattern.compile("Kafka broker \\(KRaft\\)\\s+127\\.0\\.0\\.1:(\\d+)");

  @ParameterizedTest(name = "SIG{0}")
  @ValueSource(strings = {"INT", "TERM"})
  void stoppingTheLauncherLeavesNoProcessBehind(String signal) throws Exception {
    Process launcher = launch();
    List<String> output = new ArrayList<>();
    BlockingQueue<String> lines = pump(launcher, output);
    long esPid = -1;
    int kafkaPort = -1;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (true) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        Matcher es = ES_PID.matcher(line);
        if (es.find()) esPid = Long.parseLong(es.group(1));
        Matcher kafka = KAFKA.matcher(line);
        if (kafka.find()) kafkaPort = Integer.parseInt(kafka.group(1));
        if (line.startsWith(LocalPlatform.READY_LINE)) break;
      }
      if (!launcher.isAlive() || System.nanoTime() > deadline) {
        launcher.destroyForcibly();
        throw new AssertionError("launcher did not come up: " + String.join("\n", output));
      }
    }
    assertTrue(esPid > 0 && ProcessHandle.of(esPid).map(ProcessHandle::isAlive).orElse(false));
    assertTrue(listening(kafkaPort), "Kafka listens while the platform runs");
    List<ProcessHandle> esTree = ProcessHandle.of(esPid).orElseThrow().descendants().toList();

    new ProcessBuilder("kill", "-" + signal, Long.toString(launcher.pid()))
        .inheritIO()
        .start()
        .waitFor();

    assertTrue(launcher.waitFor(90, TimeUnit.SECONDS), "launcher exits after SIG" + signal);
    assertFalse(
        ProcessHandle.of(esPid).map(ProcessHandle::isAlive).orElse(false),
        "Elasticsearch still running");
    for (ProcessHandle child : esTree)
      assertFalse(child.isAlive(), "Elasticsearch child " + child.pid() + " still running");
    assertFalse(listening(kafkaPort), "Kafka still listening on " + kafkaPort);
    assertTrue(String.join("\n", output).contains("Stopped."), "launcher reported its shutdown");
  }

  /**
   * The launcher as a child JVM with this test's classpath. If this JVM was started with SIGINT
   * ignored (a background job of a shell does that), the child would inherit it and Ctrl-C could
   * not be tested; perl restores the default disposition before exec.
   */
  static Process launch() throws IOException {
    List<String> command = new ArrayList<>();
    if (sigintIgnored())
      command.addAll(List.of("perl", "-e", "$SIG{INT}='DEFAULT'; exec @ARGV or die $!", "--"));
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx768m",
            "-cp",
            System.getProperty("java.class.path"),
            SanliuCli.class.getName(),
            "local",
            "--rate",
            "5"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("SANLIU_LOCAL_KAFKA_PORT", "0");
    pb.environment().put("SANLIU_LOCAL_ES_PORT", "0");
    pb.environment().put("SANLIU_INGEST_PORT", "0");
    pb.environment().put("SANLIU_API_PORT", "0");
    return pb.start();
  }

  static boolean sigintIgnored() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring(7).trim(), 16);
        return (mask & (1L << (2 - 1))) != 0;
      }
    }
    return false;
  }

  static BlockingQueue<String> pump(Process p, List<String> all) {
    BlockingQueue<String> q = new LinkedBlockingQueue<>();
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (all) {
                    all.add(line);
                  }
                  q.add(line);
                }
              } catch (IOException ignored) {
                // The process ended.
              }
            });
    t.setDaemon(true);
    t.start();
    return q;
  }

  static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
