package io.sanliu.ingest.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.ceb.CebFormatException;
import io.sanliu.model.ceb.CebMessage;
import io.sanliu.model.ceb.CebMessageReader;
import io.sanliu.model.events.EventType;
import java.util.List;

/** Reads a CEB XML message into the records' JSON form (external entities and DTDs refused). */
public final class XmlMessageParser {
  private final CebMessageReader reader;

  public XmlMessageParser(int maxRecords) {
    this.reader = new CebMessageReader(maxRecords);
  }

  /**
   * @param expected the type the route takes, or null for {@code /ingest/v1/ceb}
   * @param headerGuid the {@code X-Message-Guid} header, or null
   */
  public IncomingMessage parse(byte[] body, EventType expected, String headerGuid) {
    CebMessage message;
    try {
      message = reader.read(body);
    } catch (CebFormatException e) {
      String where = e.line() > 0 ? "line " + e.line() : "";
      throw new MessageFormatException(e.overLimit() ? 413 : 400, where, e.getMessage());
    }
    if (expected != null && message.eventType() != expected) {
      throw new MessageFormatException(
          400,
          "",
          message.type().rootElement()
              + " carries "
              + message.eventType()
              + " documents; send it to /ingest/v1/ceb or to the route of its type");
    }
    String declared = message.transfer() == null ? null : message.transfer().copCode();
    List<JsonNode> records = List.copyOf(message.records());
    // As for JSON: the header, else the message's own guid, else a digest of the body. Never
    // null: two guid-less messages must not share one receipt.
    String guid =
        headerGuid != null
            ? headerGuid
            : message.guid() != null ? message.guid() : "sha256:" + JsonMessageParser.digest(body);
    return new IncomingMessage(guid, message.eventType(), declared, records);
  }
}
