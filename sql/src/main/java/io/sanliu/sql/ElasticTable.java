package io.sanliu.sql;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One index as a SQL table. The planner turns it into an {@link ElasticScan} and pushes filters,
 * projections, aggregations, sorts and limits into that scan (see {@link PushDownRules}).
 */
final class ElasticTable extends AbstractTable implements TranslatableTable {
  final SqlTable table;
  final ElasticsearchClient es;
  final SqlLimits limits;

  ElasticTable(SqlTable table, ElasticsearchClient es, SqlLimits limits) {
    this.table = table;
    this.es = es;
    this.limits = limits;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory types) {
    RelDataTypeFactory.Builder row = types.builder();
    for (SqlColumn c : table.columns()) {
      RelDataType type =
          c.kind().sqlType == SqlTypeName.TIMESTAMP
              ? types.createSqlType(SqlTypeName.TIMESTAMP, 3)
              : types.createSqlType(c.kind().sqlType);
      row.add(c.name(), types.createTypeWithNullability(type, true));
    }
    return row.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelOptCluster cluster = context.getCluster();
    return new ElasticScan(
        cluster,
        cluster.traitSetOf(EnumerableConvention.INSTANCE),
        relOptTable,
        this,
        ScanSpec.all(table.columns().size()));
  }

  SqlColumn column(int i) {
    return table.columns().get(i);
  }
}
