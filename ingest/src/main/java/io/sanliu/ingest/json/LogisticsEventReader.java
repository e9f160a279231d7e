package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.codes.TransportMode;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import java.time.Instant;

/**
 * Reads a logistics tracking event (JSON only; not a CEB message): {@code eventId}, {@code
 * logisticsCode}, {@code logisticsNo}, {@code status}, {@code occurredAt} required; {@code
 * location}, {@code country}, {@code transportMode}, {@code note} optional.
 *
 * <p>{@code status} is a {@link LogisticsStatus} name and {@code transportMode} one of AIR, RAIL,
 * SEA, ROAD, both in any case; the transport mode is kept upper-case. {@code country} is a customs
 * country code kept as sent, an unknown one being a data-quality finding, not a refusal.
 */
public final class LogisticsEventReader implements DocumentReader<LogisticsEvent> {

  @Override
  public EventType type() {
    return EventType.LOGISTICS_EVENT;
  }

  /** A logistics firm reports the events of its own parcels. */
  @Override
  public String participantCode(LogisticsEvent event) {
    return event.logisticsCode();
  }

  @Override
  public Result<LogisticsEvent> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("a logistics event");
    FieldReader f = FieldReader.root(json);
    String logisticsCode = f.requiredText("logisticsCode");
    String logisticsNo = f.requiredText("logisticsNo");
    String eventId = f.requiredText("eventId");
    LogisticsStatus status = f.requiredCode("status", ValueParsers.enumName(LogisticsStatus.class));
    Instant occurredAt = f.requiredTime("occurredAt");
    TransportMode mode = f.optionalCode("transportMode", TransportMode::fromName);
    LogisticsEvent event =
        new LogisticsEvent(
            eventId,
            logisticsCode,
            logisticsNo,
            status,
            f.optionalText("location"),
            f.optionalText("country"),
            mode == null ? null : mode.name(),
            occurredAt,
            f.optionalText("note"));
    String key = logisticsCode == null || logisticsNo == null ? null : event.businessKey();
    return Result.of(event, key, f.errors());
  }
}
