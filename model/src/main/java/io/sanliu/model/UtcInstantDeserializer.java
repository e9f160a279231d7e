package io.sanliu.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants the platform writes ({@code Instant.toString()}: {@code
 * 2026-11-23T01:04:42.123Z}, 0 to 9 fraction digits, always UTC) straight from the parser's
 * characters. Jackson's own deserializer goes through {@code DateTimeFormatter}, which cost half of
 * decoding an order (a profile of the statistics job); anything else (an offset, a number, a leap
 * second, a malformed or impossible date) is handed to Jackson's, so what is accepted and how
 * errors read do not change.
 */
public final class UtcInstantDeserializer extends StdScalarDeserializer<Instant> {
  private static final long serialVersionUID = 1L;
  private static final int SHORTEST = "2026-11-23T01:04:42Z".length();
  private static final int LONGEST = "2026-11-23T01:04:42.123456789Z".length();
  private static final int[] NANO_SCALE = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  UtcInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING)) {
      Instant fast = parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (fast != null) return fast;
    }
    return InstantDeserializer.INSTANT.deserialize(p, ctxt);
  }

  /**
   * {@code text} read as {@link Instant#parse} reads it, the platform's own form without a {@code
   * DateTimeFormatter}.
   *
   * @throws java.time.format.DateTimeParseException as {@link Instant#parse} does
   */
  public static Instant parse(String text) {
    Instant fast = parse(text.toCharArray(), 0, text.length());
    return fast != null ? fast : Instant.parse(text);
  }

  /**
   * The instant in {@code len} characters of {@code c} from {@code off}, or null when they are not
   * in the platform's own form (the caller decides what else to try).
   */
  public static Instant parse(char[] c, int off, int len) {
    if (len < SHORTEST || len > LONGEST || c[off + len - 1] != 'Z') return null;
    if (c[off + 4] != '-' || c[off + 7] != '-' || c[off + 10] != 'T') return null;
    if (c[off + 13] != ':' || c[off + 16] != ':') return null;
    int year = digits(c, off, 4);
    int month = digits(c, off + 5, 2);
    int day = digits(c, off + 8, 2);
    int hour = digits(c, off + 11, 2);
    int minute = digits(c, off + 14, 2);
    int second = digits(c, off + 17, 2);
    if ((year | month | day | hour | minute | second) < 0) return null;
    if (hour > 23 || minute > 59 || second > 59) return null;
    int nanos = 0;
    int end = off + len - 1; // the Z
    int at = off + 19;
    if (at < end) {
      int fraction = end - at - 1;
      if (c[at] != '.' || fraction < 1) return null;
      int value = digits(c, at + 1, fraction);
      if (value < 0) return null;
      nanos = value * NANO_SCALE[fraction];
    } else if (at != end) {
      return null;
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException impossible) {
      return null; // 2026-02-30: Jackson's deserializer words the error
    }
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The decimal value of {@code count} ASCII digits, or -1 if one is not a digit. */
  private static int digits(char[] c, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = c[i] - '0';
      if (d < 0 || d > 9) return -1;
      value = value * 10 + d;
    }
    return value;
  }
}
