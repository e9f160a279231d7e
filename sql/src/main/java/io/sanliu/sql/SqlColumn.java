package io.sanliu.sql;

/**
 * One column of a table: its SQL name (snake_case), the Elasticsearch field path it reads, its
 * kind, whether the field may hold several values (read as their comma-joined text, never pushed
 * down), whether it holds personal data, and whether it is masked ({@code ***}) for the role
 * reading it.
 */
record SqlColumn(
    String name,
    String field,
    FieldKind kind,
    boolean multiValued,
    boolean personal,
    boolean masked) {

  /** Whether filters, sorts and groups on this column may run inside Elasticsearch. */
  boolean pushable() {
    return kind.native_ && !multiValued && !masked;
  }

  SqlColumn asMasked() {
    return new SqlColumn(name, field, kind, multiValued, personal, true);
  }

  /**
   * {@code enterpriseCode} → {@code enterprise_code}, {@code subIndices.risk.index} → {@code
   * sub_indices_risk_index}.
   */
  static String sqlName(String path) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '.') {
        b.append('_');
      } else if (Character.isUpperCase(c)) {
        boolean afterLower = i > 0 && !Character.isUpperCase(path.charAt(i - 1));
        boolean beforeLower = i + 1 < path.length() && Character.isLowerCase(path.charAt(i + 1));
        if (b.length() > 0 && b.charAt(b.length() - 1) != '_' && (afterLower || beforeLower)) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
