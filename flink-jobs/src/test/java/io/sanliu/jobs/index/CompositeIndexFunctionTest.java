package io.sanliu.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.Severity;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompositeIndexFunctionTest {
  static final long M = 60_000;
  static final long T0 = 1_795_000_000_000L / M * M;
  KeyedOneInputStreamOperatorTestHarness<String, IndexEvent, CompositeIndexPoint> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new CompositeIndexFunction(), e -> "zone", Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(IndexEvent e) throws Exception {
    harness.processElement(e, e.time());
  }

  /** Ten orders of 100 CNY, two releases, a delivery in minute {@code i}. */
  void steadyMinute(int i) throws Exception {
    long t = T0 + i * M;
    for (int k = 0; k < 10; k++) send(IndexEvent.order(t + k, 10_000, "E" + (k % 5)));
    send(IndexEvent.release(t + 20, 2 * 3_600_000L));
    send(IndexEvent.release(t + 21, 2 * 3_600_000L));
    send(IndexEvent.delivery(t + 30, 48 * 3_600_000L));
    if (i % 10 == 0) send(IndexEvent.alert(t + 40, Severity.MEDIUM));
  }

  List<CompositeIndexPoint> points() {
    return harness.extractOutputValues();
  }

  @Test
  void aPointPerMinuteOnceTheWatermarkPassesIt() throws Exception {
    steadyMinute(0);
    steadyMinute(1);
    assertEquals(List.of(), points());
    harness.processWatermark(T0 + 2 * M);
    assertEquals(2, points().size());
    assertEquals(Instant.ofEpochMilli(T0 + M), points().get(1).minuteStart());
    assertEquals(100.0, points().get(1).composite(), "no base yet: neutral");
  }

  @Test
  void quietMinutesArePublishedToo() throws Exception {
    steadyMinute(0);
    steadyMinute(5);
    harness.processWatermark(T0 + 6 * M);
    assertEquals(6, points().size(), "minutes 0 to 5, the four quiet ones included");
  }

  @Test
  void afterAFullHourTheBasePeriodIsOneHundredAndMoreTradeRaisesIt() throws Exception {
    for (int i = 0; i < 60; i++) steadyMinute(i);
    harness.processWatermark(T0 + 60 * M);
    assertEquals(100.0, points().get(59).composite());
    for (int i = 60; i < 120; i++) {
      steadyMinute(i);
      steadyMinute(i); // twice the orders, releases, deliveries and alerts
    }
    harness.processWatermark(T0 + 120 * M);
    CompositeIndexPoint last = points().get(points().size() - 1);
    assertEquals(200.0, last.components().get(SubIndex.VOLUME).index());
    assertEquals(200.0, last.components().get(SubIndex.TRADE_VALUE).index());
    assertEquals(100.0, last.components().get(SubIndex.RISK).index(), "the same rate per order");
    assertTrue(last.composite() > 100);
  }

  @Test
  void aLateEventCountsForLaterHoursWithoutRevisingAPublishedPoint() throws Exception {
    steadyMinute(0);
    harness.processWatermark(T0 + M);
    send(IndexEvent.order(T0 + 5, 1_000_000, "E9")); // late, into minute 0
    steadyMinute(1);
    harness.processWatermark(T0 + 2 * M);
    assertEquals(2, points().size(), "minute 0 was not published again");
    assertEquals(
        10 + 10 + 1,
        points().get(1).components().get(SubIndex.VOLUME).level(),
        "the hour up to minute 1 holds the late order");
    assertEquals(10, points().get(0).components().get(SubIndex.VOLUME).level());
  }
}
