package io.sanliu.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Lets through one read-only statement: SELECT (with UNION, ORDER BY, VALUES...), WITH, or EXPLAIN
 * of one of those. Anything else is refused with a message saying what was found. Also accepts
 * {@code EXPLAIN <query>} (Calcite wants {@code EXPLAIN PLAN FOR}) and one trailing semicolon.
 */
public final class SqlGuard {
  private SqlGuard() {}

  private static final Set<SqlKind> READ_ONLY =
      Set.of(
          SqlKind.SELECT,
          SqlKind.ORDER_BY,
          SqlKind.WITH,
          SqlKind.UNION,
          SqlKind.INTERSECT,
          SqlKind.EXCEPT,
          SqlKind.VALUES);

  private static final Set<String> FIRST_WORDS = Set.of("SELECT", "WITH", "EXPLAIN", "VALUES");

  private static final Pattern FIRST_WORD = Pattern.compile("^[\\s(]*([A-Za-z]+)");
  private static final Pattern EXPLAIN =
      Pattern.compile("^\\s*EXPLAIN\\s+(?!PLAN\\b)", Pattern.CASE_INSENSITIVE);

  /** The statement to run: checked, with the EXPLAIN form and trailing semicolon normalised. */
  public static String readOnly(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new SqlRefusal(SqlRefusal.Reason.INVALID, "sql is empty");
    }
    List<String> statements = statements(sql);
    if (statements.size() > 1) {
      throw new SqlRefusal(
          SqlRefusal.Reason.NOT_READ_ONLY,
          "one statement per query: found "
              + statements.size()
              + " separated by ';' (multi-statements are refused)");
    }
    if (statements.isEmpty()) throw new SqlRefusal(SqlRefusal.Reason.INVALID, "sql is empty");
    String statement = statements.get(0);
    Matcher first = FIRST_WORD.matcher(withoutComments(statement));
    String word = first.find() ? first.group(1).toUpperCase(Locale.ROOT) : "";
    if (!FIRST_WORDS.contains(word)) {
      throw refusedKind(word.isEmpty() ? "this statement" : word);
    }
    String normalised = EXPLAIN.matcher(statement).replaceFirst("EXPLAIN PLAN FOR ");
    SqlNode node;
    try {
      node = SqlParser.create(normalised, SqlEngine.PARSER).parseStmt();
    } catch (SqlParseException e) {
      throw new SqlRefusal(SqlRefusal.Reason.INVALID, "invalid SQL: " + firstLine(e.getMessage()));
    }
    SqlNode query = node instanceof SqlExplain explain ? explain.getExplicandum() : node;
    if (!READ_ONLY.contains(query.getKind())) throw refusedKind(query.getKind().sql);
    return normalised;
  }

  private static SqlRefusal refusedKind(String what) {
    return new SqlRefusal(
        SqlRefusal.Reason.NOT_READ_ONLY,
        "read-only: only SELECT, WITH and EXPLAIN statements are accepted, not " + what);
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /**
   * The statements of a text split at semicolons outside quotes and comments, blank ones dropped.
   */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = i + 1;
        while (end < sql.length()) {
          if (sql.charAt(end) == c) {
            if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        end = Math.min(end + 1, sql.length());
        current.append(sql, i, end);
        i = end;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        current.append(sql, i, end);
        i = end;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? sql.length() : end + 2;
        current.append(sql, i, end);
        i = end;
      } else if (c == ';') {
        add(out, current);
        current.setLength(0);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(out, current);
    return out;
  }

  private static void add(List<String> out, StringBuilder statement) {
    if (!withoutComments(statement.toString()).isBlank()) out.add(statement.toString());
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
  }
}
