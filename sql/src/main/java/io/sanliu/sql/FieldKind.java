package io.sanliu.sql;

import java.util.Locale;
import org.apache.calcite.sql.type.SqlTypeName;

/** How an Elasticsearch field type reads as SQL, and what Elasticsearch can do with it. */
enum FieldKind {
  KEYWORD(SqlTypeName.VARCHAR, true),
  /** Analysed text: readable, but equality or order in Elasticsearch would not mean SQL's. */
  TEXT(SqlTypeName.VARCHAR, false),
  /** A flattened object, read as its JSON text. */
  JSON(SqlTypeName.VARCHAR, false),
  DATE(SqlTypeName.TIMESTAMP, true),
  LONG(SqlTypeName.BIGINT, true),
  INTEGER(SqlTypeName.INTEGER, true),
  DOUBLE(SqlTypeName.DOUBLE, true),
  BOOLEAN(SqlTypeName.BOOLEAN, true);

  final SqlTypeName sqlType;

  /** Whether Elasticsearch filters, sorts and groups on it with SQL's meaning. */
  final boolean native_;

  FieldKind(SqlTypeName sqlType, boolean nativeOps) {
    this.sqlType = sqlType;
    this.native_ = nativeOps;
  }

  /** The kind of a mapping's {@code type}, or null for one SQL does not read (nested). */
  static FieldKind ofMapping(String type) {
    return switch (type == null ? "object" : type.toLowerCase(Locale.ROOT)) {
      case "keyword", "constant_keyword", "wildcard" -> KEYWORD;
      case "text", "match_only_text" -> TEXT;
      case "flattened" -> JSON;
      case "date", "date_nanos" -> DATE;
      case "long", "unsigned_long" -> LONG;
      case "integer", "short", "byte" -> INTEGER;
      case "double", "float", "half_float", "scaled_float" -> DOUBLE;
      case "boolean" -> BOOLEAN;
      default -> null;
    };
  }
}
