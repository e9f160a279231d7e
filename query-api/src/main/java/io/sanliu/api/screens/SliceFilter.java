package io.sanliu.api.screens;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.sanliu.api.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which cube slice of {@code sanliu-trade-stats} a request reads: the total, a direction, or one
 * value of one dimension (optionally of one direction). The job stores single-dimension slices
 * only, so a request may name at most one dimension's value.
 *
 * @param dimension {@code TOTAL}, {@code DIRECTION} or the named dimension
 * @param param the query parameter that named the dimension's value, or null
 * @param key the dimension's value, or null for the total and a direction
 * @param direction I or E, or null for both
 */
record SliceFilter(String dimension, String param, String key, String direction) {

  /** Query parameters naming a dimension's value, the dimension, and the form of a value. */
  static final Map<String, String> DIMENSION_PARAMS = new LinkedHashMap<>();

  private static final Map<String, Pattern> FORMS = new LinkedHashMap<>();

  static {
    add("tradeMode", "MODE", "9610|1210|9710|9810|UNKNOWN");
    add("country", "COUNTRY", "[0-9]{3}|UNKNOWN");
    add("hsChapter", "CHAPTER", "[0-9]{2}|UNKNOWN");
    add("ebpCode", "PLATFORM", "[0-9A-Za-z]{1,32}");
    add("ebcCode", "ENTERPRISE", "[0-9A-Za-z]{1,32}");
    add("portCode", "PORT", "[0-9A-Za-z]{1,16}");
  }

  private static void add(String param, String dimension, String form) {
    DIMENSION_PARAMS.put(param, dimension);
    FORMS.put(param, Pattern.compile(form));
  }

  static List<String> paramNames() {
    List<String> names = new ArrayList<>(DIMENSION_PARAMS.keySet());
    names.add("direction");
    return names;
  }

  static SliceFilter from(Params params) {
    String direction = direction(params);
    String param = null;
    String key = null;
    for (String p : DIMENSION_PARAMS.keySet()) {
      String v = params.text(p);
      if (v == null) continue;
      if (param != null) {
        throw io.sanliu.api.ApiProblem.badRequest(
                param
                    + " and "
                    + p
                    + " cannot be combined: the statistics hold one dimension per slice (ask the"
                    + " SQL interface for combinations)")
            .with("invalidParams", List.of(param, p));
      }
      if (!FORMS.get(p).matcher(v).matches()) {
        throw Params.invalid(p, "must match " + FORMS.get(p).pattern() + ", not '" + v + "'");
      }
      param = p;
      key = v;
    }
    if (param != null) return new SliceFilter(DIMENSION_PARAMS.get(param), param, key, direction);
    if (direction != null) return new SliceFilter("DIRECTION", null, direction, direction);
    return new SliceFilter("TOTAL", null, null, null);
  }

  static String direction(Params params) {
    String d = params.text("direction");
    if (d == null) return null;
    if (!d.equals("I") && !d.equals("E")) {
      throw Params.invalid("direction", "must be I (import) or E (export), not '" + d + "'");
    }
    return d;
  }

  /** One document per window and caliber: nothing to add up that might not add. */
  boolean singleDocumentPerWindow() {
    return dimension.equals("TOTAL") || direction != null;
  }

  List<Query> filters() {
    List<Query> out = new ArrayList<>();
    out.add(Query.of(q -> q.term(t -> t.field("dimension").value(dimension))));
    if (key != null) out.add(Query.of(q -> q.term(t -> t.field("key").value(key))));
    if (direction != null) {
      out.add(Query.of(q -> q.term(t -> t.field("direction").value(FieldValue.of(direction)))));
    }
    return out;
  }

  Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("dimension", dimension);
    if (param != null) m.put(param, key);
    if (direction != null) m.put("direction", direction);
    return m;
  }
}
