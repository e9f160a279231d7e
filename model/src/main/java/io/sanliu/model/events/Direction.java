package io.sanliu.model.events;

/** Customs {@code ieFlag}: import or export. */
public enum Direction {
  I,
  E;

  public static Direction fromCode(String code) {
    if (code == null) return null;
    return switch (code.trim().toUpperCase()) {
      case "I" -> I;
      case "E" -> E;
      default -> throw new IllegalArgumentException("ieFlag must be I or E, not '" + code + "'");
    };
  }
}
