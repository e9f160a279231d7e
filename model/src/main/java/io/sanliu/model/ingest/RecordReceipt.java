package io.sanliu.model.ingest;

import io.sanliu.model.kafka.DeadLetter.FieldError;
import java.util.List;

/**
 * The answer for one record of a message.
 *
 * @param index position of the record in the message (0-based; -1 for the message as a whole)
 * @param key business key of the record, when it could be read
 * @param guid the record's own guid as published (its head guid, or message guid + "#" + index)
 * @param accepted whether it was published
 * @param errors why it was refused, each with the field path
 */
public record RecordReceipt(
    int index, String key, String guid, boolean accepted, List<FieldError> errors) {
  public static RecordReceipt accepted(int index, String key, String guid) {
    return new RecordReceipt(index, key, guid, true, List.of());
  }

  public static RecordReceipt rejected(int index, String key, List<FieldError> errors) {
    return new RecordReceipt(index, key, null, false, List.copyOf(errors));
  }
}
