package io.sanliu.api.alerts;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import io.sanliu.api.Params;
import io.sanliu.model.events.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The order of an alert list: by detection time (default, newest first), event time, score or
 * severity; ties broken by detection time and then the alert id, so that {@code search_after} has a
 * unique position.
 *
 * <p>Severity is a keyword ({@code CRITICAL}, {@code HIGH}...), whose alphabetical order is not the
 * order of gravity, and this Elasticsearch has no scripts to map it. Sorting by severity therefore
 * runs one query per severity, gravest first (or last), each in detection order: the cursor records
 * which severity it is in.
 */
public record AlertSort(Field field, boolean descending) {

  public enum Field {
    DETECTED_AT("detectedAt"),
    EVENT_TIME("eventTime"),
    SCORE("score"),
    SEVERITY("severity");

    final String param;

    Field(String param) {
      this.param = param;
    }
  }

  public static final AlertSort DEFAULT = new AlertSort(Field.DETECTED_AT, true);

  static AlertSort from(Params p) {
    String sort = p.text("sort");
    Field field = Field.DETECTED_AT;
    if (sort != null) {
      field =
          Arrays.stream(Field.values())
              .filter(f -> f.param.equals(sort))
              .findFirst()
              .orElseThrow(
                  () ->
                      Params.invalid(
                          "sort", "must be one of detectedAt, eventTime, score, severity"));
    }
    String order = p.text("order");
    if (order != null && !order.equals("asc") && !order.equals("desc")) {
      throw Params.invalid("order", "must be asc or desc");
    }
    return new AlertSort(field, order == null || order.equals("desc"));
  }

  /** The Elasticsearch sort within one query (one severity, when sorting by severity). */
  List<SortOptions> options() {
    List<SortOptions> out = new ArrayList<>();
    SortOrder order = descending ? SortOrder.Desc : SortOrder.Asc;
    switch (field) {
      case DETECTED_AT -> out.add(by("detectedAt", order));
      case EVENT_TIME, SCORE -> {
        out.add(by(field.param, order));
        out.add(by("detectedAt", SortOrder.Desc));
      }
      case SEVERITY -> out.add(by("detectedAt", SortOrder.Desc));
    }
    out.add(by("alertId", SortOrder.Asc));
    return out;
  }

  private static SortOptions by(String field, SortOrder order) {
    return SortOptions.of(s -> s.field(f -> f.field(field).order(order)));
  }

  /**
   * The queries a list runs through in order: one per severity (restricted to the filter's, if any)
   * when sorting by severity, else one unrestricted ({@code null}).
   */
  List<Severity> buckets(List<Severity> filtered) {
    if (field != Field.SEVERITY) return Collections.singletonList(null);
    List<Severity> out = new ArrayList<>(List.of(Severity.values()));
    if (!filtered.isEmpty()) out.retainAll(filtered);
    // Severity's constants run from LOW to CRITICAL: descending means gravest first.
    if (descending) Collections.reverse(out);
    return out;
  }
}
