package io.sanliu.model.ceb;

/**
 * A CEB XML document that cannot be read: not well-formed, not a known message, refused for safety
 * (DOCTYPE, size, depth) or structurally wrong. The message names the line when known and is meant
 * to be shown to the sender as is.
 */
public final class CebFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  /**
   * @param reason what is wrong, without the line
   * @param line 1-based line of the document, or -1 when unknown
   */
  public CebFormatException(String reason, int line) {
    this(reason, line, null);
  }

  public CebFormatException(String reason, int line, Throwable cause) {
    super(line > 0 ? "line " + line + ": " + reason : reason, cause);
    this.line = line > 0 ? line : -1;
  }

  /** The 1-based line the problem was found on, or -1 when unknown. */
  public int line() {
    return line;
  }
}
