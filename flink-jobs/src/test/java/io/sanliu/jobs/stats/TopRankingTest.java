package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopRankingTest {
  static final long MINUTE = Instant.parse("2026-11-22T02:07:00Z").toEpochMilli();
  static final long LAST = MINUTE + 59_999;
  static final Duration LATENESS = Duration.ofMinutes(2);

  KeyedOneInputStreamOperatorTestHarness<String, TradeStatsDocument, TopEntryDocument> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new TopRanking(2, LATENESS), TopRanking::rankingKey, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void slice(String direction, String country, long orders, long cents) throws Exception {
    harness.processElement(
        TradeStatsDocument.of(
            new SliceKey(Caliber.CUSTOMS, Dimension.COUNTRY, direction, country),
            WindowSize.MINUTE,
            MINUTE,
            new SliceMeasures(orders, orders, cents, null),
            Instant.now()),
        LAST);
  }

  List<String> ranks() {
    return harness.extractOutputValues().stream()
        .map(t -> t.direction() + t.rank() + "=" + t.key() + "/" + t.valueCents())
        .toList();
  }

  @Test
  void ranksAWindowsCountriesByValueOnceEventTimePassesItsEnd() throws Exception {
    slice("I", "116", 1, 100);
    slice("I", "133", 1, 300);
    slice("I", "502", 1, 200);
    slice("E", "502", 4, 50);
    harness.processWatermark(LAST - 1);
    assertEquals(List.of(), ranks());

    harness.processWatermark(LAST);

    assertEquals(
        List.of("E1=502/50", "I1=133/300", "I2=502/200"), ranks().stream().sorted().toList());
    TopEntryDocument first =
        harness.extractOutputValues().stream()
            .filter(t -> t.key().equals("133"))
            .findFirst()
            .orElseThrow();
    assertEquals("CUSTOMS:1m:2026-11-22T02:07:00Z:COUNTRY:I:1", first.documentId());
    assertEquals("韩国", first.name());
    assertEquals(3.0, first.valueCny());
  }

  @Test
  void aLateUpdateRanksTheWindowAgainAtOnce() throws Exception {
    slice("I", "116", 1, 100);
    slice("I", "133", 1, 300);
    harness.processWatermark(LAST + 1000);
    slice("I", "116", 2, 500); // the window fired again with a late document

    assertEquals(List.of("I1=133/300", "I2=116/100", "I1=116/500", "I2=133/300"), ranks());
  }

  @Test
  void tiesGoToMoreOrdersThenToTheSmallerKey() throws Exception {
    slice("I", "502", 1, 100);
    slice("I", "116", 1, 100);
    slice("I", "133", 2, 100);
    harness.processWatermark(LAST);

    assertEquals(List.of("I1=133/100", "I2=116/100"), ranks());
  }

  @Test
  void aRankingIsForgottenWhenItsWindowCanNoLongerChange() throws Exception {
    slice("I", "116", 1, 100);
    harness.processWatermark(LAST + LATENESS.toMillis() - 1);
    assertEquals(1, harness.numKeyedStateEntries());

    harness.processWatermark(LAST + LATENESS.toMillis());

    assertEquals(0, harness.numKeyedStateEntries());
  }
}
