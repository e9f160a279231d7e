package io.sanliu.sql;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Which conditions Elasticsearch evaluates with SQL's meaning, and their query: comparisons of a
 * column with a literal or a parameter ({@code <>} excludes NULLs, as in SQL), IS [NOT] NULL, LIKE
 * on a keyword (a wildcard query), a boolean column, and AND/OR of those. Parameters are read at
 * execution, so a prepared plan serves every value.
 */
final class ElasticFilters {
  private ElasticFilters() {}

  private static final Set<SqlKind> COMPARISONS =
      Set.of(
          SqlKind.EQUALS,
          SqlKind.NOT_EQUALS,
          SqlKind.LESS_THAN,
          SqlKind.LESS_THAN_OR_EQUAL,
          SqlKind.GREATER_THAN,
          SqlKind.GREATER_THAN_OR_EQUAL);

  static boolean pushable(RexNode node, ElasticTable table) {
    if (node instanceof RexInputRef ref) {
      return table.column(ref.getIndex()).pushable()
          && table.column(ref.getIndex()).kind() == FieldKind.BOOLEAN;
    }
    if (!(node instanceof RexCall call)) return false;
    SqlKind kind = call.getKind();
    List<RexNode> operands = call.getOperands();
    if (kind == SqlKind.AND || kind == SqlKind.OR) {
      return operands.stream().allMatch(o -> pushable(o, table));
    }
    if (kind == SqlKind.NOT) {
      return operands.get(0) instanceof RexInputRef && pushable(operands.get(0), table);
    }
    if (kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) {
      return column(operands.get(0), table) != null;
    }
    if (kind == SqlKind.LIKE) {
      SqlColumn c = column(operands.get(0), table);
      return operands.size() == 2
          && c != null
          && c.kind() == FieldKind.KEYWORD
          && operands.get(1) instanceof RexLiteral lit
          && lit.getValueAs(String.class) != null;
    }
    if (COMPARISONS.contains(kind) && operands.size() == 2) {
      return comparison(operands.get(0), operands.get(1), table)
          || comparison(operands.get(1), operands.get(0), table);
    }
    return false;
  }

  private static boolean comparison(RexNode left, RexNode right, ElasticTable table) {
    SqlColumn c = column(left, table);
    if (c == null || c.kind() == FieldKind.TEXT || c.kind() == FieldKind.JSON) return false;
    if (right instanceof RexDynamicParam) return true;
    return right instanceof RexLiteral lit && !lit.isNull();
  }

  private static SqlColumn column(RexNode node, ElasticTable table) {
    if (!(node instanceof RexInputRef ref)) return null;
    SqlColumn c = table.column(ref.getIndex());
    return c.pushable() ? c : null;
  }

  /** All the filters as one query (match_all when there are none). */
  static Query query(List<RexNode> filters, ElasticTable table, DataContext ctx) {
    if (filters.isEmpty()) return Query.of(q -> q.matchAll(m -> m));
    List<Query> all = new ArrayList<>();
    for (RexNode f : filters) all.add(query(f, table, ctx));
    return Query.of(q -> q.bool(b -> b.filter(all)));
  }

