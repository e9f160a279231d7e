package io.sanliu.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/**
 * A scan of one index with the work pushed into it ({@link ScanSpec}). It runs in Calcite's
 * enumerable convention: at execution it asks Elasticsearch through {@link ScanRun}; EXPLAIN shows
 * what was pushed ({@code filter}, {@code project}, {@code aggregate}, {@code sort}, {@code
 * fetch}).
 */
final class ElasticScan extends TableScan implements EnumerableRel {
  /** Rows assumed in an index (the planner only compares plans of the same query). */
  private static final double INDEX_ROWS = 1_000_000;

  final ElasticTable elastic;
  final ScanSpec spec;
  private final RelDataType aggregateRowType;

  ElasticScan(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      ElasticTable elastic,
      ScanSpec spec) {
    this(cluster, traits, table, elastic, spec, null);
  }

  ElasticScan(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelOptTable table,
      ElasticTable elastic,
      ScanSpec spec,
      RelDataType aggregateRowType) {
    super(cluster, traits, List.of(), table);
    this.elastic = elastic;
    this.spec = spec;
    this.aggregateRowType = aggregateRowType;
  }

  ElasticScan with(ScanSpec next, RelTraitSet traits) {
    return new ElasticScan(getCluster(), traits, table, elastic, next, aggregateRowType);
  }

  ElasticScan aggregated(ScanSpec next, RelDataType rowType) {
    return new ElasticScan(getCluster(), getTraitSet(), table, elastic, next, rowType);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ElasticScan(getCluster(), traitSet, table, elastic, spec, aggregateRowType);
  }

  @Override
  public RelDataType deriveRowType() {
    if (spec.aggregated()) return aggregateRowType;
    RelDataType full = table.getRowType();
    var builder = getCluster().getTypeFactory().builder();
    for (int column : spec.projection()) builder.add(full.getFieldList().get(column));
    return builder.build();
  }

  @Override
  public void register(RelOptPlanner planner) {
    PushDownRules.ALL.forEach(planner::addRule);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = INDEX_ROWS * Math.pow(0.2, spec.filters().size());
    if (spec.aggregated()) rows = Math.max(1, rows / 100);
    if (spec.fetch() >= 0) rows = Math.min(rows, spec.fetch());
    return rows;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    // What travels from Elasticsearch: rows times columns; work done there is nearly free.
    double rows = estimateRowCount(mq);
    double width = spec.aggregated() ? 1 : spec.projection().size() / 10.0 + 0.5;
    double pushed = spec.sort().isEmpty() ? 1 : 0.5;
    return planner.getCostFactory().makeCost(rows, rows * width * pushed, 0);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = elastic.table.columns().stream().map(SqlColumn::name).toList();
    pw.item("table", elastic.table.name()).item("index", elastic.table.index());
    if (!spec.filters().isEmpty()) {
      List<String> filters = new ArrayList<>();
      for (RexNode f : spec.filters()) filters.add(named(f.toString(), names));
      pw.item("filter", filters);
    }
    if (spec.aggregated()) {
      pw.item("group", spec.groupKeys().stream().map(names::get).toList());
      pw.item("aggregate", spec.metrics().stream().map(m -> named(m.toString(), names)).toList());
    } else if (spec.projection().size() < names.size()) {
      pw.item("project", spec.projection().stream().map(names::get).toList());
    }
    if (!spec.sort().isEmpty()) {
      pw.item(
          "sort",
          spec.sort().stream()
              .map(
                  k ->
                      names.get(k.column())
                          + " "
                          + k.direction().shortString
                          + (k.nullsFirst() ? " nulls first" : " nulls last"))
              .toList());
    }
    pw.itemIf("offset", spec.offset(), spec.offset() > 0);
    pw.itemIf("fetch", spec.fetch(), spec.fetch() >= 0);
    return pw;
  }

  private static final Pattern INPUT_REF = Pattern.compile("\\$(\\d+)");

  /** {@code =($6, 'HIGH')} → {@code =(severity, 'HIGH')}. */
  private static String named(String text, List<String> names) {
    Matcher m = INPUT_REF.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      m.appendReplacement(b, Matcher.quoteReplacement(i < names.size() ? names.get(i) : m.group()));
    }
    m.appendTail(b);
    return b.toString();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), pref.preferArray());
    Expression run =
        implementor.stash(
            new ScanRun(
                elastic,
                spec,
                getRowType().getFieldList().stream()
                    .map(f -> f.getType().getSqlTypeName())
                    .toList()),
            ScanRun.class);
    return implementor.result(
        physType,
        Blocks.toBlock(
            Expressions.call(
                run,
                Types.lookupMethod(ScanRun.class, "rows", DataContext.class),
                implementor.getRootExpression())));
  }
}
