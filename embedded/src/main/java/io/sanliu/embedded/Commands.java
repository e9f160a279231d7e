package io.sanliu.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Short system commands (id, useradd, chown) and where programs are on the PATH. */
final class Commands {
  private Commands() {}

  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs a command to completion; output is stdout and stderr together, trimmed. */
  static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("command did not finish in 60 s: " + command);
      }
      return new Result(process.exitValue(), output.trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  /** Runs a command that must succeed. */
  static String check(List<String> command) {
    Result result = run(command);
    if (!result.ok()) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " failed (exit "
              + result.exitCode()
              + "): "
              + result.output());
    }
    return result.output();
  }

  /** An executable of that name on the PATH (or in the sbin directories root uses). */
  static Optional<Path> which(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    String dirs = path + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    for (String dir : dirs.split(":")) {
      if (dir.isEmpty()) continue;
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate))
        return Optional.of(candidate);
    }
    return Optional.empty();
  }
}
