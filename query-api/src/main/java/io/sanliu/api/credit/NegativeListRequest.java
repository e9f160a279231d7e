package io.sanliu.api.credit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.Params;
import io.sanliu.api.RequestBodies;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.model.simulation.NegativeListEntry.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Turns a request body into a negative-list entry listed by hand, naming the field of every
 * mistake. The entry id is the API's ({@code api-<uuid>}); who and when come from the token and the
 * clock, not the body.
 */
final class NegativeListRequest {
  static final Set<String> FIELDS =
      Set.of("subject", "enterpriseCode", "itemRecordNo", "itemNo", "gcode", "country", "reason");
  static final int MAX_CODE = 64;
  static final int MAX_REASON = 500;

  private NegativeListRequest() {}

  static NegativeListEntry entry(JsonNode body, String by, Instant at) {
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f)) unknown.add(f);
            });
    if (!unknown.isEmpty()) {
      throw ApiProblem.badRequest(
              "unknown field(s) " + unknown + "; known: " + new TreeSet<>(FIELDS))
          .with("invalidParams", unknown);
    }
    String subjectText = text(body, "subject", 16);
    if (subjectText == null) {
      throw invalid("subject", "is required: one of " + Arrays.toString(Subject.values()));
    }
    Subject subject = Params.enumValue("subject", Subject.class, subjectText);
    String enterprise = code(body, "enterpriseCode");
    String itemRecordNo = code(body, "itemRecordNo");
    String itemNo = code(body, "itemNo");
    String gcode = code(body, "gcode");
    String country = code(body, "country");
    String reason = text(body, "reason", MAX_REASON);
    if (subject != Subject.COUNTRY && enterprise == null) {
      throw invalid("enterpriseCode", "is required for a " + subject + " entry");
    }
    if (subject == Subject.GOODS && itemRecordNo == null && itemNo == null) {
      throw ApiProblem.badRequest(
              "itemRecordNo or itemNo is required for a GOODS entry: which filed item is listed")
          .with("invalidParams", List.of("itemRecordNo", "itemNo"));
    }
    if (subject != Subject.GOODS && (itemRecordNo != null || itemNo != null || gcode != null)) {
      String field = itemRecordNo != null ? "itemRecordNo" : itemNo != null ? "itemNo" : "gcode";
      throw invalid(field, "names goods: only a GOODS entry has it");
    }
    if (subject == Subject.COUNTRY && country == null) {
      throw invalid("country", "is required for a COUNTRY entry (customs 3-digit code)");
    }
    if (subject != Subject.COUNTRY && country != null) {
      throw invalid("country", "is only for a COUNTRY entry");
    }
    if (reason == null) throw invalid("reason", "is required: why the entry is listed");
    return new NegativeListEntry(
        "api-" + UUID.randomUUID(),
        subject,
        enterprise,
        itemRecordNo,
        itemNo,
        gcode,
        reason,
        by,
        at,
        country);
  }

  /** The reason of a removal: the body's only field, required. */
  static String removalReason(JsonNode body) {
    List<String> unknown = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!f.equals("reason")) unknown.add(f);
            });
    if (!unknown.isEmpty()) {
      throw ApiProblem.badRequest("unknown field(s) " + unknown + "; known: [reason]")
          .with("invalidParams", unknown);
    }
    String reason = text(body, "reason", MAX_REASON);
    if (reason == null) throw invalid("reason", "is required: why the entry is taken off");
    return reason;
  }

  private static String code(JsonNode body, String field) {
    return text(body, field, MAX_CODE);
  }

  /** A text field, a wrong type or length being a 400 that names it. */
  private static String text(JsonNode body, String field, int max) {
    try {
      return RequestBodies.text(body, field, max);
    } catch (ApiProblem p) {
      throw p.with("invalidParams", List.of(field));
    }
  }

  private static ApiProblem invalid(String field, String why) {
    return Params.invalid(field, why);
  }
}
