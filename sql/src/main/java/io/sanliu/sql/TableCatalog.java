package io.sanliu.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of the SQL schema: one per platform index, with columns typed from the index
 * template's mapping (the templates are strict, so the mapping is the documents' contract). Nested
 * fields (a shipment's timeline) and arrays of objects (a match's checks) are left out: they have
 * no single row value. See docs/sql.md.
 */
public final class TableCatalog {
  private TableCatalog() {}

  private record Spec(
      String name,
      String index,
      String description,
      Set<String> multiValued,
      Set<String> personal,
      Set<String> leftOut) {}

  private static final List<Spec> SPECS =
      List.of(
          new Spec(
              "alerts",
              Indices.ALERTS,
              "risk alerts, one row per alert",
              Set.of("orderKeys", "waybillKeys", "messageGuids"),
              Set.of("evidence", "explanationZh", "explanationEn"),
              Set.of()),
          new Spec(
              "alert_status",
              Indices.ALERT_STATUS,
              "review state of reviewed alerts",
              Set.of(),
              Set.of("comment"),
              Set.of()),
          new Spec(
              "alert_audit",
              Indices.ALERT_AUDIT,
              "every review action on an alert",
              Set.of(),
              Set.of("comment"),
              Set.of()),
          new Spec(
              "trade_stats",
              Indices.TRADE_STATS,
              "trade statistics per caliber, window and cube slice",
              Set.of(),
              Set.of(),
              Set.of()),
          new Spec(
              "trade_top",
              Indices.TRADE_TOP,
              "top-N countries, enterprises and goods per window",
              Set.of(),
              Set.of(),
              Set.of()),
          new Spec(
              "composite_index",
              Indices.COMPOSITE_INDEX,
              "the composite index per minute with its sub-indices",
              Set.of(),
              Set.of(),
              Set.of()),
          new Spec(
              "shipments",
              Indices.SHIPMENTS,
              "one row per waybill: state, stage times, stall flag, ETA",
              Set.of(),
              Set.of(),
              Set.of("timeline")),
          new Spec(
              "logistics_stages",
              Indices.LOGISTICS_STAGES,
              "stage duration statistics per stage, route, mode and carrier",
              Set.of(),
              Set.of(),
              Set.of()),
          new Spec(
              "matches",
              Indices.MATCHES,
              "three-document match result per parcel",
              Set.of("missing", "failedFields"),
              Set.of(),
              Set.of("checks")),
          new Spec(
              "orders_per_mode",
              Indices.ORDERS_PER_MODE,
              "orders per trade mode per minute",
              Set.of(),
              Set.of(),
              Set.of()));

  private static final Map<String, SqlTable> TABLES = load();

  /** Every table by name, in catalogue order. */
  public static Map<String, SqlTable> all() {
    return TABLES;
  }

  /** The names of every table. */
  public static List<String> names() {
    return List.copyOf(TABLES.keySet());
  }

  private static Map<String, SqlTable> load() {
    Map<String, SqlTable> tables = new LinkedHashMap<>();
    for (Spec spec : SPECS) {
      JsonNode template = template(spec.index());
      JsonNode properties = template.path("template").path("mappings").path("properties");
      List<SqlColumn> columns = new ArrayList<>();
      walk(spec, "", properties, columns);
      tables.put(spec.name(), new SqlTable(spec.name(), spec.index(), spec.description(), columns));
    }
    return java.util.Collections.unmodifiableMap(tables);
  }

  private static void walk(Spec spec, String prefix, JsonNode properties, List<SqlColumn> out) {
    Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String path = prefix + e.getKey();
      JsonNode mapping = e.getValue();
      if (spec.leftOut().contains(path)) continue;
      String type = mapping.path("type").asText(null);
      if (mapping.has("properties") && (type == null || type.equals("object"))) {
        walk(spec, path + ".", mapping.get("properties"), out);
        continue;
      }
      FieldKind kind = FieldKind.ofMapping(type);
      if (kind == null) continue;
      out.add(
          new SqlColumn(
              SqlColumn.sqlName(path),
              path,
              kind,
              spec.multiValued().contains(path),
              spec.personal().contains(path),
              false));
    }
  }

  private static JsonNode template(String index) {
    String resource = Indices.templateResource(index);
    try (InputStream in = TableCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("no index template " + resource);
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
