package io.sanliu.model.codes;

/**
 * China's 10-digit commodity codes (商品编码, {@code gcode}): the 6-digit HS code, 2 national digits
 * and 2 supplementary digits, written as 10 digits without separators.
 */
public final class HsCode {
  public static final int LENGTH = 10;

  private HsCode() {}

  public static boolean isValid(String code) {
    return code != null && code.length() == LENGTH && code.chars().allMatch(HsCode::isAsciiDigit);
  }

  /**
   * The code, trimmed, if it is 10 digits.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static String requireValid(String code) {
    String c = code == null ? "" : code.trim();
    if (!c.chars().allMatch(HsCode::isAsciiDigit)) {
      throw new IllegalArgumentException(
          "must be a 10-digit HS code of digits only (e.g. 1901101000), not '" + code + "'");
    }
    if (c.length() != LENGTH) {
      throw new IllegalArgumentException(
          "must be a 10-digit HS code, not '" + code + "' (" + c.length() + " digits)");
    }
    return c;
  }

  /** The HS chapter (first two digits) of a valid code. */
  public static String chapter(String code) {
    return requireValid(code).substring(0, 2);
  }

  private static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
