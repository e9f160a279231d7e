package io.sanliu.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

/** Free loopback ports, for servers that must be told their port before they bind it. */
final class FreePorts {
  private FreePorts() {}

  /** The given port, or a free one when it is 0. */
  static int orFree(int port, Integer... taken) {
    if (port < 0 || port > 65535) throw new IllegalArgumentException("not a port: " + port);
    return port != 0 ? port : pick(taken);
  }

  /** A port nobody listens on now, other than {@code taken} (the OS may hand one out twice). */
  static int pick(Integer... taken) {
    Set<Integer> avoid = Set.of(taken);
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = socket.getLocalPort();
        if (!avoid.contains(port)) return port;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find a free port", e);
      }
    }
    throw new IllegalStateException("cannot find a free port other than " + avoid);
  }
}
