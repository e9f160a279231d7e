package io.sanliu.api.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.alerts.PersonalEvidence;

/**
 * Hides personal values of archived documents and match results from roles that do not need them,
 * as alert evidence is hidden: viewers and analysts get {@code ***} where risk officers get the
 * stored form (keyed hash and masked value; the clear value never reached the platform's indices).
 */
final class PersonalDocuments {
  private PersonalDocuments() {}

  /** An archived document: the fields it lists in {@code personalFields}, in its body. */
  static void hideDocument(ObjectNode document) {
    JsonNode body = document.get("body");
    if (!(body instanceof ObjectNode fields)) return;
    for (JsonNode name : document.path("personalFields")) {
      if (fields.has(name.asText()) && !fields.get(name.asText()).isNull()) {
        fields.put(name.asText(), PersonalEvidence.HIDDEN);
      }
    }
  }

  /** A three-document match: both sides of the personal comparisons. */
  static void hideMatch(ObjectNode match) {
    for (JsonNode check : match.path("checks")) {
      if (check instanceof ObjectNode c && PersonalEvidence.isPersonal(c.path("field").asText())) {
        if (c.has("left")) c.put("left", PersonalEvidence.HIDDEN);
        if (c.has("right")) c.put("right", PersonalEvidence.HIDDEN);
      }
    }
  }
}