  private static Query query(RexNode node, ElasticTable table, DataContext ctx) {
    if (node instanceof RexInputRef ref) {
      return term(table.column(ref.getIndex()).field(), FieldValue.of(true));
    }
    RexCall call = (RexCall) node;
    List<RexNode> operands = call.getOperands();
    switch (call.getKind()) {
      case AND -> {
        List<Query> parts = operands.stream().map(o -> query(o, table, ctx)).toList();
        return Query.of(q -> q.bool(b -> b.filter(parts)));
      }
      case OR -> {
        List<Query> parts = operands.stream().map(o -> query(o, table, ctx)).toList();
        return Query.of(q -> q.bool(b -> b.should(parts).minimumShouldMatch("1")));
      }
      case NOT -> {
        return term(
            table.column(((RexInputRef) operands.get(0)).getIndex()).field(), FieldValue.of(false));
      }
      case IS_NULL -> {
        String field = field(operands.get(0), table);
        return Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field(field)))));
      }
      case IS_NOT_NULL -> {
        String field = field(operands.get(0), table);
        return Query.of(q -> q.exists(e -> e.field(field)));
      }
      case LIKE -> {
        String field = field(operands.get(0), table);
        String pattern = wildcard(((RexLiteral) operands.get(1)).getValueAs(String.class));
        return Query.of(q -> q.wildcard(w -> w.field(field).value(pattern)));
      }
      default -> {
        boolean columnFirst = operands.get(0) instanceof RexInputRef;
        RexNode columnNode = columnFirst ? operands.get(0) : operands.get(1);
        RexNode valueNode = columnFirst ? operands.get(1) : operands.get(0);
        SqlKind kind = columnFirst ? call.getKind() : call.getKind().reverse();
        SqlColumn column = table.column(((RexInputRef) columnNode).getIndex());
        Object value = value(valueNode, column, ctx);
        if (value == null) return Query.of(q -> q.matchNone(m -> m)); // x = NULL is unknown
        return compare(column, kind, value);
      }
    }
  }

  private static String field(RexNode node, ElasticTable table) {
    return table.column(((RexInputRef) node).getIndex()).field();
  }

  private static Query term(String field, FieldValue value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }

  private static Query compare(SqlColumn column, SqlKind kind, Object value) {
    String field = column.field();
    boolean date = column.kind() == FieldKind.DATE;
    boolean integral = column.kind() == FieldKind.LONG || column.kind() == FieldKind.INTEGER;
    if (kind == SqlKind.EQUALS || kind == SqlKind.NOT_EQUALS) {
      Query equal;
      if (integral && value instanceof BigDecimal d && d.stripTrailingZeros().scale() > 0) {
        equal = Query.of(q -> q.matchNone(m -> m)); // a whole number never equals 2.5
      } else if (date || value instanceof BigDecimal) {
        JsonData v = JsonData.of(value);
        equal =
            Query.of(
                q ->
                    q.range(
                        r ->
                            r.untyped(
                                u -> {
                                  u.field(field).gte(v).lte(v);
                                  return date ? u.format("epoch_millis") : u;
                                })));
      } else {
        equal = term(field, fieldValue(value));
      }
      if (kind == SqlKind.EQUALS) return equal;
      Query eq = equal;
      return Query.of(q -> q.bool(b -> b.filter(f -> f.exists(e -> e.field(field))).mustNot(eq)));
    }
    JsonData v = JsonData.of(value);
    return Query.of(
        q ->
            q.range(
                r ->
                    r.untyped(
                        u -> {
                          u.field(field);
                          if (date) u.format("epoch_millis");
                          return switch (kind) {
                            case LESS_THAN -> u.lt(v);
                            case LESS_THAN_OR_EQUAL -> u.lte(v);
                            case GREATER_THAN -> u.gt(v);
                            default -> u.gte(v);
                          };
                        })));
  }

  private static FieldValue fieldValue(Object value) {
    if (value instanceof String s) return FieldValue.of(s);
    if (value instanceof Boolean b) return FieldValue.of(b);
    if (value instanceof Long l) return FieldValue.of(l);
    if (value instanceof Double d) return FieldValue.of(d);
    return FieldValue.of(value.toString());
  }

  /** A literal's or parameter's value as the column's Elasticsearch value; null for NULL. */
  private static Object value(RexNode node, SqlColumn column, DataContext ctx) {
    Object raw;
    if (node instanceof RexDynamicParam param) {
      raw = ctx.get("?" + param.getIndex());
    } else {
      RexLiteral lit = (RexLiteral) node;
      raw =
          switch (column.kind()) {
            case DATE -> lit.getValueAs(Long.class);
            case BOOLEAN -> lit.getValueAs(Boolean.class);
            case KEYWORD -> lit.getValueAs(String.class);
            default -> lit.getValueAs(BigDecimal.class);
          };
    }
    if (raw == null) return null;
    return switch (column.kind()) {
      case DATE -> SourceValues.epochMillis(raw);
      case BOOLEAN -> raw instanceof Boolean b ? b : Boolean.parseBoolean(raw.toString());
      case KEYWORD -> raw.toString();
      case LONG, INTEGER -> {
        BigDecimal d = new BigDecimal(raw.toString());
        yield d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : d;
      }
      default -> Double.parseDouble(raw.toString());
    };
  }

  /** SQL LIKE's {@code %} and {@code _} as Elasticsearch's {@code *} and {@code ?}. */
  static String wildcard(String like) {
    StringBuilder b = new StringBuilder();
    for (char c : like.toCharArray()) {
      switch (c) {
        case '%' -> b.append('*');
        case '_' -> b.append('?');
        case '*', '?', '\\' -> b.append('\\').append(c);
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
