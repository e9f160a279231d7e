package io.sanliu.model.ceb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Times in CEB documents: {@code yyyyMMddHHmmss} in China Standard Time, as customs writes them.
 * JSON senders may also use ISO-8601 with an offset.
 */
public final class CebTime {
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  // STRICT: 20260231 is refused, not quietly read as 28 February.
  private static final DateTimeFormatter CEB =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  private CebTime() {}

  /**
   * Parses a CEB or ISO-8601 time.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static Instant parse(String text) {
    String t = text.trim();
    try {
      if (t.length() == 14 && t.chars().allMatch(Character::isDigit)) {
        return LocalDateTime.parse(t, CEB).atZone(CHINA).toInstant();
      }
      if (t.endsWith("Z")) return Instant.parse(t);
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a time: use yyyyMMddHHmmss (China time) or ISO-8601 with offset");
    }
  }

  /** The CEB form of an instant, in China time. */
  public static String format(Instant instant) {
    return CEB.format(instant.atZone(CHINA));
  }
}
