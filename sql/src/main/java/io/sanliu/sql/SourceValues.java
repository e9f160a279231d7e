package io.sanliu.sql;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * Document values as Calcite holds them: VARCHAR as String, BIGINT as Long, INTEGER as Integer,
 * DOUBLE as Double, BOOLEAN as Boolean, TIMESTAMP as epoch milliseconds (UTC).
 */
final class SourceValues {
  private SourceValues() {}

  static final String MASK = "***";

  /** The column's value in a document's {@code _source}; null when absent. */
  static Object read(JsonNode source, SqlColumn column) {
    JsonNode node = source;
    for (String part : column.field().split("\\.")) {
      node = node == null ? null : node.get(part);
    }
    if (node == null || node.isNull() || node.isMissingNode()) return null;
    if (column.masked()) return MASK;
    if (column.kind() == FieldKind.JSON) return node.isTextual() ? node.asText() : node.toString();
    if (node.isArray()) {
      if (node.isEmpty()) return null;
      if (column.kind() != FieldKind.KEYWORD && column.kind() != FieldKind.TEXT) {
        node = node.get(0);
      } else {
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return String.join(",", values);
      }
    }
    return switch (column.kind()) {
      case KEYWORD, TEXT, JSON -> node.asText();
      case LONG -> node.isNumber() ? node.asLong() : Long.parseLong(node.asText());
      case INTEGER -> node.isNumber() ? node.asInt() : Integer.parseInt(node.asText());
      case DOUBLE -> node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
      case BOOLEAN -> node.isBoolean() ? node.asBoolean() : Boolean.parseBoolean(node.asText());
      case DATE -> node.isNumber() ? node.asLong() : epochMillis(node.asText());
    };
  }

  /** A composite aggregation key as the column's value. */
  static Object key(FieldValue value, SqlColumn column) {
    if (value == null || value.isNull()) return null;
    return switch (column.kind()) {
      case LONG, DATE -> value.isLong() ? value.longValue() : (long) value.doubleValue();
      case INTEGER -> (int) (value.isLong() ? value.longValue() : (long) value.doubleValue());
      case DOUBLE -> value.isDouble() ? value.doubleValue() : (double) value.longValue();
      case BOOLEAN ->
          value.isBoolean()
              ? value.booleanValue()
              : value.isLong() ? value.longValue() != 0 : Boolean.parseBoolean(value.stringValue());
      default -> value.isString() ? value.stringValue() : String.valueOf(value._get());
    };
  }

  /** A time as epoch milliseconds: a number, a java.sql/java.time value, or ISO-8601 text. */
  static long epochMillis(Object value) {
    if (value instanceof Number n) return n.longValue();
    if (value instanceof Timestamp t) return t.getTime();
    if (value instanceof java.util.Date d) return d.getTime();
    if (value instanceof Instant i) return i.toEpochMilli();
    if (value instanceof java.util.Calendar c) return c.getTimeInMillis();
    String text = value.toString().trim();
    try {
      TemporalAccessor t =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              text, java.time.OffsetDateTime::from, LocalDateTime::from);
      if (t instanceof java.time.OffsetDateTime o) return o.toInstant().toEpochMilli();
      return ((LocalDateTime) t).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      } catch (java.time.format.DateTimeParseException again) {
        // Calcite's own text form of a timestamp: "2041-03-01 08:00:00"
        return Timestamp.valueOf(text).toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
      }
    }
  }
}
