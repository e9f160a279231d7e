package io.sanliu.model.codes;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of an enterprise: 18 characters from the
 * digits and the upper-case letters except I, O, S, V and Z; the last one is a check character.
 *
 * <p>{@link #requireValidFormat} checks length and characters, what filings are refused for. {@link
 * #checkCharacterMatches} checks the check character too; a mismatch is left to the data-quality
 * and credit rules rather than refused at the gateway.
 */
public final class CreditCode {
  public static final int LENGTH = 18;

  /** The 31 characters of the code, each worth its index. */
  static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCode() {}

  public static boolean hasValidFormat(String code) {
    return code != null
        && code.length() == LENGTH
        && code.chars().allMatch(c -> CHARSET.indexOf(c) >= 0);
  }

  /**
   * The code, trimmed, if it has 18 allowed characters.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static String requireValidFormat(String code) {
    String c = code == null ? "" : code.trim();
    if (c.length() != LENGTH) {
      throw new IllegalArgumentException(
          "must be an 18-character unified social credit code, not '"
              + code
              + "' ("
              + c.length()
              + " characters)");
    }
    for (int i = 0; i < c.length(); i++) {
      if (CHARSET.indexOf(c.charAt(i)) < 0) {
        throw new IllegalArgumentException(
            "must use only digits and the upper-case letters except I, O, S, V, Z; '"
                + c.charAt(i)
                + "' at position "
                + (i + 1)
                + " of '"
                + code
                + "' is not allowed");
      }
    }
    return c;
  }

  /** The check character the first 17 characters of a well-formed code call for. */
  public static char expectedCheckCharacter(String code) {
    String c = requireValidFormat(code);
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += CHARSET.indexOf(c.charAt(i)) * WEIGHTS[i];
    }
    return CHARSET.charAt((31 - sum % 31) % 31);
  }

  /** Whether a well-formed code's last character is its check character. */
  public static boolean checkCharacterMatches(String code) {
    return hasValidFormat(code) && code.charAt(LENGTH - 1) == expectedCheckCharacter(code);
  }
}
