package io.sanliu.model.ingest;

import java.time.Instant;
import java.util.List;

/**
 * The gateway's answer to one message, in the spirit of the customs receipts: an overall status and
 * one receipt per record. Accepted messages' receipts are kept (a compacted topic), so a replayed
 * message guid gets the same answer and is not published twice.
 *
 * @param sender the authenticated sender's code
 * @param status {@code accepted}, {@code partial} or {@code rejected}
 * @param httpStatus the status code the message was answered with
 */
public record Receipt(
    String messageGuid,
    String sender,
    String status,
    int httpStatus,
    Instant receivedAt,
    List<RecordReceipt> records) {

  public static final String ACCEPTED = "accepted";
  public static final String PARTIAL = "partial";
  public static final String REJECTED = "rejected";

  public static Receipt of(
      String messageGuid,
      String sender,
      int httpStatus,
      Instant receivedAt,
      List<RecordReceipt> records) {
    long ok = records.stream().filter(RecordReceipt::accepted).count();
    String status = ok == records.size() && ok > 0 ? ACCEPTED : ok == 0 ? REJECTED : PARTIAL;
    return new Receipt(messageGuid, sender, status, httpStatus, receivedAt, List.copyOf(records));
  }

  /** A message refused as a whole (unreadable, too large, unknown sender...). */
  public static Receipt refused(
      String messageGuid,
      String sender,
      int httpStatus,
      Instant receivedAt,
      String path,
      String reason) {
    return of(
        messageGuid,
        sender,
        httpStatus,
        receivedAt,
        List.of(
            RecordReceipt.rejected(
                -1, null, List.of(new io.sanliu.model.kafka.DeadLetter.FieldError(path, reason)))));
  }

  public boolean anyAccepted() {
    return records.stream().anyMatch(RecordReceipt::accepted);
  }

  /** Where the receipt is kept: one sender's guids do not collide with another's. */
  public static String storeKey(String sender, String messageGuid) {
    return sender + "|" + messageGuid;
  }
}
