package io.sanliu.sql;

import java.util.List;

/** A table analysts query: its SQL name, the index it reads and its columns in mapping order. */
record SqlTable(String name, String index, String description, List<SqlColumn> columns) {

  /** The same table with its personal columns masked. */
  SqlTable masked() {
    return new SqlTable(
        name,
        index,
        description,
        columns.stream().map(c -> c.personal() ? c.asMasked() : c).toList());
  }
}
