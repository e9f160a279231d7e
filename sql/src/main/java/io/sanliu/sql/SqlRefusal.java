package io.sanliu.sql;

/**
 * A query the engine will not run, or stopped: what the caller sent is at fault (not read-only,
 * several statements, invalid SQL, a table it may not see) or it exceeded a limit. The message says
 * which and why.
 */
public final class SqlRefusal extends RuntimeException {
  /** Why a query was refused. */
  public enum Reason {
    /** Not a SELECT / WITH / EXPLAIN, or more than one statement. */
    NOT_READ_ONLY,
    /** Does not parse or validate (unknown table or column, bad types, bad parameters). */
    INVALID,
    /** Ran longer than the time limit, or would read more documents than a scan may. */
    LIMIT
  }

  private final Reason reason;

  public SqlRefusal(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
