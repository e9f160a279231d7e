package io.sanliu.sql;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The tables one access may see, personal columns masked unless it may see them. */
final class ElasticSchema extends AbstractSchema {
  private final Map<String, Table> tables = new LinkedHashMap<>();

  ElasticSchema(SqlAccess access, ElasticsearchClient es, SqlLimits limits) {
    TableCatalog.all()
        .forEach(
            (name, table) -> {
              if (!access.tables().contains(name)) return;
              SqlTable visible = access.seesPersonalData() ? table : table.masked();
              tables.put(name, new ElasticTable(visible, es, limits));
            });
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
