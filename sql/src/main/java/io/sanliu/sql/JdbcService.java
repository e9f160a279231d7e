package io.sanliu.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.JsonHandler;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The JDBC endpoint's server side: Avatica's JSON protocol over the same Calcite schema and rules
 * as {@link SqlEngine} (read-only statements, the row limit, the time and scan limits, the caller's
 * tables and masking). One Avatica service per access, so a connection opened with one role's token
 * never serves another role; the client's connection properties are ignored (a client cannot pick
 * its own schema or role). The HTTP transport and the token check are the query API's.
 */
public final class JdbcService implements AutoCloseable {
  private final SqlEngine engine;
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

  public JdbcService(SqlEngine engine) {
    this.engine = engine;
  }

  /** Handles one Avatica JSON request of a caller with {@code access}; blocking. */
  public Handler.HandlerResponse<String> handle(SqlAccess access, String body) {
    return endpoints.computeIfAbsent(access.name(), k -> new Endpoint(access)).handler.apply(body);
  }

  @Override
  public void close() {
    endpoints.values().forEach(Endpoint::close);
    endpoints.clear();
  }

  private final class Endpoint {
    final RuledMeta meta;
    final JsonHandler handler;

    Endpoint(SqlAccess access) {
      try {
        this.meta = new RuledMeta(engine, access);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      this.handler =
          new JsonHandler(
              new LocalService(meta, NoopMetricsSystem.getInstance()),
              NoopMetricsSystem.getInstance());
    }

    void close() {
      meta.closeAll();
    }
  }

  /** Avatica's JDBC meta over our connections, with the read-only guard and the row limit. */
  static final class RuledMeta extends JdbcMeta {
    private final SqlEngine engine;
    private final SqlAccess access;

    RuledMeta(SqlEngine engine, SqlAccess access) throws SQLException {
      super("jdbc:calcite:", SqlEngine.connectionProperties());
      this.engine = engine;
      this.access = access;
    }

    @Override
    protected Connection createConnection(String url, Properties info) throws SQLException {
      return engine.connect(access);
    }

    private long rows(long requested) {
      long limit = engine.limits().maxRows();
      return requested <= 0 ? limit : Math.min(requested, limit);
    }

    private static String checked(String sql) {
      String statement = SqlGuard.readOnly(sql);
      return statement.endsWith(";") ? statement.substring(0, statement.length() - 1) : statement;
    }

    @Override
    public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
      return super.prepare(ch, checked(sql), rows(maxRowCount));
    }

    @Override
    public ExecuteResult prepareAndExecute(
        StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
        throws NoSuchStatementException {
      return super.prepareAndExecute(h, checked(sql), rows(maxRowCount), callback);
    }

    @Override
    public ExecuteResult prepareAndExecute(
        StatementHandle h,
        String sql,
        long maxRowCount,
        int maxRowsInFirstFrame,
        PrepareCallback callback)
        throws NoSuchStatementException {
      return super.prepareAndExecute(
          h,
          checked(sql),
          rows(maxRowCount),
          (int)
              Math.min(
                  maxRowsInFirstFrame <= 0 ? Integer.MAX_VALUE : maxRowsInFirstFrame,
                  rows(maxRowCount)),
          callback);
    }

    @Override
    public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqls) {
      throw new SqlRefusal(
          SqlRefusal.Reason.NOT_READ_ONLY, "read-only: batches (of updates) are refused");
    }

    @Override
    public ExecuteBatchResult executeBatch(
        StatementHandle h, List<List<TypedValue>> parameterValues) {
      throw new SqlRefusal(
          SqlRefusal.Reason.NOT_READ_ONLY, "read-only: batches (of updates) are refused");
    }

    void closeAll() {
      getConnectionCache().asMap().values().forEach(RuledMeta::closeQuietly);
      getConnectionCache().invalidateAll();
    }

    static void closeQuietly(Connection c) {
      try {
        c.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
  }
}
