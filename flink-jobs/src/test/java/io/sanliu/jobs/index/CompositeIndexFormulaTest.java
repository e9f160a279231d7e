package io.sanliu.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class CompositeIndexFormulaTest {
  static final long T0 = 1_795_000_000_000L / 60_000 * 60_000;

  final TreeMap<Long, MinuteMeasures> minutes = new TreeMap<>();
  final Map<SubIndex, Double> bases = new EnumMap<>(SubIndex.class);

  /**
   * A steady minute: 10 orders of 100 CNY by 5 enterprises, 2 releases of 2 h, 1 delivery of 48 h.
   */
  static MinuteMeasures steady(int minute) {
    MinuteMeasures m = new MinuteMeasures();
    for (int i = 0; i < 10; i++) m.order(10_000, "E" + (i % 5));
    m.release(2 * 3_600_000L).release(2 * 3_600_000L).delivery(48 * 3_600_000L);
    if (minute % 10 == 0) m.alert(2);
    return m;
  }

  CompositeIndexPoint run(int fromMinute, int toMinute, IntFunction<MinuteMeasures> minute) {
    CompositeIndexPoint p = null;
    for (int i = fromMinute; i < toMinute; i++) {
      MinuteMeasures m = minute.apply(i);
      if (m.orders() > 0 || m.releases() > 0 || m.deliveries() > 0)
        minutes.put(T0 + i * 60_000L, m);
      p = CompositeIndexFormula.point(minutes, T0 + i * 60_000L, T0, bases);
    }
    return p;
  }

  @Test
  void theBasePeriodIsOneHundred() {
    CompositeIndexPoint p = run(0, 60, CompositeIndexFormulaTest::steady);
    assertEquals(100.0, p.composite());
    assertEquals(6, bases.size(), "every component has its base after a full hour");
    assertEquals(60_000.0, bases.get(SubIndex.TRADE_VALUE), "600 orders x 100 CNY");
    assertEquals(600.0, bases.get(SubIndex.VOLUME));
    assertEquals(5.0, bases.get(SubIndex.ACTIVE_ENTERPRISES));
    assertEquals(2.0, bases.get(SubIndex.CLEARANCE), "hours from declared to released");
    assertEquals(48.0, bases.get(SubIndex.LOGISTICS));
    assertEquals(2.0 * 6 * 10_000 / 600, bases.get(SubIndex.RISK), "weight per 10k orders");
    for (var c : p.components().values()) assertEquals(100.0, c.index());
  }

  @Test
  void beforeAFullHourEverySubIndexIsNeutral() {
    CompositeIndexPoint p = run(0, 30, CompositeIndexFormulaTest::steady);
    assertEquals(100.0, p.composite());
    assertTrue(bases.isEmpty());
    assertNull(p.components().get(SubIndex.VOLUME).base());
  }

  @Test
  void twiceTheTradeAndFasterClearanceRaiseTheIndexByTheirWeights() {
    run(0, 60, CompositeIndexFormulaTest::steady);
    CompositeIndexPoint p =
        run(
            60,
            120,
            i -> {
              MinuteMeasures m = steady(i);
              for (int k = 0; k < 10; k++) m.order(10_000, "E" + (k % 5));
              return m;
            });
    assertEquals(200.0, p.components().get(SubIndex.TRADE_VALUE).index());
    assertEquals(200.0, p.components().get(SubIndex.VOLUME).index());
    assertEquals(100.0, p.components().get(SubIndex.ACTIVE_ENTERPRISES).index());
    // The same alerts over twice the orders: half the risk rate (ratio 1.5), 1,200 orders.
    double risk = p.components().get(SubIndex.RISK).index();
    assertEquals(CompositeIndexFormula.round(100 * (1 + 0.5 * 1200 / 1250)), risk, 0.01);
    assertEquals(
        CompositeIndexFormula.round(
            0.25 * 200 + 0.20 * 200 + 0.15 * 100 + 0.15 * 100 + 0.10 * 100 + 0.15 * risk),
        p.composite(),
        0.01);
  }

  @Test
  void aHandfulOfSlowReleasesHardlyMovesClearance() {
    run(0, 60, CompositeIndexFormulaTest::steady);
    // An hour with only three releases, each taking ten times the base period's.
    CompositeIndexPoint p =
        run(
            60,
            120,
            i -> {
              MinuteMeasures m = new MinuteMeasures();
              for (int k = 0; k < 10; k++) m.order(10_000, "E" + (k % 5));
              if (i % 20 == 0) m.release(20 * 3_600_000L);
              return m;
            });
    double clearance = p.components().get(SubIndex.CLEARANCE).index();
    // raw ratio 2 - 10 = -8, held at 0, pulled toward 1 by 3 / (3 + 50): 100 x (1 - 3/53) = 94.34
    assertEquals(94.34, clearance, 0.01);
    assertEquals(100.0, p.components().get(SubIndex.LOGISTICS).index(), "no deliveries: no news");
  }

  @Test
  void anEmptyZoneNeitherDividesByZeroNorRunsAway() {
    run(0, 60, CompositeIndexFormulaTest::steady);
    CompositeIndexPoint p = run(60, 180, i -> new MinuteMeasures());
    assertEquals(0.0, p.components().get(SubIndex.TRADE_VALUE).index());
    assertEquals(0.0, p.components().get(SubIndex.VOLUME).index());
    assertEquals(100.0, p.components().get(SubIndex.RISK).index(), "no orders: no risk rate");
    assertFalse(Double.isNaN(p.composite()));
    assertEquals(
        0.25 * 0 + 0.20 * 0 + 0.15 * 0 + 0.15 * 100 + 0.10 * 100 + 0.15 * 100, p.composite(), 0.01);
  }

  @Test
  void noAlertsAtAllIsBetterThanTheBaseButBounded() {
    run(0, 60, CompositeIndexFormulaTest::steady);
    CompositeIndexPoint p =
        run(
            60,
            120,
            i -> {
              MinuteMeasures m = new MinuteMeasures();
              for (int k = 0; k < 10; k++) m.order(10_000, "E" + (k % 5));
              return m;
            });
    double risk = p.components().get(SubIndex.RISK).index();
    // level 0: ratio 2 (the best a less-is-better component gets), pulled by 600 / 650.
    assertEquals(CompositeIndexFormula.round(100 * (1 + 1.0 * 600 / 650)), risk, 0.01);
    assertTrue(risk < 200);
  }

  @Test
  void aCleanBaseHourStillGivesRiskABase() {
    run(
        0,
        60,
        i -> {
          MinuteMeasures m = new MinuteMeasures();
          for (int k = 0; k < 10; k++) m.order(10_000, "E1");
          return m;
        });
    assertEquals(CompositeIndexFormula.MIN_RISK_BASE, bases.get(SubIndex.RISK));
    assertNull(bases.get(SubIndex.CLEARANCE), "no releases: no base yet");
  }

  @Test
  void subIndexFieldNamesAreCamelCase() {
    assertEquals("tradeValue", SubIndex.TRADE_VALUE.field());
    assertEquals("activeEnterprises", SubIndex.ACTIVE_ENTERPRISES.field());
    assertEquals(
        1.0, java.util.Arrays.stream(SubIndex.values()).mapToDouble(SubIndex::weight).sum(), 1e-9);
  }

  @Test
  void theIndexDocumentHasTheTemplatesFields() throws Exception {
    CompositeIndexPoint p = run(0, 60, CompositeIndexFormulaTest::steady);
    var json = io.sanliu.model.Json.mapper().valueToTree(p.document());
    assertEquals(
        java.util.List.of("minuteStart", "minuteEnd", "composite", "subIndices"),
        iterate(json.fieldNames()));
    assertEquals(
        java.util.Arrays.stream(SubIndex.values()).map(SubIndex::field).toList(),
        iterate(json.get("subIndices").fieldNames()));
    assertEquals(100.0, json.get("subIndices").get("volume").get("index").asDouble());
    assertEquals(600.0, json.get("subIndices").get("volume").get("base").asDouble());
    assertTrue(json.get("minuteStart").isTextual(), "an ISO instant: " + json.get("minuteStart"));
  }

  static java.util.List<String> iterate(java.util.Iterator<String> names) {
    java.util.List<String> out = new java.util.ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }
}
