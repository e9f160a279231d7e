package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The combiner before the windows, in a test harness: what it sums, when it lets go. */
class SliceCombinerTest {
  static final Instant MINUTE = Instant.parse("2041-03-05T02:07:00Z");
  static final String TOTAL = "PLATFORM|TOTAL|-|ALL";
  static final String JAPAN = "PLATFORM|COUNTRY|I|116";
  static final String KOREA = "PLATFORM|COUNTRY|I|133";

  OneInputStreamOperatorTestHarness<TradeFact, SlicePartial> harness;

  void open(int maxOpen) throws Exception {
    harness = new OneInputStreamOperatorTestHarness<>(new SliceCombiner(maxOpen));
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) harness.close();
  }

  static int n;

  static TradeFact order(Instant at, String country, long cents, String buyer) {
    n++;
    return new TradeFact(
        Caliber.PLATFORM,
        "EBP:SO" + n,
        "G-" + n,
        at,
        "I",
        "1210",
        country,
        "EBP",
        "EBC",
        null,
        1,
        cents,
        buyer,
        List.of(new FactLine("EBC:A", null, cents)));
  }

  void send(TradeFact f) throws Exception {
    harness.processElement(f, f.eventTime().toEpochMilli());
  }

  /** Records emitted so far, by slice; fails on a slice emitted twice. */
  Map<String, SlicePartial> emitted() {
    Map<String, SlicePartial> out = new HashMap<>();
    for (SlicePartial p : harness.extractOutputValues()) {
      SlicePartial before = out.put(p.slice(), p);
      assertNull(before, "one record per slice: " + p.slice());
    }
    return out;
  }

  @Test
  void sumsEachSlicesMinuteAndLetsItGoWhenEventTimePassesTheMinutesEnd() throws Exception {
    open(1000);
    send(order(MINUTE.plusSeconds(1), "116", 1000, "a"));
    send(order(MINUTE.plusSeconds(20), "116", 250, "b"));
    send(order(MINUTE.plusSeconds(59), "133", 5, "a"));
    harness.processWatermark(MINUTE.plusSeconds(58).toEpochMilli());
    assertTrue(harness.extractOutputValues().isEmpty(), "the minute is still open");

    harness.processWatermark(MINUTE.plusSeconds(60).toEpochMilli() - 1);

    Map<String, SlicePartial> out = emitted();
    SlicePartial total = out.get(TOTAL);
    assertEquals(3, total.orders());
    assertEquals(1255, total.valueCents());
    assertEquals(2, BuyerSketch.estimate(total.buyers()));
    assertNull(total.documentKey(), "a sum names no single document");
    assertEquals(MINUTE.plusSeconds(59), total.eventTime());
    assertEquals(2, out.get(JAPAN).orders());
    assertEquals(1250, out.get(JAPAN).valueCents());
    SlicePartial korea = out.get(KOREA);
    assertEquals(1, korea.orders());
    assertEquals("EBP:SO" + n, korea.documentKey(), "a sum of one keeps its document");
    assertEquals("G-" + n, korea.sourceGuid());
  }

  @Test
  void theSumsLeaveBeforeTheWatermarkThatClosesTheirWindows() throws Exception {
    open(1000);
    send(order(MINUTE.plusSeconds(5), "116", 100, null));
    long end = MINUTE.plusSeconds(60).toEpochMilli() - 1;

    harness.processWatermark(end);

    List<Object> output = new ArrayList<>(harness.getOutput());
    Object last = output.get(output.size() - 1);
    assertEquals(new Watermark(end), assertInstanceOf(Watermark.class, last));
    for (Object o : output.subList(0, output.size() - 1)) {
      StreamRecord<?> r = assertInstanceOf(StreamRecord.class, o);
      assertTrue(r.getTimestamp() <= end, "on time for its windows");
    }
    assertTrue(output.size() > 1, "sums were emitted");
  }

  @Test
  void aDocumentForAClosedMinuteTravelsAloneAtOnceWithItsKey() throws Exception {
    open(1000);
    harness.processWatermark(MINUTE.plusSeconds(90).toEpochMilli());
    TradeFact late = order(MINUTE.plusSeconds(30), "116", 700, "z");

    send(late);

    Map<String, SlicePartial> out = emitted();
    assertEquals(CubeSlices.of(late).size(), out.size(), "every slice at once, unsummed");
    SlicePartial total = out.get(TOTAL);
    assertEquals(late.documentKey(), total.documentKey());
    assertEquals(late.sourceGuid(), total.sourceGuid());
    assertEquals(700, total.valueCents());
    assertEquals(1, BuyerSketch.estimate(total.buyers()));
    long stamp =
        harness.getOutput().stream()
            .filter(StreamRecord.class::isInstance)
            .mapToLong(o -> ((StreamRecord<?>) o).getTimestamp())
            .max()
            .orElseThrow();
    assertEquals(late.eventTime().toEpochMilli(), stamp, "placed by its own time downstream");
  }

  @Test
  void everythingOpenLeavesBeforeACheckpointBarrier() throws Exception {
    open(1000);
    send(order(MINUTE.plusSeconds(1), "116", 100, "a"));
    send(order(MINUTE.plusSeconds(61), "116", 200, "b"));

    harness.prepareSnapshotPreBarrier(1);

    List<SlicePartial> out = harness.extractOutputValues();
    long totals = out.stream().filter(p -> p.slice().equals(TOTAL)).count();
    assertEquals(2, totals, "one total per minute");
    assertEquals(
        300,
        out.stream()
            .filter(p -> p.slice().equals(TOTAL))
            .mapToLong(SlicePartial::valueCents)
            .sum());
    harness.processWatermark(MINUTE.plusSeconds(200).toEpochMilli());
    assertEquals(out.size(), harness.extractOutputValues().size(), "nothing was kept back");
  }

  @Test
  void tooManyOpenSliceMinutesLeaveEarlyAndTheirSumsStillAddUp() throws Exception {
    int perOrder = CubeSlices.of(order(MINUTE, "116", 1, null)).size();
    open(perOrder * 2);
    long cents = 0;
    for (int i = 0; i < 10; i++) {
      // A new country each time: new slices, so the bound is crossed again and again.
      send(order(MINUTE.plusSeconds(i), "C" + i, 10 + i, null));
      cents += 10 + i;
    }
    int beforeWatermark = harness.extractOutputValues().size();
    harness.processWatermark(MINUTE.plusSeconds(60).toEpochMilli() - 1);

    List<SlicePartial> out = harness.extractOutputValues();
    assertTrue(beforeWatermark > 0, "the bound made it let go before event time did");
    List<SlicePartial> totals = out.stream().filter(p -> p.slice().equals(TOTAL)).toList();
    assertTrue(totals.size() > 1, "the total left in several sums");
    assertEquals(10, totals.stream().mapToLong(SlicePartial::orders).sum());
    assertEquals(cents, totals.stream().mapToLong(SlicePartial::valueCents).sum());
  }

  @Test
  void refusesANonPositiveBound() {
    assertThrows(IllegalArgumentException.class, () -> new SliceCombiner(0));
  }
}
