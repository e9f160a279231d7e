package io.sanliu.sql;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.Lex;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Runs analysts' SQL over the platform's indices: read-only, within the row, time and scan limits,
 * on the tables of the caller's access with personal columns masked. Each access has a few Calcite
 * connections, each keeping its recently prepared statements, so a repeated query (with other
 * parameters) skips parsing and planning. Blocking: call it from a worker thread.
 */
public final class SqlEngine implements AutoCloseable {
  /**
   * Identifiers as an analyst types them: unquoted names keep their case, matched ignoring it;
   * lenient conformance as in {@link #connectionProperties()}.
   */
  static final SqlParser.Config PARSER =
      SqlParser.config()
          .withLex(Lex.MYSQL_ANSI)
          .withQuoting(Quoting.DOUBLE_QUOTE)
          .withUnquotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          .withConformance(SqlConformanceEnum.LENIENT);

  /** Prepared statements kept per connection. */
  static final int PLAN_CACHE = 64;

  private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

  private final ElasticsearchClient es;
  private final SqlLimits limits;
  private final int sessionsPerAccess;
  private final Map<String, BlockingQueue<Session>> idle = new ConcurrentHashMap<>();
  private final Map<String, List<Session>> all = new ConcurrentHashMap<>();

  public SqlEngine(ElasticsearchClient es, SqlLimits limits, int sessionsPerAccess) {
    this.es = es;
    this.limits = limits;
    this.sessionsPerAccess = sessionsPerAccess;
  }

  public SqlLimits limits() {
    return limits;
  }

  /** The connection properties of every Calcite connection the platform opens. */
  public static Properties connectionProperties() {
    Properties p = new Properties();
    p.setProperty("lex", Lex.MYSQL_ANSI.name());
    p.setProperty("caseSensitive", "false");
    p.setProperty("unquotedCasing", Casing.UNCHANGED.name());
    p.setProperty("quotedCasing", Casing.UNCHANGED.name());
    p.setProperty("timeZone", "UTC");
    // Lenient: GROUP BY and HAVING may name a select alias or ordinal, as analysts expect.
    p.setProperty("conformance", SqlConformanceEnum.LENIENT.name());
    return p;
  }

  /** A Calcite connection whose default schema holds the tables of {@code access}. */
  public Connection connect(SqlAccess access) throws SQLException {
    return connect(access, connectionProperties());
  }

  Connection connect(SqlAccess access, Properties properties) throws SQLException {
    // The driver directly, not DriverManager: no reliance on service files in a repackaged jar.
    Connection connection =
        new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", properties);
    CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
    calcite.getRootSchema().add("sanliu", new ElasticSchema(access, es, limits));
    calcite.setSchema("sanliu");
    return connection;
  }

  /**
   * Runs one read-only statement with its parameters ({@code ?} in order): text, numbers, booleans,
   * or ISO-8601 text for a TIMESTAMP parameter.
   */
  public SqlResult query(SqlAccess access, String sql, List<Object> parameters) {
    String statement = SqlGuard.readOnly(sql);
    if (statement.endsWith(";")) statement = statement.substring(0, statement.length() - 1);
    Session session = borrow(access);
    boolean healthy = true;
    try {
      PreparedStatement ps = session.prepare(statement);
      bind(ps, parameters);
      try (ResultSet rs = ps.executeQuery()) {
        return read(rs);
      }
    } catch (SQLException | RuntimeException e) {
      SqlRefusal refusal = refusal(e);
      if (refusal != null) throw refusal;
      healthy = false;
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    } finally {
      release(access, session, healthy);
    }
  }

