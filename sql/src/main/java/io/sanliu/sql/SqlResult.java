package io.sanliu.sql;

import java.util.List;

/**
 * A query's answer: its columns with SQL types, its rows (values as JSON reads them: text, numbers,
 * booleans, times as ISO-8601 UTC), and whether rows were cut off at the row limit.
 */
public record SqlResult(List<Column> columns, List<List<Object>> rows, boolean truncated) {
  /** A result column: its label and SQL type name ({@code VARCHAR}, {@code TIMESTAMP}...). */
  public record Column(String name, String type) {}
}
