package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.Json;
import io.sanliu.model.kafka.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The job's own window operator (built by {@link TradeWindows}) in a test harness. */
class TradeWindowsTest {
  static final Instant MINUTE = Instant.parse("2026-11-22T02:07:00Z");
  static final Duration LATENESS = Duration.ofMinutes(2);
  static final String TOTAL = "PLATFORM|TOTAL|-|ALL";
  static final String JAPAN = "PLATFORM|COUNTRY|I|116";

  KeyedOneInputStreamOperatorTestHarness<String, SlicePartial, TradeStatsDocument> harness;

  @SuppressWarnings("unchecked")
  void open(WindowSize size) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    SingleOutputStreamOperator<TradeStatsDocument> windows =
        TradeWindows.aggregate(env.fromData(entry(TOTAL, MINUTE, 0, null)), size, LATENESS);
    OneInputStreamOperator<SlicePartial, TradeStatsDocument> operator =
        ((OneInputTransformation<SlicePartial, TradeStatsDocument>) windows.getTransformation())
            .getOperator();
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(operator, SlicePartial::slice, Types.STRING);
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (harness != null) harness.close();
  }

  static SlicePartial entry(String slice, Instant at, long cents, String buyer) {
    return SlicePartial.of(
        new SliceEntry(slice, 1, 1, cents, buyer, "EBP:SO-" + at, "G-" + at, at));
  }

  void send(String slice, Instant at, long cents, String buyer) throws Exception {
    harness.processElement(entry(slice, at, cents, buyer), at.toEpochMilli());
  }

  void watermark(Instant at) throws Exception {
    harness.processWatermark(at.toEpochMilli());
  }

  /** Documents emitted so far, as {@code id orders/cents/buyers}. */
  List<String> emitted() {
    return harness.extractOutputValues().stream()
        .map(d -> d.documentId() + " " + d.orders() + "/" + d.valueCents() + "/" + d.buyers())
        .toList();
  }

  List<SlicePartial> late() {
    var side = harness.getSideOutput(TradeWindows.LATE);
    return side == null
        ? List.of()
        : side.stream().map(StreamRecord::getValue).collect(Collectors.toList());
  }

  @Test
  void aMinuteFiresOnceEventTimePassesItsEndWithEverySlicesMeasures() throws Exception {
    open(WindowSize.MINUTE);
    send(TOTAL, MINUTE.plusSeconds(1), 1000, "a");
    send(TOTAL, MINUTE.plusSeconds(59), 2050, "b");
    send(JAPAN, MINUTE.plusSeconds(59), 2050, "b");
    send(TOTAL, MINUTE.plusSeconds(60), 7, "c"); // the next minute
    watermark(MINUTE.plusSeconds(60).minusMillis(2));
    assertEquals(List.of(), emitted(), "not before its last millisecond");

    watermark(MINUTE.plusSeconds(60).minusMillis(1));

    assertEquals(
        List.of(
            "PLATFORM:1m:2026-11-22T02:07:00Z:COUNTRY:I:116 1/2050/1",
            "PLATFORM:1m:2026-11-22T02:07:00Z:TOTAL 2/3050/2"),
        emitted().stream().sorted().toList());
    assertTrue(
        harness.extractOutputStreamRecords().stream()
            .allMatch(r -> r.getTimestamp() == MINUTE.plusSeconds(60).toEpochMilli() - 1));
  }

  @Test
  void aLateDocumentWithinTheAllowedLatenessUpdatesTheSameDocument() throws Exception {
    open(WindowSize.MINUTE);
    send(TOTAL, MINUTE.plusSeconds(1), 1000, "a");
    watermark(MINUTE.plusSeconds(61));
    send(TOTAL, MINUTE.plusSeconds(30), 500, "b"); // out of order: its minute has fired
    send(TOTAL, MINUTE.plusSeconds(31), 1, "a");
    watermark(MINUTE.plusSeconds(60).plus(LATENESS).minusMillis(2));
    send(TOTAL, MINUTE.plusSeconds(32), 2, null); // the last moment it is still taken

    assertEquals(
        List.of(
            "PLATFORM:1m:2026-11-22T02:07:00Z:TOTAL 1/1000/1",
            "PLATFORM:1m:2026-11-22T02:07:00Z:TOTAL 2/1500/2",
            "PLATFORM:1m:2026-11-22T02:07:00Z:TOTAL 3/1501/2",
            "PLATFORM:1m:2026-11-22T02:07:00Z:TOTAL 4/1503/2"),
        emitted(),
        "every version has the window's totals so far, under one id");
    assertEquals(List.of(), late());
  }

  @Test
  void aDocumentLaterThanTheAllowedLatenessIsNotCountedAndLeavesAsLate() throws Exception {
    open(WindowSize.MINUTE);
    send(TOTAL, MINUTE.plusSeconds(1), 1000, "a");
    watermark(MINUTE.plusSeconds(60).plus(LATENESS).minusMillis(1));
    send(TOTAL, MINUTE.plusSeconds(30), 500, "b");
    send(JAPAN, MINUTE.plusSeconds(30), 500, "b");

    assertEquals(List.of("PLATFORM:1m:2026-11-22T02:07:00Z:TOTAL 1/1000/1"), emitted());
    assertEquals(2, late().size());
    assertEquals(0, harness.numKeyedStateEntries(), "the closed window's state is gone");

    List<DeadLetter> letters = new ArrayList<>();
    Collector<DeadLetter> collector = collect(letters);
    LateEntries accounting = new LateEntries("flink:test", WindowSize.MINUTE, LATENESS);
    for (SlicePartial e : late()) accounting.flatMap(e, collector);
    assertEquals(1, letters.size(), "one dead letter per document and window size");
    DeadLetter letter = letters.get(0);
    assertEquals("flink:test", letter.stage());
    assertEquals("G-" + MINUTE.plusSeconds(30), letter.messageGuid());
    assertTrue(letter.errors().get(0).reason().contains("1m window [2026-11-22T02:07:00Z"));
    var payload = Json.mapper().readTree(letter.payload());
    assertEquals("1m", payload.get("windowSize").asText());
    assertEquals(500, payload.get("valueCents").asLong());
  }

  @Test
  void theHourStillTakesADocumentTooLateForItsMinute() throws Exception {
    open(WindowSize.HOUR);
    send(TOTAL, MINUTE.plusSeconds(1), 1000, "a");
    watermark(MINUTE.plusSeconds(60).plus(LATENESS));
    send(TOTAL, MINUTE.plusSeconds(30), 500, "b");
    watermark(Instant.parse("2026-11-22T03:00:00Z").minusMillis(1));

    assertEquals(List.of("PLATFORM:1h:2026-11-22T02:00:00Z:TOTAL 2/1500/2"), emitted());
    assertEquals(List.of(), late());
  }

  @Test
  void aDayRunsFromMidnightToMidnightInChina() throws Exception {
    open(WindowSize.DAY);
    send(TOTAL, Instant.parse("2026-11-22T15:59:59.999Z"), 1, null); // 23:59:59.999 on the 22nd
    send(TOTAL, Instant.parse("2026-11-21T16:00:00Z"), 2, null); // 00:00 on the 22nd
    send(TOTAL, Instant.parse("2026-11-22T16:00:00Z"), 4, null); // 00:00 on the 23rd
    watermark(Instant.parse("2026-11-23T16:00:00Z"));

    assertEquals(
        List.of(
            "PLATFORM:1d:2026-11-21T16:00:00Z:TOTAL 2/3/0",
            "PLATFORM:1d:2026-11-22T16:00:00Z:TOTAL 1/4/0"),
        emitted());
  }

  static <T> Collector<T> collect(List<T> into) {
    return new Collector<>() {
      @Override
      public void collect(T record) {
        into.add(record);
      }

      @Override
      public void close() {}
    };
  }
}
