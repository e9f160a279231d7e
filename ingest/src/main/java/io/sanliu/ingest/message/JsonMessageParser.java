package io.sanliu.ingest.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.sanliu.model.Json;
import io.sanliu.model.events.EventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a JSON message: one document, an array of documents, or NDJSON (one document per line). The
 * message guid is the one the sender gives (header), else the single document's guid, else a digest
 * of the body, so that an identical batch sent again is recognised.
 */
public final class JsonMessageParser {
  private static final ObjectReader READER = Json.mapper().reader();
  private final int maxRecords;

  public JsonMessageParser(int maxRecords) {
    this.maxRecords = maxRecords;
  }

  public IncomingMessage parse(EventType type, byte[] body, boolean ndjson, String headerGuid) {
    List<JsonNode> records = ndjson ? lines(body) : document(body);
    if (records.isEmpty()) throw new MessageFormatException(400, "", "the message holds no record");
    if (records.size() > maxRecords) {
      throw new MessageFormatException(
          413,
          "",
          records.size() + " records in one message; at most " + maxRecords + " are accepted");
    }
    String guid = headerGuid;
    if (guid == null && records.size() == 1 && records.get(0).hasNonNull("guid")) {
      guid = records.get(0).get("guid").asText();
    }
    if (guid == null) guid = "sha256:" + digest(body);
    return new IncomingMessage(guid, type, null, records);
  }

  private static List<JsonNode> document(byte[] body) {
    JsonNode root;
    try {
      root = READER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MessageFormatException(400, where(e), "malformed JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new MessageFormatException(400, "", "unreadable body: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) return List.of();
    if (root.isArray()) {
      List<JsonNode> records = new ArrayList<>(root.size());
      root.forEach(records::add);
      return records;
    }
    return List.of(root);
  }

  private static List<JsonNode> lines(byte[] body) {
    List<JsonNode> records = new ArrayList<>();
    String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) continue;
      try {
        records.add(READER.readTree(lines[i]));
      } catch (JsonProcessingException e) {
        throw new MessageFormatException(
            400,
            "line " + (i + 1),
            "malformed JSON on line " + (i + 1) + ": " + e.getOriginalMessage());
      }
    }
    return records;
  }

  private static String where(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  static String digest(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
