package io.sanliu.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of every benchmark that runs on a {@link BenchStack} (a picocli mixin). */
final class StackOptions {
  @Option(
      names = "--es-heap",
      defaultValue = "512m",
      description =
          "Heap of the Elasticsearch server, as the local stack's default (${DEFAULT-VALUE}).")
  String esHeap;

  @Option(
      names = "--work-dir",
      description =
          "Where the temporary data directories go (default: java.io.tmpdir). Must be enterable by"
              + " other users when run as root (Elasticsearch runs unprivileged).")
  Path workDir;

  @Option(names = "--keep-data", description = "Keep the Kafka and Elasticsearch data directories.")
  boolean keepData;

  @Option(
      names = "--output-dir",
      description = "Where the JSON results go (default: bench/target/bench-results).")
  Path outputDir;

  /** Starts the stack these options describe, in a directory named after {@code bench}. */
  BenchStack start(String bench, BenchReport report, PrintStream progress) throws Exception {
    report.parameter("esHeap", esHeap);
    return BenchStack.start(workDir, bench, esHeap, keepData, report, progress);
  }

  /** Prints the report's table and writes its JSON; the file written. */
  Path finish(BenchReport report) throws java.io.IOException {
    report.environment("loadAverageAtEnd", MachineInfo.loadAverage());
    report.finished(java.time.Instant.now());
    System.out.println();
    System.out.println(ResultTable.render(report));
    Path file = report.write(outputDir != null ? outputDir : BaselineCommand.defaultOutputDir());
    System.out.println("Results: " + file.toAbsolutePath());
    return file;
  }
}
