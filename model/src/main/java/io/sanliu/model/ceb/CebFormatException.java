package io.sanliu.model.ceb;

/**
 * A CEB XML document that cannot be read: not well-formed, not a known message, refused for safety
 * (DOCTYPE, size, depth) or structurally wrong. The message names the line when known and is meant
 * to be shown to the sender as is.
 */
public final class CebFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final boolean overLimit;

  /**
   * @param reason what is wrong, without the line
   * @param line 1-based line of the document, or -1 when unknown
   */
  public CebFormatException(String reason, int line) {
    this(reason, line, null);
  }

  public CebFormatException(String reason, int line, Throwable cause) {
    this(reason, line, cause, false);
  }

  private CebFormatException(String reason, int line, Throwable cause, boolean overLimit) {
    super(line > 0 ? "line " + line + ": " + reason : reason, cause);
    this.line = line > 0 ? line : -1;
    this.overLimit = overLimit;
  }

  /** A well-formed document refused only for its size or its number of records. */
  public static CebFormatException overLimit(String reason, int line) {
    return new CebFormatException(reason, line, null, true);
  }

  /** Whether the document was refused for size or record count rather than for its content. */
  public boolean overLimit() {
    return overLimit;
  }

  /** The 1-based line the problem was found on, or -1 when unknown. */
  public int line() {
    return line;
  }
}
