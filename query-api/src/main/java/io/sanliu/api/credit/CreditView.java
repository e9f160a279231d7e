package io.sanliu.api.credit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.credit.CreditFactor;
import io.sanliu.model.credit.Grade;
import java.util.List;

/**
 * What each role sees of a credit profile. 有序公开 (orderly disclosure): a viewer (the wall screens,
 * the public) gets the grade and its status only, never the score, the figures behind it or why it
 * moved; analysts, risk officers and administrators get the whole profile with its explanation.
 */
public final class CreditView {
  /** The fields of the public view, in the order shown. */
  static final List<String> PUBLIC_FIELDS = List.of("code", "grade", "gradeSince");

  /** The fields of the short form embedded in the enterprise profile. */
  static final List<String> SUMMARY_FIELDS =
      List.of(
          "grade",
          "gradeNameZh",
          "score",
          "previousGrade",
          "gradeSince",
          "cause",
          "negativeListed",
          "inspectionRateSuggested",
          "revision",
          "asOf");

  private CreditView() {}

  /** Whether a role sees scores, contributions and figures. */
  public static boolean seesDetail(Role role) {
    return role != Role.VIEWER;
  }

  /** Grade, since when, and whether the participant is on the negative list. */
  public static ObjectNode publicView(JsonNode profile) {
    ObjectNode out = Json.mapper().createObjectNode();
    for (String f : PUBLIC_FIELDS) copy(out, profile, f);
    named(out, profile.path("grade").asText());
    out.put("negativeListed", profile.path("negativeListed").asBoolean(false));
    out.put("view", "public");
    return out;
  }

  /** The whole profile, each contribution and the cause named in Chinese and English. */
  static ObjectNode fullView(ObjectNode profile) {
    ObjectNode out = profile.deepCopy();
    named(out, profile.path("grade").asText());
    for (JsonNode c : out.path("contributions")) {
      CreditFactor factor = factor(c.path("factor").asText());
      if (factor != null && c instanceof ObjectNode o) {
        o.put("nameZh", factor.nameZh());
        o.put("nameEn", factor.nameEn());
      }
    }
    measures(out, profile.path("grade").asText());
    CreditFactor cause = factor(out.path("cause").asText(null));
    if (cause != null) {
      out.put("causeNameZh", cause.nameZh());
      out.put("causeNameEn", cause.nameEn());
    }
    out.put("view", "full");
    return out;
  }

  /** The enterprise profile's {@code credit}: grade, score and cause, or the public view. */
  public static ObjectNode summary(ObjectNode profile, Role role) {
    if (!seesDetail(role)) return publicView(profile);
    ObjectNode out = Json.mapper().createObjectNode();
    for (String f : SUMMARY_FIELDS) copy(out, profile, f);
    named(out, profile.path("grade").asText());
    measures(out, profile.path("grade").asText());
    out.put("view", "full");
    return out;
  }

  /** One history entry: the score then, its grade and why it moved. */
  static ObjectNode historyEntry(ObjectNode p) {
    ObjectNode out = Json.mapper().createObjectNode();
    for (String f :
        List.of(
            "revision",
            "score",
            "previousScore",
            "grade",
            "previousGrade",
            "gradeSince",
            "cause",
            "factorPoints",
            "asOf",
            "updatedAt")) {
      copy(out, p, f);
    }
    return out;
  }

  /**
   * A downgrade as the wall screen shows it; scores and causes only for the roles that see them.
   */
  static ObjectNode downgrade(ObjectNode p, Role role) {
    ObjectNode out = Json.mapper().createObjectNode();
    copy(out, "code", p, "code");
    copy(out, "participants", p, "participants");
    copy(out, "from", p, "previousGrade");
    copy(out, "to", p, "grade");
    copy(out, "at", p, "gradeSince");
    if (seesDetail(role)) {
      copy(out, "score", p, "score");
      copy(out, "previousScore", p, "previousScore");
      copy(out, "cause", p, "cause");
      copy(out, "revision", p, "revision");
    }
    return out;
  }

  /** Copies a field; one the stored profile left out (a null) is shown as null. */
  private static void copy(ObjectNode out, JsonNode from, String field) {
    copy(out, field, from, field);
  }

  private static void copy(ObjectNode out, String as, JsonNode from, String field) {
    JsonNode v = from.get(field);
    if (v == null) out.putNull(as);
    else out.set(as, v.deepCopy());
  }

  private static void named(ObjectNode out, String grade) {
    Grade g = grade(grade);
    if (g == null) return;
    out.put("gradeNameZh", g.nameZh());
    out.put("gradeNameEn", g.nameEn());
  }

  /** What the grade means at the border (分类监管): priority handling for the best grade. */
  private static void measures(ObjectNode out, String grade) {
    Grade g = grade(grade);
    if (g != null) out.put("priorityClearance", g.priorityClearance());
  }

  private static Grade grade(String name) {
    try {
      return name == null ? null : Grade.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static CreditFactor factor(String name) {
    try {
      return name == null ? null : CreditFactor.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
