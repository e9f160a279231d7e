package io.sanliu.ingest;

import io.sanliu.model.kafka.DeadLetter.FieldError;
import java.util.List;

/**
 * The answer for one record of a message, in the spirit of the customs receipts.
 *
 * @param index position of the record in the message (0-based)
 * @param key business key of the record, when it could be read
 * @param accepted whether it was published
 * @param errors why it was refused, each with the field path
 */
public record RecordReceipt(int index, String key, boolean accepted, List<FieldError> errors) {
  public static RecordReceipt accepted(int index, String key) {
    return new RecordReceipt(index, key, true, List.of());
  }

  public static RecordReceipt rejected(int index, String key, List<FieldError> errors) {
    return new RecordReceipt(index, key, false, List.copyOf(errors));
  }
}
