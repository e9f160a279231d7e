package io.sanliu.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sanliu} command. */
@Command(
    name = "sanliu",
    mixinStandardHelpOptions = true,
    version = "Sanliu 0.1.0",
    description = "三流合一: real-time data platform for cross-border e-commerce pilot zones.",
    subcommands = {
      LocalCommand.class,
      IngestCommand.class,
      ApiCommand.class,
      TokenCommand.class,
      JobCommand.class,
      SimulateCommand.class
    })
public final class SanliuCli {
  public static void main(String[] args) {
    int code = new CommandLine(new SanliuCli()).execute(args);
    if (code != 0) System.exit(code);
  }
}
