package io.sanliu.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlGuardTest {

  @Test
  void letsThroughOneReadOnlyStatement() {
    assertEquals("SELECT 1", SqlGuard.readOnly("SELECT 1"));
    assertEquals("SELECT 1", SqlGuard.readOnly("SELECT 1;"));
    assertTrue(SqlGuard.readOnly("WITH x AS (SELECT 1 AS a) SELECT a FROM x").startsWith("WITH"));
    assertTrue(SqlGuard.readOnly("(SELECT 1) UNION (SELECT 2)").contains("UNION"));
    assertTrue(SqlGuard.readOnly("-- a comment\nSELECT 1").contains("SELECT 1"));
  }

  @Test
  void rewritesExplainOfAQueryToCalcitesForm() {
    assertEquals("EXPLAIN PLAN FOR SELECT 1", SqlGuard.readOnly("EXPLAIN SELECT 1"));
    assertEquals("EXPLAIN PLAN FOR SELECT 1", SqlGuard.readOnly("EXPLAIN PLAN FOR SELECT 1"));
  }

  @Test
  void refusesWritesAndDefinitionsSayingWhatWasFound() {
    for (String sql :
        List.of(
            "INSERT INTO alerts (a) VALUES (1)",
            "update alerts set a = 1",
            "DELETE FROM alerts",
            "MERGE INTO a USING b ON a.x = b.x WHEN MATCHED THEN DELETE",
            "CREATE TABLE t (x INT)",
            "DROP TABLE alerts",
            "GRANT ALL ON alerts TO bob",
            "EXPLAIN PLAN FOR INSERT INTO alerts (a) VALUES (1)")) {
      SqlRefusal r = assertThrows(SqlRefusal.class, () -> SqlGuard.readOnly(sql), sql);
      assertEquals(SqlRefusal.Reason.NOT_READ_ONLY, r.reason(), sql);
      assertTrue(
          r.getMessage().startsWith("read-only: only SELECT, WITH and EXPLAIN"), r.getMessage());
    }
    assertTrue(
        assertThrows(SqlRefusal.class, () -> SqlGuard.readOnly("delete from alerts"))
            .getMessage()
            .endsWith("not DELETE"));
  }

  @Test
  void refusesSeveralStatementsButNotSemicolonsInLiteralsOrComments() {
    SqlRefusal r =
        assertThrows(SqlRefusal.class, () -> SqlGuard.readOnly("SELECT 1; DROP TABLE alerts"));
    assertEquals(SqlRefusal.Reason.NOT_READ_ONLY, r.reason());
    assertTrue(r.getMessage().contains("found 2"), r.getMessage());
    assertEquals(1, SqlGuard.statements("SELECT 'a;b', \"c;d\" -- e;f\n /* g;h */").size());
    assertEquals(2, SqlGuard.statements("SELECT 1;\nSELECT 'it''s;'").size());
  }

  @Test
  void emptyOrBrokenSqlIsInvalid() {
    assertEquals(
        SqlRefusal.Reason.INVALID,
        assertThrows(SqlRefusal.class, () -> SqlGuard.readOnly("  ")).reason());
    assertEquals(
        SqlRefusal.Reason.INVALID,
        assertThrows(SqlRefusal.class, () -> SqlGuard.readOnly("SELECT FROM WHERE")).reason());
  }

  @Test
  void columnNamesReadAsAnAnalystWouldTypeThem() {
    assertEquals("enterprise_code", SqlColumn.sqlName("enterpriseCode"));
    assertEquals("sub_indices_trade_value_index", SqlColumn.sqlName("subIndices.tradeValue.index"));
    assertEquals("next_counts_out_for_delivery", SqlColumn.sqlName("nextCounts.OUT_FOR_DELIVERY"));
    assertEquals("p50_minutes", SqlColumn.sqlName("p50Minutes"));
    assertEquals("window_start", SqlColumn.sqlName("windowStart"));
  }

  @Test
  void everyIndexIsATableWithTypedColumns() {
    assertEquals(10, TableCatalog.all().size());
    SqlTable alerts = TableCatalog.all().get("alerts");
    assertEquals(FieldKind.DATE, column(alerts, "detected_at").kind());
    assertEquals(FieldKind.DOUBLE, column(alerts, "score").kind());
    assertTrue(column(alerts, "evidence").personal());
    assertTrue(column(alerts, "order_keys").multiValued());
    assertTrue(
        alerts.masked().columns().stream().filter(SqlColumn::personal).allMatch(SqlColumn::masked));
    SqlTable shipments = TableCatalog.all().get("shipments");
    assertTrue(shipments.columns().stream().noneMatch(c -> c.field().startsWith("timeline")));
    assertEquals(FieldKind.DOUBLE, column(shipments, "stage_minutes_declared").kind());
  }

  private static SqlColumn column(SqlTable table, String name) {
    return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
