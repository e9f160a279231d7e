package io.sanliu.sql;

import java.util.Set;

/**
 * What one role may read through SQL: the tables it sees (others do not exist for it) and whether
 * personal columns are shown or masked as {@code ***}. The query API maps its roles onto these.
 *
 * @param name the role's name (one Calcite connection pool per access)
 */
public record SqlAccess(String name, Set<String> tables, boolean seesPersonalData) {
  public SqlAccess {
    tables = Set.copyOf(tables);
    for (String t : tables) {
      if (!TableCatalog.all().containsKey(t)) {
        throw new IllegalArgumentException(
            "no table " + t + " (known: " + TableCatalog.names() + ")");
      }
    }
  }
}
