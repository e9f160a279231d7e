package io.sanliu.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The participants of the simulated zone, and fresh API keys for them. */
public final class ZoneParticipants {
  public static final List<Participant> ALL =
      List.of(
          new Participant("4403960001", "PLATFORM", "模拟跨境平台一"),
          new Participant("4403960002", "PLATFORM", "模拟跨境平台二"),
          new Participant("4401960003", "PLATFORM", "模拟跨境平台三"),
          new Participant("4403980001", "PAYMENT", "模拟支付公司"),
          new Participant("4403180001", "LOGISTICS", "模拟物流公司"),
          new Participant("CUSTOMS5300", "CUSTOMS", "海关单一窗口"),
          new Participant("ZONE4403", "ZONE", "综试区管理委员会"));

  private ZoneParticipants() {}

  /** A new random key per participant code. */
  public static Map<String, String> newApiKeys() {
    SecureRandom random = new SecureRandom();
    Map<String, String> keys = new LinkedHashMap<>();
    for (Participant p : ALL) {
      byte[] key = new byte[24];
      random.nextBytes(key);
      keys.put(p.code(), HexFormat.of().formatHex(key));
    }
    return keys;
  }

  /**
   * The API keys of a senders file ({@code CODE = ROLE,API_KEY} per line, {@code #} comments), as
   * the gateway reads it: what a simulator pointed at a running gateway sends with.
   *
   * @throws IllegalArgumentException naming a line that is not {@code CODE = ROLE,API_KEY}
   */
  public static Map<String, String> apiKeysOf(String sendersFile) {
    Map<String, String> keys = new LinkedHashMap<>();
    int n = 0;
    for (String line : sendersFile.split("\\R")) {
      n++;
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("!")) continue;
      int eq = l.indexOf('=');
      int comma = l.indexOf(',', eq + 1);
      if (eq < 0 || comma < 0) {
        throw new IllegalArgumentException(
            "line " + n + " of the senders file is not CODE = ROLE,API_KEY");
      }
      keys.put(l.substring(0, eq).strip(), l.substring(comma + 1).strip());
    }
    return keys;
  }

  /** The senders file the gateway reads: {@code CODE = ROLE,API_KEY} per line. */
  public static String sendersFile(Map<String, String> keys) {
    StringBuilder sb =
        new StringBuilder("# Senders of the simulated zone, written by sanliu local\n");
    for (Participant p : ALL) {
      sb.append(p.code())
          .append(" = ")
          .append(p.role())
          .append(',')
          .append(keys.get(p.code()))
          .append('\n');
    }
    return sb.toString();
  }
}
