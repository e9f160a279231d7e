package io.sanliu.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmarks of the platform. Not a test: run it by hand (see docs/benchmarks.md); it prints a
 * table and writes the same figures as JSON under {@code bench/target/bench-results/}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    version = "Sanliu bench 0.1.0",
    description = "Sanliu benchmarks on the real embedded stack (Kafka, Elasticsearch, Flink).",
    subcommands = {
      BaselineCommand.class,
      IngestBenchCommand.class,
      RiskBenchCommand.class,
      StatsBenchCommand.class,
      ApiBenchCommand.class,
      SqlBenchCommand.class
    })
public final class BenchMain {
  public static void main(String[] args) {
    int code = new CommandLine(new BenchMain()).execute(args);
    System.exit(code);
  }
}
