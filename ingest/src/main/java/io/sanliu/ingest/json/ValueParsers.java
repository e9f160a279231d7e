package io.sanliu.ingest.json;

import io.sanliu.model.ceb.CebTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parsers from a field's text to a typed value, for {@link FieldReader#requiredCode} and {@link
 * FieldReader#optionalCode}: each throws {@link IllegalArgumentException} with a message saying
 * what is accepted, which the field reader records under the field's path. They cover what {@link
 * FieldReader} has no method for: whole numbers, booleans, enum names, and the two CEB time forms
 * that {@link CebTime} does not read (dates of customs lists, times of customs receipts).
 */
public final class ValueParsers {
  private static final DateTimeFormatter CEB_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter CEB_MILLIS =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS").withResolverStyle(ResolverStyle.STRICT);

  private ValueParsers() {}

  /**
   * A whole number between {@code min} and {@code max}. XML turns numbers into text, so "3" is read
   * like 3, and "3.0" too; "3.5" is refused.
   */
  public static Function<String, Integer> integer(int min, int max) {
    return text -> {
      BigDecimal d;
      try {
        d = new BigDecimal(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a whole number, not '" + text + "'");
      }
      if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
        throw new IllegalArgumentException("must be a whole number, not '" + text + "'");
      }
      if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
        throw new IllegalArgumentException(
            (max == Integer.MAX_VALUE
                    ? "must be at least " + min
                    : "must be between " + min + " and " + max)
                + ", not '"
                + text
                + "'");
      }
      return d.intValueExact();
    };
  }

  /** {@code true} or {@code false} in any case (a JSON boolean reads as that text too). */
  public static Boolean bool(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("true")) return Boolean.TRUE;
    if (t.equalsIgnoreCase("false")) return Boolean.FALSE;
    throw new IllegalArgumentException("must be true or false, not '" + text + "'");
  }

  /** A constant of {@code type} by its name, in any case; the message lists the names. */
  public static <E extends Enum<E>> Function<String, E> enumName(Class<E> type) {
    return text -> {
      String n = text.trim().toUpperCase(Locale.ROOT);
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(n)) return e;
      }
      throw new IllegalArgumentException(
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", "))
              + " (any case), not '"
              + text
              + "'");
    };
  }

  /**
   * A date or a time: {@code yyyyMMdd} (the start of that day, China time), as CEB customs lists
   * write {@code declTime} and {@code ieDate}, or any form {@link CebTime#parse} reads.
   */
  public static Instant dateOrTime(String text) {
    String t = text.trim();
    try {
      if (t.length() == 8 && isDigits(t)) {
        return LocalDate.parse(t, CEB_DATE).atStartOfDay(CebTime.CHINA).toInstant();
      }
      return CebTime.parse(t);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a date or time: use yyyyMMdd or yyyyMMddHHmmss (China time) or ISO-8601"
              + " with offset");
    }
  }

  /**
   * A time with milliseconds, {@code yyyyMMddHHmmssSSS} (China time), as customs writes {@code
   * returnTime} in receipts, or any form {@link CebTime#parse} reads.
   */
  public static Instant timeWithMillis(String text) {
    String t = text.trim();
    try {
      if (t.length() == 17 && isDigits(t)) {
        return LocalDateTime.parse(t, CEB_MILLIS).atZone(CebTime.CHINA).toInstant();
      }
      return CebTime.parse(t);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a time: use yyyyMMddHHmmssSSS or yyyyMMddHHmmss (China time) or"
              + " ISO-8601 with offset");
    }
  }

  private static boolean isDigits(String s) {
    return s.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
