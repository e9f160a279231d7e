package io.sanliu.sql;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Runs one {@link ElasticScan} against Elasticsearch. Documents are read in pages through a point
 * in time with {@code search_after} (never past a 10,000 window, never a scroll); aggregations as a
 * composite aggregation paged by {@code after_key}, so every group comes back and counts are exact.
 * Checks the time limit and the scan limit at every page. Held by a prepared plan and run once per
 * execution with that execution's parameters.
 */
public final class ScanRun {
  static final int PAGE = 1_000;
  private static final String KEEP_ALIVE = "2m";

  private final ElasticTable table;
  private final ScanSpec spec;
  private final List<SqlTypeName> outputTypes;
  private final int fieldCount;

  ScanRun(ElasticTable table, ScanSpec spec, List<SqlTypeName> outputTypes) {
    this.table = table;
    this.spec = spec;
    this.outputTypes = List.copyOf(outputTypes);
    this.fieldCount = outputTypes.size();
  }

  /** The rows of one execution: an {@code Object[]} per row, or the value when one column. */
  public Enumerable<Object> rows(DataContext ctx) {
    Deadline deadline = new Deadline(ctx, table.limits);
    Query query = ElasticFilters.query(spec.filters(), table, ctx);
    if (spec.aggregated()) {
      List<Object> rows =
          spec.groupKeys().isEmpty() ? List.of(total(query, deadline)) : groups(query, deadline);
      return Linq4j.asEnumerable(rows);
    }
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new Documents(query, deadline);
      }
    };
  }

  private Object row(Object[] values) {
    return fieldCount == 1 ? values[0] : values;
  }

  private ElasticsearchClient es() {
    return table.es;
  }

  // ---- documents ------------------------------------------------------------------------------

  private List<SortOptions> sortOptions(boolean pit) {
    List<SortOptions> sort = new ArrayList<>();
    for (ScanSpec.SortKey k : spec.sort()) {
      String field = table.column(k.column()).field();
      SortOrder order =
          k.direction() == RelFieldCollation.Direction.DESCENDING ? SortOrder.Desc : SortOrder.Asc;
      String missing = k.nullsFirst() ? "_first" : "_last";
      sort.add(SortOptions.of(s -> s.field(f -> f.field(field).order(order).missing(missing))));
    }
    // With a point in time, _shard_doc breaks ties (and alone is the cheapest order).
    if (pit)
      sort.add(SortOptions.of(s -> s.field(f -> f.field("_shard_doc").order(SortOrder.Asc))));
    return sort;
  }

  private List<String> sourceFields() {
    return spec.projection().stream().map(c -> table.column(c).field()).distinct().toList();
  }

  /** Pages of hits turned into rows, lazily; closes its point in time when done or closed. */
  private final class Documents implements Enumerator<Object> {
    private final Query query;
    private final Deadline deadline;
    private final long wanted;
    private List<Object> page = List.of();
    private int index = -1;
    private Object current;
    private String pitId;
    private List<FieldValue> after;
    private long skipped;
    private long read;
    private long returned;
    private boolean exhausted;

    Documents(Query query, Deadline deadline) {
      this.query = query;
      this.deadline = deadline;
      this.wanted = spec.fetch() < 0 ? Long.MAX_VALUE : spec.fetch();
    }

    @Override
    public Object current() {
      if (index < 0) throw new NoSuchElementException();
      return current;
    }

    @Override
    public boolean moveNext() {
      while (true) {
        if (returned >= wanted) return false;
        if (index + 1 < page.size()) {
          index++;
          current = page.get(index);
          returned++;
          return true;
        }
        if (exhausted) return false;
        fetchPage();
      }
    }

    private void fetchPage() {
      deadline.check();
      page = List.of();
      index = -1;
      try {
        if (spec.fetch() >= 0 && spec.offset() + spec.fetch() <= PAGE && read == 0) {
          // A small sorted or limited read: one request, no point in time.
          SearchResponse<JsonNode> r =
              es().search(
                      s -> {
                        base(s)
                            .index(table.table.index())
                            .from((int) spec.offset())
                            .size((int) wanted);
                        if (!spec.sort().isEmpty()) s.sort(sortOptions(false));
                        return s;
                      },
                      JsonNode.class);
          exhausted = true;
          page = rows(r.hits().hits(), false);
          return;
        }
        if (pitId == null) {
          pitId =
              es().openPointInTime(
                      p -> p.index(table.table.index()).keepAlive(k -> k.time(KEEP_ALIVE)))
                  .id();
        }
        SearchResponse<JsonNode> r =
            es().search(
                    s -> {
                      base(s)
                          .pit(p -> p.id(pitId).keepAlive(k -> k.time(KEEP_ALIVE)))
                          .size(PAGE)
                          .sort(sortOptions(true))
                          .trackTotalHits(t -> t.enabled(false));
                      if (after != null) s.searchAfter(after);
                      return s;
                    },
                    JsonNode.class);
        if (r.pitId() != null) pitId = r.pitId();
        List<Hit<JsonNode>> hits = r.hits().hits();
        read += hits.size();
        limitScan(read);
        if (hits.size() < PAGE) exhausted = true;
        if (!hits.isEmpty()) after = hits.get(hits.size() - 1).sort();
        page = rows(hits, true);
        if (exhausted) closePit();
      } catch (ElasticsearchException e) {
        if (e.status() != 404) throw e;
        // The index does not exist yet (no job has written to it): an empty table.
        exhausted = true;
      } catch (IOException e) {
        throw new UncheckedIOException("Elasticsearch: " + e.getMessage(), e);
      }
    }

    private SearchRequest.Builder base(SearchRequest.Builder s) {
      return s.query(query).source(src -> src.filter(f -> f.includes(sourceFields())));
    }

    private List<Object> rows(List<Hit<JsonNode>> hits, boolean skipOffset) {
      List<Object> rows = new ArrayList<>(hits.size());
      for (Hit<JsonNode> hit : hits) {
        if (skipOffset && skipped < spec.offset()) {
          skipped++;
          continue;
        }
        JsonNode source = hit.source();
        Object[] values = new Object[spec.projection().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] =
              source == null
                  ? null
                  : SourceValues.read(source, table.column(spec.projection().get(i)));
        }
        rows.add(row(values));
      }
      return rows;
    }

    private void limitScan(long documents) {
      if (documents > table.limits.maxScanRows()) {
        closePit();
        throw new SqlRefusal(
            SqlRefusal.Reason.LIMIT,
            "the query reads "
                + documents
                + " documents of table "
                + table.table.name()
                + ", more than the "
                + table.limits.maxScanRows()
                + " a scan may read (SANLIU_SQL_MAX_SCAN_ROWS): filter it, aggregate it or add a"
                + " LIMIT so that the work runs inside Elasticsearch");
      }
    }

    private void closePit() {
      if (pitId == null) return;
      String id = pitId;
      pitId = null;
      try {
        es().closePointInTime(c -> c.id(id));
      } catch (IOException | ElasticsearchException e) {
        // The point in time expires by itself after its keep-alive.
      }
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      closePit();
    }
  }

  // ---- aggregations ---------------------------------------------------------------------------

  /** Metric sub-aggregations: per metric on a column, its value count and sum, min or max. */
  private Map<String, Aggregation> metricAggregations() {
    Map<String, Aggregation> aggs = new LinkedHashMap<>();
    List<ScanSpec.Metric> metrics = spec.metrics();
    for (int i = 0; i < metrics.size(); i++) {
      ScanSpec.Metric m = metrics.get(i);
      if (m.column() < 0) continue;
      String field = table.column(m.column()).field();
      aggs.put("c" + i, Aggregation.of(a -> a.valueCount(v -> v.field(field))));
      switch (m.kind()) {
        case SUM, SUM0, AVG -> aggs.put("v" + i, Aggregation.of(a -> a.sum(s -> s.field(field))));
        case MIN -> aggs.put("v" + i, Aggregation.of(a -> a.min(s -> s.field(field))));
        case MAX -> aggs.put("v" + i, Aggregation.of(a -> a.max(s -> s.field(field))));
        default -> {}
      }
    }
    return aggs;
  }

  private Object total(Query query, Deadline deadline) {
    deadline.check();
    try {
      SearchResponse<Void> r =
          es().search(
                  s ->
                      s.index(table.table.index())
                          .ignoreUnavailable(true)
                          .size(0)
                          .query(query)
                          .trackTotalHits(t -> t.enabled(true))
                          .aggregations(metricAggregations()),
                  Void.class);
      long count = r.hits().total() == null ? 0 : r.hits().total().value();
      if (r.aggregations().size() < metricAggregations().size()) {
        // No such index yet: an aggregate over no rows.
        return row(metricValues(0, null, 0));
      }
      return row(metricValues(count, r.aggregations(), 0));
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch: " + e.getMessage(), e);
    }
  }

  private List<Object> groups(Query query, Deadline deadline) {
    List<Map<String, CompositeAggregationSource>> sources = new ArrayList<>();
    List<Integer> keys = spec.groupKeys();
    for (int i = 0; i < keys.size(); i++) {
      String field = table.column(keys.get(i)).field();
      sources.add(
          Map.of(
              "k" + i,
              CompositeAggregationSource.of(
                  s -> s.terms(t -> t.field(field).missingBucket(true)))));
    }
    Map<String, Aggregation> metrics = metricAggregations();
    List<Object> rows = new ArrayList<>();
    Map<String, FieldValue> after = null;
    try {
      while (true) {
        deadline.check();
        Map<String, FieldValue> from = after;
        SearchResponse<Void> r =
            es().search(
                    s ->
                        s.index(table.table.index())
                            .ignoreUnavailable(true)
                            .size(0)
                            .query(query)
                            .trackTotalHits(t -> t.enabled(false))
                            .aggregations(
                                "groups",
                                a ->
                                    a.composite(
                                            c -> {
                                              c.size(PAGE).sources(sources);
                                              if (from != null) c.after(from);
                                              return c;
                                            })
                                        .aggregations(metrics)),
                    Void.class);
        Aggregate groups = r.aggregations().get("groups");
        if (groups == null) return rows; // no such index yet: no groups
        CompositeAggregate composite = groups.composite();
        List<CompositeBucket> buckets = composite.buckets().array();
        for (CompositeBucket b : buckets) {
          Object[] values = new Object[fieldCount];
          for (int i = 0; i < keys.size(); i++) {
            values[i] = SourceValues.key(b.key().get("k" + i), table.column(keys.get(i)));
          }
          Object[] m = metricValues(b.docCount(), b.aggregations(), keys.size());
          System.arraycopy(m, keys.size(), values, keys.size(), spec.metrics().size());
          rows.add(row(values));
        }
        if (rows.size() > table.limits.maxScanRows()) {
          throw new SqlRefusal(
              SqlRefusal.Reason.LIMIT,
              "the query makes more than "
                  + table.limits.maxScanRows()
                  + " groups of table "
                  + table.table.name()
                  + " (SANLIU_SQL_MAX_SCAN_ROWS)");
        }
        after = composite.afterKey();
        if (buckets.size() < PAGE || after == null || after.isEmpty()) return rows;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Elasticsearch: " + e.getMessage(), e);
    }
  }

  /** The metric values of a bucket (or of the whole index), as Calcite's aggregate types. */
  private Object[] metricValues(long docCount, Map<String, Aggregate> aggs, int offset) {
    Object[] values = new Object[offset + spec.metrics().size()];
    for (int i = 0; i < spec.metrics().size(); i++) {
      ScanSpec.Metric m = spec.metrics().get(i);
      int out = offset + i;
      if (m.column() < 0) {
        values[out] = docCount;
        continue;
      }
      long count = aggs == null ? 0 : (long) aggs.get("c" + i).valueCount().value();
      FieldKind kind = table.column(m.column()).kind();
      boolean integral = kind == FieldKind.LONG || kind == FieldKind.INTEGER;
      values[out] =
          switch (m.kind()) {
            case COUNT -> count;
            case SUM, SUM0 -> {
              if (count == 0 && m.kind() == ScanSpec.Metric.Kind.SUM) yield null;
              double sum = aggs.get("v" + i).sum().value();
              yield integral ? (Object) typed((long) sum, out) : sum;
            }
            case AVG -> {
              if (count == 0) yield null;
              double sum = aggs.get("v" + i).sum().value();
              // Calcite's AVG of whole numbers is a whole number (truncated), of doubles a double.
              yield integral ? (Object) typed((long) sum / count, out) : sum / count;
            }
            case MIN, MAX -> {
              if (count == 0) yield null;
              Aggregate a = aggs.get("v" + i);
              double v = m.kind() == ScanSpec.Metric.Kind.MIN ? a.min().value() : a.max().value();
              yield kind == FieldKind.DOUBLE
                  ? (Object) v
                  : kind == FieldKind.DATE ? (Object) (long) v : typed((long) v, out);
            }
          };
    }
    return values;
  }

  /** A whole number as the output column's Java type (INTEGER or BIGINT). */
  private Object typed(long value, int out) {
    return outputTypes.get(out) == SqlTypeName.INTEGER ? (Object) (int) value : (Object) value;
  }

  /** The time limit of one execution, from its start, and its cancel flag. */
  private static final class Deadline {
    private final long end;
    private final AtomicBoolean cancel;
    private final String limit;

    Deadline(DataContext ctx, SqlLimits limits) {
      Object start = ctx.get(DataContext.Variable.UTC_TIMESTAMP.camelName);
      long from = start instanceof Long l ? l : System.currentTimeMillis();
      this.end = from + limits.timeout().toMillis();
      this.cancel = (AtomicBoolean) ctx.get(DataContext.Variable.CANCEL_FLAG.camelName);
      this.limit = limits.timeout().toString();
    }

    void check() {
      if (cancel != null && cancel.get()) {
        throw new SqlRefusal(SqlRefusal.Reason.LIMIT, "the query was cancelled");
      }
      if (System.currentTimeMillis() > end) {
        throw new SqlRefusal(
            SqlRefusal.Reason.LIMIT,
            "the query ran longer than its time limit of " + limit + " (SANLIU_SQL_TIMEOUT)");
      }
    }
  }
}
