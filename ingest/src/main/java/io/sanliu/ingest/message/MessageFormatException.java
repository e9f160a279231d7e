package io.sanliu.ingest.message;

/** A message the gateway cannot read at all; the message says where and why. */
public final class MessageFormatException extends RuntimeException {
  private final int status;
  private final String path;

  public MessageFormatException(int status, String path, String message) {
    super(message);
    this.status = status;
    this.path = path;
  }

  /** 400 unreadable, 413 too many records, 415 a format the gateway does not speak. */
  public int status() {
    return status;
  }

  public String path() {
    return path;
  }
}
