package io.sanliu.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The planner rules that move work from Calcite into an {@link ElasticScan}: each condition of a
 * filter that Elasticsearch evaluates with SQL's meaning (the rest stays in a Calcite filter
 * above), projections, a GROUP BY with COUNT/SUM/MIN/MAX/AVG (a composite aggregation), and ORDER
 * BY with LIMIT/OFFSET. What a rule cannot push stays in Calcite, which computes it correctly.
 */
final class PushDownRules {
  private PushDownRules() {}

  static final List<RelOptRule> ALL =
      List.of(
          new FilterRule(),
          new ProjectRule(),
          new AggregateRule(),
          new AggregateOverFilterRule(),
          new SortRule(),
          new LimitRule());

  /** Pushes the conditions Elasticsearch can evaluate; leaves the others in a filter above. */
  static final class FilterRule extends RelOptRule {
    FilterRule() {
      super(operand(LogicalFilter.class, operand(ElasticScan.class, none())), "ElasticFilter");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalFilter filter = call.rel(0);
      ElasticScan scan = call.rel(1);
      if (!scan.spec.plain()) return;
      RexBuilder rex = filter.getCluster().getRexBuilder();
      RexNode condition = RexUtil.expandSearch(rex, null, filter.getCondition());
      List<RexNode> pushed = new ArrayList<>();
      List<RexNode> kept = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
        RexNode onTable = onTableColumns(conjunct, scan.spec.projection());
        if (ElasticFilters.pushable(onTable, scan.elastic)) {
          pushed.add(onTable);
        } else {
          kept.add(conjunct);
        }
      }
      if (pushed.isEmpty()) return;
      ElasticScan narrowed = scan.with(scan.spec.withFilters(pushed), scan.getTraitSet());
      if (kept.isEmpty()) {
        call.transformTo(narrowed);
      } else {
        call.transformTo(
            filter.copy(filter.getTraitSet(), narrowed, RexUtil.composeConjunction(rex, kept)));
      }
    }
  }

  /** Returns only the columns used; a projection of plain columns disappears into the scan. */
  static final class ProjectRule extends RelOptRule {
    ProjectRule() {
      super(operand(LogicalProject.class, operand(ElasticScan.class, none())), "ElasticProject");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalProject project = call.rel(0);
      ElasticScan scan = call.rel(1);
      if (!scan.spec.plain()) return;
      List<Integer> current = scan.spec.projection();
      if (project.getProjects().stream().allMatch(p -> p instanceof RexInputRef)) {
        List<Integer> columns =
            project.getProjects().stream()
                .map(p -> current.get(((RexInputRef) p).getIndex()))
                .toList();
        call.transformTo(scan.with(scan.spec.withProjection(columns), scan.getTraitSet()));
        return;
      }
      ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
      if (used.cardinality() >= current.size()) return;
      List<Integer> columns = new ArrayList<>();
      int[] position = new int[current.size()];
      for (int i : used) {
        position[i] = columns.size();
        columns.add(current.get(i));
      }
      ElasticScan narrowed = scan.with(scan.spec.withProjection(columns), scan.getTraitSet());
      RexShuttle renumber =
          new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
              return new RexInputRef(position[ref.getIndex()], ref.getType());
            }
          };
      call.transformTo(
          project.copy(
              project.getTraitSet(),
              narrowed,
              project.getProjects().stream().map(p -> p.accept(renumber)).toList(),
              project.getRowType()));
    }
  }

  /** A GROUP BY (or a whole-table aggregate) as a composite aggregation. */
  static final class AggregateRule extends RelOptRule {
    AggregateRule() {
      super(
          operand(LogicalAggregate.class, operand(ElasticScan.class, none())), "ElasticAggregate");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalAggregate aggregate = call.rel(0);
      ElasticScan scan = call.rel(1);
      aggregated(aggregate, scan).ifPresent(call::transformTo);
    }
  }

  /**
   * The same over a filter whose conditions all push down: in the Volcano planner the scan with the
   * filter pushed into it is not always offered to the aggregate rule.
   */
  static final class AggregateOverFilterRule extends RelOptRule {
    AggregateOverFilterRule() {
      super(
          operand(
              LogicalAggregate.class,
              operand(LogicalFilter.class, operand(ElasticScan.class, none()))),
          "ElasticAggregateOverFilter");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalAggregate aggregate = call.rel(0);
      LogicalFilter filter = call.rel(1);
      ElasticScan scan = call.rel(2);
      if (!scan.spec.plain()) return;
      RexNode condition =
          RexUtil.expandSearch(filter.getCluster().getRexBuilder(), null, filter.getCondition());
      List<RexNode> pushed = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
        RexNode onTable = onTableColumns(conjunct, scan.spec.projection());
        if (!ElasticFilters.pushable(onTable, scan.elastic)) return;
        pushed.add(onTable);
      }
      ElasticScan filtered = scan.with(scan.spec.withFilters(pushed), scan.getTraitSet());
      aggregated(aggregate, filtered).ifPresent(call::transformTo);
    }
  }

  private static Optional<ElasticScan> aggregated(Aggregate aggregate, ElasticScan scan) {
    if (!scan.spec.plain() || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
      return Optional.empty();
    }
    List<Integer> projection = scan.spec.projection();
    List<Integer> keys = new ArrayList<>();
    for (int key : aggregate.getGroupSet()) {
      int column = projection.get(key);
      if (!scan.elastic.column(column).pushable()) return Optional.empty();
      keys.add(column);
    }
    List<ScanSpec.Metric> metrics = new ArrayList<>();
    for (AggregateCall call : aggregate.getAggCallList()) {
      Optional<ScanSpec.Metric> metric = metric(call, projection, scan.elastic);
      if (metric.isEmpty()) return Optional.empty();
      metrics.add(metric.get());
    }
    return Optional.of(
        scan.aggregated(scan.spec.withAggregate(keys, metrics), aggregate.getRowType()));
  }

  private static Optional<ScanSpec.Metric> metric(
      AggregateCall call, List<Integer> projection, ElasticTable table) {
    if (call.isDistinct() || call.filterArg >= 0 || call.isApproximate()) return Optional.empty();
    if (!call.collation.getFieldCollations().isEmpty()) return Optional.empty();
    List<Integer> args = call.getArgList();
    ScanSpec.Metric.Kind kind;
    switch (call.getAggregation().getKind()) {
      case COUNT -> kind = ScanSpec.Metric.Kind.COUNT;
      case SUM -> kind = ScanSpec.Metric.Kind.SUM;
      case SUM0 -> kind = ScanSpec.Metric.Kind.SUM0;
      case MIN -> kind = ScanSpec.Metric.Kind.MIN;
      case MAX -> kind = ScanSpec.Metric.Kind.MAX;
      case AVG -> kind = ScanSpec.Metric.Kind.AVG;
      default -> {
        return Optional.empty();
      }
    }
    if (args.isEmpty()) {
      return kind == ScanSpec.Metric.Kind.COUNT
          ? Optional.of(new ScanSpec.Metric(kind, -1))
          : Optional.empty();
    }
    if (args.size() != 1) return Optional.empty();
    int column = projection.get(args.get(0));
    SqlColumn c = table.column(column);
    if (!c.pushable()) return Optional.empty();
    boolean numeric =
        c.kind() == FieldKind.LONG || c.kind() == FieldKind.INTEGER || c.kind() == FieldKind.DOUBLE;
    boolean ordered = numeric || c.kind() == FieldKind.DATE;
    boolean ok =
        switch (kind) {
          case COUNT -> true;
          case MIN, MAX -> ordered;
          case SUM, SUM0, AVG -> numeric && call.getType().getSqlTypeName() != SqlTypeName.DECIMAL;
        };
    return ok ? Optional.of(new ScanSpec.Metric(kind, column)) : Optional.empty();
  }

  /** ORDER BY on sortable columns, with a literal LIMIT and OFFSET (or a LIMIT alone). */
  static final class SortRule extends RelOptRule {
    SortRule() {
      super(operand(LogicalSort.class, operand(ElasticScan.class, none())), "ElasticSort");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      LogicalSort sort = call.rel(0);
      ElasticScan scan = call.rel(1);
      if (!scan.spec.plain()) return;
      long offset = literal(sort.offset, 0);
      long fetch = literal(sort.fetch, -1);
      if (offset == -2 || fetch == -2) return;
      RelCollation collation = sort.getCollation();
      List<ScanSpec.SortKey> keys = new ArrayList<>();
      for (RelFieldCollation field : collation.getFieldCollations()) {
        int column = scan.spec.projection().get(field.getFieldIndex());
        if (!scan.elastic.column(column).pushable()) return;
        RelFieldCollation.NullDirection nulls =
            field.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED
                ? field.direction.defaultNullDirection()
                : field.nullDirection;
        if (field.direction != RelFieldCollation.Direction.ASCENDING
            && field.direction != RelFieldCollation.Direction.DESCENDING) {
          return;
        }
        keys.add(
            new ScanSpec.SortKey(
                column, field.direction, nulls == RelFieldCollation.NullDirection.FIRST));
      }
      if (keys.isEmpty() && fetch < 0 && offset == 0) return;
      ScanSpec next = scan.spec.withSort(keys, offset, fetch);
      call.transformTo(scan.with(next, scan.getTraitSet().replace(collation)));
    }

    /** A literal's value, {@code absent} when there is none, -2 for a non-literal (a parameter). */
    static long literal(RexNode node, long absent) {
      if (node == null) return absent;
      if (node instanceof RexLiteral literal) {
        Number n = literal.getValueAs(Long.class);
        return n == null ? -2 : n.longValue();
      }
      return -2;
    }
  }

  /**
   * A LIMIT / OFFSET the planner split from its ORDER BY (an enumerable limit over the scan the
   * sort was pushed into).
   */
  static final class LimitRule extends RelOptRule {
    LimitRule() {
      super(operand(EnumerableLimit.class, operand(ElasticScan.class, none())), "ElasticLimit");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
      EnumerableLimit limit = call.rel(0);
      ElasticScan scan = call.rel(1);
      ScanSpec spec = scan.spec;
      if (spec.aggregated() || spec.offset() != 0 || spec.fetch() >= 0) return;
      long offset = SortRule.literal(limit.offset, 0);
      long fetch = SortRule.literal(limit.fetch, -1);
      if (offset == -2 || fetch == -2) return;
      call.transformTo(scan.with(spec.withSort(spec.sort(), offset, fetch), scan.getTraitSet()));
    }
  }

  /** A condition over the scan's output fields, rewritten over the table's columns. */
  static RexNode onTableColumns(RexNode node, List<Integer> projection) {
    return node.accept(
        new RexShuttle() {
          @Override
          public RexNode visitInputRef(RexInputRef ref) {
            return new RexInputRef(projection.get(ref.getIndex()), ref.getType());
          }
        });
  }
}
