package io.sanliu.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rex.RexNode;

/**
 * What one scan asks Elasticsearch for: the conditions it filters on (over the table's columns),
 * the columns it returns, or instead the groups and metrics of an aggregation, and an order with
 * offset and fetch. Grows as the planner pushes work into the scan; immutable.
 *
 * @param filters conditions on the table's columns ({@code $i} is column i), all to hold
 * @param projection the table columns returned, in order (when not aggregated)
 * @param groupKeys the table columns grouped on (when aggregated)
 * @param metrics the aggregate functions after the group keys (when aggregated)
 * @param aggregated whether the scan returns groups rather than documents
 * @param sort table column and direction of each sort key
 * @param offset rows skipped after sorting
 * @param fetch rows returned at most, or -1 for all
 */
record ScanSpec(
    List<RexNode> filters,
    List<Integer> projection,
    List<Integer> groupKeys,
    List<Metric> metrics,
    boolean aggregated,
    List<SortKey> sort,
    long offset,
    long fetch) {

  /**
   * An aggregate function Elasticsearch computes: COUNT(*) (column -1), COUNT, SUM, MIN, MAX, AVG.
   */
  record Metric(Kind kind, int column) {
    enum Kind {
      COUNT,
      SUM,
      SUM0,
      MIN,
      MAX,
      AVG
    }

    @Override
    public String toString() {
      return kind + "(" + (column < 0 ? "*" : "$" + column) + ")";
    }
  }

  /** A sort key on a table column. */
  record SortKey(int column, RelFieldCollation.Direction direction, boolean nullsFirst) {}

  static ScanSpec all(int columns) {
    List<Integer> projection = new ArrayList<>();
    for (int i = 0; i < columns; i++) projection.add(i);
    return new ScanSpec(List.of(), projection, List.of(), List.of(), false, List.of(), 0, -1);
  }

  ScanSpec withFilters(List<RexNode> more) {
    List<RexNode> all = new ArrayList<>(filters);
    all.addAll(more);
    return new ScanSpec(
        List.copyOf(all), projection, groupKeys, metrics, aggregated, sort, offset, fetch);
  }

  ScanSpec withProjection(List<Integer> columns) {
    return new ScanSpec(
        filters, List.copyOf(columns), groupKeys, metrics, aggregated, sort, offset, fetch);
  }

  ScanSpec withAggregate(List<Integer> keys, List<Metric> calls) {
    return new ScanSpec(
        filters, projection, List.copyOf(keys), List.copyOf(calls), true, sort, offset, fetch);
  }

  ScanSpec withSort(List<SortKey> keys, long offset, long fetch) {
    return new ScanSpec(
        filters, projection, groupKeys, metrics, aggregated, List.copyOf(keys), offset, fetch);
  }

  /** Whether only filters and a projection were pushed so far (more can be pushed on top). */
  boolean plain() {
    return !aggregated && sort.isEmpty() && offset == 0 && fetch < 0;
  }
}
