package io.sanliu.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A local Unix account, here the unprivileged one Elasticsearch runs as when we are root. */
record UnixAccount(String name, int uid, int gid) {
  private static final Pattern UID_LINE = Pattern.compile("(?m)^Uid:\\s+\\d+\\s+(\\d+)");
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

  /** Whether this process runs with effective uid 0. */
  static boolean currentIsRoot() {
    return effectiveUid() == 0;
  }

  static int effectiveUid() {
    try {
      Matcher m = UID_LINE.matcher(Files.readString(Path.of("/proc/self/status")));
      if (m.find()) return Integer.parseInt(m.group(1));
    } catch (IOException | UncheckedIOException e) {
      // no procfs: ask id
    }
    return Integer.parseInt(Commands.check(List.of("id", "-u")));
  }

  /** The account of that name, created as a system user without home or shell if missing. */
  static UnixAccount ensure(String name, Consumer<String> status) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid user name: '" + name + "'");
    }
    if (!Commands.run(List.of("id", "-u", name)).ok()) {
      Commands.Result created =
          Commands.run(
              List.of(
                  "useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name));
      // Another launcher may have created it meanwhile; the lookup below decides.
      if (created.ok()) status.accept("Created system user " + name + " to run Elasticsearch");
    }
    Commands.Result uid = Commands.run(List.of("id", "-u", name));
    if (!uid.ok()) {
      throw new IllegalStateException("cannot find or create user " + name + ": " + uid.output());
    }
    int gid = Integer.parseInt(Commands.check(List.of("id", "-g", name)));
    return new UnixAccount(name, Integer.parseInt(uid.output()), gid);
  }

  /**
   * The first directory on the way to {@code path} this account may not enter (supplementary groups
   * do not count: setpriv clears them).
   */
  Optional<Path> firstBlockedDirectory(Path path) {
    Path dir = path.toAbsolutePath().getRoot();
    for (Path part : path.toAbsolutePath()) {
      dir = dir.resolve(part);
      if (!Files.isDirectory(dir)) break;
      if (!canEnter(dir)) return Optional.of(dir);
    }
    return Optional.empty();
  }

  private boolean canEnter(Path dir) {
    try {
      int mode = (Integer) Files.getAttribute(dir, "unix:mode");
      int owner = (Integer) Files.getAttribute(dir, "unix:uid");
      int group = (Integer) Files.getAttribute(dir, "unix:gid");
      int searchBit = owner == uid ? 0100 : group == gid ? 0010 : 0001;
      return (mode & searchBit) != 0;
    } catch (IOException | UnsupportedOperationException e) {
      return true; // cannot tell; Elasticsearch's own error will say
    }
  }

  /** Hands these trees to the account (chown -R). */
  void own(Path... paths) {
    List<String> command = new java.util.ArrayList<>(List.of("chown", "-R", uid + ":" + gid));
    for (Path path : paths) command.add(path.toString());
    Commands.check(command);
  }
}
