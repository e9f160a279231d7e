package io.sanliu.ingest;

import java.time.Instant;
import java.util.List;

/**
 * The answer to one message: overall status and one receipt per record.
 *
 * @param status {@code accepted}, {@code rejected} or {@code partial}
 */
public record Receipt(
    String messageGuid, String status, Instant receivedAt, List<RecordReceipt> records) {

  public static Receipt of(String messageGuid, Instant receivedAt, List<RecordReceipt> records) {
    long ok = records.stream().filter(RecordReceipt::accepted).count();
    String status = ok == records.size() ? "accepted" : ok == 0 ? "rejected" : "partial";
    return new Receipt(messageGuid, status, receivedAt, List.copyOf(records));
  }

  public boolean anyAccepted() {
    return records.stream().anyMatch(RecordReceipt::accepted);
  }
}
