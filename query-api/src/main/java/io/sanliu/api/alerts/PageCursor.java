package io.sanliu.api.alerts;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.Params;
import io.sanliu.model.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the next page of an alert list starts: the sort values of the last alert given ({@code
 * search_after}), the severity query it was in, and a fingerprint of the filters and order it
 * belongs to. Opaque to clients (base64url JSON); a cursor used with other filters is refused.
 *
 * @param after null at the start of a severity query
 */
record PageCursor(int bucket, List<FieldValue> after, String fingerprint) {

  static PageCursor start(String filters) {
    return new PageCursor(0, null, hash(filters));
  }

  String encode() {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("v", 1);
    json.put("b", bucket);
    json.put("f", fingerprint);
    if (after != null) {
      ArrayNode values = json.putArray("a");
      for (FieldValue v : after) {
        switch (v._kind()) {
          case Long -> values.add(v.longValue());
          case Double -> values.add(v.doubleValue());
          case String -> values.add(v.stringValue());
          case Boolean -> values.add(v.booleanValue());
          default -> values.addNull();
        }
      }
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  static PageCursor decode(String token, String filters) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(Base64.getUrlDecoder().decode(token));
    } catch (Exception e) {
      throw Params.invalid("cursor", "is not a cursor this API issued");
    }
    if (json == null || json.path("v").asInt() != 1 || !json.path("f").isTextual()) {
      throw Params.invalid("cursor", "is not a cursor this API issued");
    }
    if (!json.get("f").asText().equals(hash(filters))) {
      throw Params.invalid(
          "cursor", "belongs to a list with other filters or order; start again without it");
    }
    List<FieldValue> after = null;
    if (json.has("a")) {
      after = new ArrayList<>();
      for (JsonNode v : json.get("a")) {
        if (v.isIntegralNumber()) after.add(FieldValue.of(v.longValue()));
        else if (v.isNumber()) after.add(FieldValue.of(v.doubleValue()));
        else if (v.isTextual()) after.add(FieldValue.of(v.asText()));
        else if (v.isBoolean()) after.add(FieldValue.of(v.booleanValue()));
        else after.add(FieldValue.NULL);
      }
    }
    return new PageCursor(json.path("b").asInt(), after, json.get("f").asText());
  }

  PageCursor at(int bucket, List<FieldValue> after) {
    return new PageCursor(bucket, after, fingerprint);
  }

  private static String hash(String filters) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(filters.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