  private void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
    ParameterMetaData meta = ps.getParameterMetaData();
    int expected = meta.getParameterCount();
    if (parameters.size() != expected) {
      throw new SqlRefusal(
          SqlRefusal.Reason.INVALID,
          "the statement has "
              + expected
              + " parameters (?) but "
              + parameters.size()
              + " were given");
    }
    for (int i = 0; i < expected; i++) {
      Object value = parameters.get(i);
      int type = meta.getParameterType(i + 1);
      if (value == null) {
        ps.setNull(i + 1, type);
      } else if (type == Types.TIMESTAMP) {
        long millis;
        try {
          millis = SourceValues.epochMillis(value);
        } catch (RuntimeException e) {
          throw new SqlRefusal(
              SqlRefusal.Reason.INVALID,
              "parameter "
                  + (i + 1)
                  + " must be a time (ISO-8601, e.g. 2041-03-01T00:00:00Z): "
                  + value);
        }
        ps.setTimestamp(i + 1, new Timestamp(millis), (Calendar) UTC.clone());
      } else {
        ps.setObject(i + 1, value);
      }
    }
  }

  private SqlResult read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<SqlResult.Column> columns = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      columns.add(new SqlResult.Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
    }
    List<List<Object>> rows = new ArrayList<>();
    boolean truncated = false;
    long end = System.currentTimeMillis() + limits.timeout().toMillis();
    while (rs.next()) {
      if (rows.size() >= limits.maxRows()) {
        truncated = true;
        break;
      }
      if (System.currentTimeMillis() > end) {
        throw new SqlRefusal(
            SqlRefusal.Reason.LIMIT,
            "the query ran longer than its time limit of "
                + limits.timeout()
                + " (SANLIU_SQL_TIMEOUT)");
      }
      List<Object> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) row.add(value(rs, meta, i));
      rows.add(row);
    }
    return new SqlResult(columns, rows, truncated);
  }

  private static Object value(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
    switch (meta.getColumnType(i)) {
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        Timestamp t = rs.getTimestamp(i, (Calendar) UTC.clone());
        return t == null ? null : Instant.ofEpochMilli(t.getTime()).toString();
      }
      case Types.DATE -> {
        java.sql.Date d = rs.getDate(i, (Calendar) UTC.clone());
        return d == null ? null : Instant.ofEpochMilli(d.getTime()).toString().substring(0, 10);
      }
      case Types.TIME -> {
        java.sql.Time t = rs.getTime(i, (Calendar) UTC.clone());
        return t == null ? null : Instant.ofEpochMilli(t.getTime()).toString().substring(11);
      }
      default -> {
        Object v = rs.getObject(i);
        if (v instanceof BigDecimal || v instanceof Number || v instanceof Boolean || v == null) {
          return v;
        }
        return v.toString();
      }
    }
  }

  /**
   * What the caller should hear about a failure, or null for a fault of ours or Elasticsearch's.
   */
  static SqlRefusal refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SqlRefusal r) return r;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      if (name.startsWith("org.apache.calcite.sql.parser.SqlParseException")
          || name.startsWith("org.apache.calcite.sql.validate.SqlValidatorException")
          || name.startsWith("org.apache.calcite.runtime.CalciteContextException")) {
        return new SqlRefusal(
            SqlRefusal.Reason.INVALID, "invalid SQL: " + firstLine(t.getMessage()));
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) return "";
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private Session borrow(SqlAccess access) {
    BlockingQueue<Session> queue =
        idle.computeIfAbsent(access.name(), k -> new ArrayBlockingQueue<>(sessionsPerAccess));
    Session session = queue.poll();
    if (session != null) return session;
    synchronized (this) {
      List<Session> sessions = all.computeIfAbsent(access.name(), k -> new ArrayList<>());
      if (sessions.size() < sessionsPerAccess) {
        try {
          Session fresh = new Session(connect(access));
          sessions.add(fresh);
          return fresh;
        } catch (SQLException e) {
          throw new IllegalStateException("cannot open a Calcite connection", e);
        }
      }
    }
    try {
      session = queue.poll(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (session == null) {
      throw new SqlRefusal(SqlRefusal.Reason.LIMIT, "too many queries at once; try again");
    }
    return session;
  }

  private void release(SqlAccess access, Session session, boolean healthy) {
    if (!healthy) session.forget();
    idle.get(access.name()).offer(session);
  }

  @Override
  public synchronized void close() {
    all.values().forEach(list -> list.forEach(Session::close));
    all.clear();
    idle.clear();
  }

  /** A Calcite connection and its most recently used prepared statements (the plan cache). */
  private static final class Session {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= PLAN_CACHE) return false;
            closeQuietly(eldest.getValue());
            return true;
          }
        };

    Session(Connection connection) {
      this.connection = connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement ps = statements.get(sql);
      if (ps == null) {
        ps = connection.prepareStatement(sql);
        statements.put(sql, ps);
      }
      return ps;
    }

    /** Drops the cached statements after a failure (a statement may be left half-used). */
    void forget() {
      statements.values().forEach(Session::closeQuietly);
      statements.clear();
    }

    void close() {
      forget();
      try {
        connection.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }

    private static void closeQuietly(PreparedStatement ps) {
      try {
        ps.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
  }
}
