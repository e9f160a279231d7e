package io.sanliu.jobs.stats;

/**
 * Which cube slice a figure belongs to: caliber, dimension, direction (null for {@link
 * Dimension#TOTAL}) and the dimension's value. Its text form is the key windows are kept by: a
 * string, whose hash is the same in every JVM (an enum's is not).
 */
public record SliceKey(Caliber caliber, Dimension dimension, String direction, String value) {
  private static final String NO_DIRECTION = "-";

  /** {@code CALIBER|DIMENSION|DIRECTION|value}; the value may itself hold the separator. */
  public String text() {
    return caliber
        + "|"
        + dimension
        + "|"
        + (direction == null ? NO_DIRECTION : direction)
        + "|"
        + value;
  }

  public static SliceKey parse(String text) {
    String[] parts = text.split("\\|", 4);
    if (parts.length != 4) throw new IllegalArgumentException("not a slice key: '" + text + "'");
    return new SliceKey(
        Caliber.valueOf(parts[0]),
        Dimension.valueOf(parts[1]),
        parts[2].equals(NO_DIRECTION) ? null : parts[2],
        parts[3]);
  }
}
