package io.sanliu.ingest.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.events.EventType;
import java.util.List;

/**
 * A message as received: its guid, the type of its records, and each record in the JSON form the
 * readers validate (a CEB XML record is already turned into it).
 *
 * @param declaredSender the sender code the message itself names (CEB copCode), or null
 */
public record IncomingMessage(
    String guid, EventType type, String declaredSender, List<JsonNode> records) {}
