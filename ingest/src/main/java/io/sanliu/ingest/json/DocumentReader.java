package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.EventType;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import java.util.List;

/**
 * Reads one record of one document type from its JSON form (CEB field names; a CEB XML record is
 * turned into the same form first), validates it and protects its personal fields.
 */
public interface DocumentReader<T extends BusinessEvent> {

  /** The event type this reader produces. */
  EventType type();

  Result<T> read(JsonNode record);

  /**
   * The participant code the sender must match for this record (ebpCode of an order, payCode of a
   * payment, logisticsCode of a waybill...), or null when any known sender may push it.
   */
  String participantCode(T event);

  /** The outcome for one record: the event, or every problem found with its field path. */
  record Result<T>(T event, String key, List<FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }

    public static <T> Result<T> of(T event, String key, List<FieldError> errors) {
      return errors.isEmpty()
          ? new Result<>(event, key, List.of())
          : new Result<>(null, key, List.copyOf(errors));
    }

    public static <T> Result<T> notAnObject(String what) {
      return new Result<>(null, null, List.of(new FieldError("", what + " must be a JSON object")));
    }
  }
}
