package io.sanliu.simulator.traffic;

import io.sanliu.model.ceb.CebTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The numbers and guids of one run. All carry the run's tag, derived from the seed and the start,
 * so that two runs never send the same guid (which the gateway would take for a replay) nor the
 * same order or waybill number; one seed and start always give the same numbers.
 */
public final class Identifiers {
  private final String tag;
  private long guids;
  private long orders;
  private long waybills;
  private long payments;
  private long lists;
  private long evaluations;
  private long fxReceipts;
  private long truths;

  public Identifiers(long seed, Instant start) {
    this.tag = tag(seed, start);
  }

  /** Six upper-case letters and digits naming a run. */
  static String tag(long seed, Instant start) {
    long x =
        seed * 0x9E3779B97F4A7C15L + start.getEpochSecond() * 0xC2B2AE3D27D4EB4FL + start.getNano();
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    x ^= x >>> 29;
    String s = Long.toString(Math.floorMod(x, 2_176_782_336L), 36).toUpperCase(Locale.ROOT);
    return "0".repeat(6 - s.length()) + s;
  }

  public String tag() {
    return tag;
  }

  /** The run's name in the ground truth. */
  public String run() {
    return "SIM-" + tag;
  }

  /** A CEB-style guid, upper-case, unique within and across runs. */
  public String guid() {
    return UUID.nameUUIDFromBytes((tag + "/" + ++guids).getBytes(StandardCharsets.UTF_8))
        .toString()
        .toUpperCase(Locale.ROOT);
  }

  public String orderNo() {
    return String.format("SO%s%08d", tag, ++orders);
  }

  public String logisticsNo() {
    return String.format("SL%s%09d", tag, ++waybills);
  }

  public String payTransactionId(Instant at) {
    return CebTime.format(at).substring(0, 8) + tag + String.format("%010d", ++payments);
  }

  /** The enterprise's list number, the e-port's pre-entry number and the customs list number. */
  public String[] listNumbers(Instant at, boolean importing) {
    long n = ++lists;
    String year = CebTime.format(at).substring(0, 4);
    return new String[] {
      String.format("C%s%09d", tag, n),
      String.format("B%s%010d", tag, n),
      String.format("5349%s%s%s%07d", year, importing ? "I" : "E", tag, n)
    };
  }

  public String fxReceiptId() {
    return String.format("FX%s%08d", tag, ++fxReceipts);
  }

  public String evaluationId() {
    return String.format("EV%s%08d", tag, ++evaluations);
  }

  public String truthId() {
    return run() + ":" + ++truths;
  }
}
