package io.sanliu.api.alerts;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.Params;
import io.sanliu.api.auth.Role;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filters of {@code GET /api/v1/alerts}. Every field it filters on exists under the same name
 * in the alerts and in their review states, so one query serves both indices.
 *
 * @param statuses empty: any status
 * @param from inclusive, on {@code timeField}
 * @param to exclusive, on {@code timeField}
 */
public record AlertFilter(
    List<String> ruleIds,
    List<RuleType> ruleTypes,
    List<Severity> severities,
    List<AlertStatus> statuses,
    Shadow shadow,
    String enterpriseCode,
    TimeField timeField,
    Instant from,
    Instant to) {

  /** Live alerts only (the default), shadow ones only, or both. */
  public enum Shadow {
    LIVE,
    SHADOW,
    ANY
  }

  /** Which time {@code from}/{@code to} apply to. */
  public enum TimeField {
    DETECTED_AT("detectedAt"),
    EVENT_TIME("eventTime");

    final String field;

    TimeField(String field) {
      this.field = field;
    }
  }

  static final Set<String> PARAMS =
      Set.of(
          "ruleId",
          "ruleType",
          "severity",
          "status",
          "shadow",
          "enterpriseCode",
          "timeField",
          "from",
          "to");

  public static AlertFilter from(Params p, Role role) {
    Shadow shadow = shadow(p.text("shadow"));
    if (shadow != Shadow.LIVE && !role.seesShadowAlerts()) {
      throw ApiProblem.of(403, "role " + role.claim() + " sees live alerts only (shadow=false)");
    }
    Instant from = p.instant("from");
    Instant to = p.instant("to");
    if (from != null && to != null && !from.isBefore(to)) {
      throw Params.invalid("from", "must be before to");
    }
    String time = p.text("timeField");
    TimeField timeField =
        time == null
            ? TimeField.DETECTED_AT
            : switch (time) {
              case "detectedAt" -> TimeField.DETECTED_AT;
              case "eventTime" -> TimeField.EVENT_TIME;
              default -> throw Params.invalid("timeField", "must be detectedAt or eventTime");
            };
    return new AlertFilter(
        List.copyOf(new LinkedHashSet<>(p.list("ruleId"))),
        p.enums("ruleType", RuleType.class),
        p.enums("severity", Severity.class),
        statuses(p.list("status")),
        shadow,
        p.text("enterpriseCode"),
        timeField,
        from,
        to);
  }

  private static Shadow shadow(String value) {
    if (value == null) return Shadow.LIVE;
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "false", "live" -> Shadow.LIVE;
      case "true", "shadow" -> Shadow.SHADOW;
      case "any", "all" -> Shadow.ANY;
      default -> throw Params.invalid("shadow", "must be false (live only), true or any");
    };
  }

  /** {@code CLOSED} stands for both closed statuses. */
  private static List<AlertStatus> statuses(List<String> values) {
    Set<AlertStatus> out = EnumSet.noneOf(AlertStatus.class);
    for (String v : values) {
      if (v.equalsIgnoreCase("CLOSED")) {
        out.add(AlertStatus.CLOSED_TRUE_POSITIVE);
        out.add(AlertStatus.CLOSED_FALSE_POSITIVE);
      } else {
        out.add(Params.enumValue("status", AlertStatus.class, v));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Whether the list is driven by the review index: only reviewed statuses asked for. OPEN means
   * "not reviewed" too, which only the alerts index can enumerate.
   */
  boolean reviewedOnly() {
    return !statuses.isEmpty() && !statuses.contains(AlertStatus.OPEN);
  }

  /**
   * The query, narrowed to one severity when sorting by severity ({@code bucket}), with the status
   * terms when run against the review index.
   */
  Query query(Severity bucket, boolean withStatuses) {
    List<Query> filters = new ArrayList<>();
    if (!ruleIds.isEmpty()) filters.add(terms("ruleId", ruleIds));
    if (!ruleTypes.isEmpty()) filters.add(terms("ruleType", names(ruleTypes)));
    if (bucket != null) {
      filters.add(terms("severity", List.of(bucket.name())));
    } else if (!severities.isEmpty()) {
      filters.add(terms("severity", names(severities)));
    }
    if (withStatuses && !statuses.isEmpty()) filters.add(terms("status", names(statuses)));
    if (shadow != Shadow.ANY) {
      boolean value = shadow == Shadow.SHADOW;
      filters.add(Query.of(q -> q.term(t -> t.field("shadow").value(value))));
    }
    if (enterpriseCode != null) filters.add(terms("enterpriseCode", List.of(enterpriseCode)));
    if (from != null || to != null) {
      filters.add(
          Query.of(
              q ->
                  q.range(
                      r ->
                          r.date(
                              d -> {
                                d.field(timeField.field);
                                if (from != null) d.gte(from.toString());
                                if (to != null) d.lt(to.toString());
                                return d;
                              }))));
    }
    return Query.of(q -> q.bool(b -> b.filter(filters)));
  }

  private static Query terms(String field, List<String> values) {
    List<FieldValue> v = values.stream().map(FieldValue::of).toList();
    return Query.of(q -> q.terms(t -> t.field(field).terms(tv -> tv.value(v))));
  }

  private static List<String> names(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).toList();
  }

  /** What a cursor is bound to: the same filters and order (the page size may change). */
  String fingerprint(AlertSort sort) {
    return String.join(
        "|",
        ruleIds.toString(),
        ruleTypes.toString(),
        severities.toString(),
        statuses.toString(),
        shadow.name(),
        String.valueOf(enterpriseCode),
        timeField.name(),
        String.valueOf(from),
        String.valueOf(to),
        sort.field().name(),
        Boolean.toString(sort.descending()));
  }
}
